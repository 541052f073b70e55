import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { latestChangeSeq } from '../../server/db/changes.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

let db: Db;
beforeEach(() => {
  db = freshDatabase();
});

const matching = (word: string) =>
  db
    .prepare(
      'SELECT e.id FROM entries_fts JOIN entries e ON e.entry_no = entries_fts.rowid WHERE entries_fts MATCH ? ORDER BY e.id',
    )
    .pluck()
    .all(`"${word}"`);

const integrityCheck = () => db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')").run();
const save = (entry: ReturnType<typeof makeEntry>) => saveEntry(db, entry, { author: 'test', summary: 'test' });

describe('the full-text index follows every write in the same transaction', () => {
  it('finds a new entry by title, phrasing, tag, summary and option text', () => {
    save(makeEntry({
      id: 'parcel',
      title: 'Parcel never arrived',
      phrasings: ['where is my package'],
      tags: ['courier'],
      summary: 'Use when tracking stalls.',
      alternatives: [{ title: 'Pickup point', body: 'Offer a **locker** nearby.' }],
    }));
    for (const word of ['parcel', 'package', 'courier', 'tracking', 'locker']) expect(matching(word), word).toEqual(['parcel']);
    integrityCheck();
  });

  it('forgets the old words and learns the new ones on update', () => {
    save(makeEntry({ id: 'refund', title: 'Refund is late' }));
    save(makeEntry({ id: 'refund', title: 'Money back has not arrived' }));
    expect(matching('refund')).toEqual([]);
    expect(matching('money')).toEqual(['refund']);
    integrityCheck();
  });

  it('drops a deleted entry', () => {
    save(makeEntry({ id: 'gone', title: 'Vanishing voucher' }));
    db.prepare('DELETE FROM entries WHERE id = ?').run('gone');
    expect(matching('voucher')).toEqual([]);
    integrityCheck();
  });

  it('leaves no trace of a write whose transaction failed', () => {
    save(makeEntry({ id: 'kept', title: 'Kept title' }));
    const before = latestChangeSeq(db);
    expect(() =>
      db.transaction(() => {
        save(makeEntry({ id: 'kept', title: 'Doomed title' }));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(matching('doomed')).toEqual([]);
    expect(matching('kept')).toEqual(['kept']);
    expect(latestChangeSeq(db)).toBe(before);
  });

  it('bumps the change sequence once per write and not for an unchanged save', () => {
    const start = latestChangeSeq(db);
    save(makeEntry({ id: 'a' }));
    save(makeEntry({ id: 'b' }));
    save(makeEntry({ id: 'a' }));
    expect(latestChangeSeq(db)).toBe(start + 2);
  });
});
