import { describe, expect, it } from 'vitest';
import { changedEntries, latestChangeSeq, recordChange } from '../../server/db/changes.ts';
import { freshDatabase } from '../support/database.ts';

describe('the entries changed in a range of the change sequence', () => {
  it('lists each entry once, in the order first changed, up to the end of the range only', () => {
    const db = freshDatabase();
    const from = latestChangeSeq(db);
    for (const id of ['b', 'a', 'b', 'c']) recordChange(db, 'entry', id, '2026-12-02T10:00:00Z');
    recordChange(db, 'guide', 'start-here', '2026-12-02T10:00:00Z');
    const to = latestChangeSeq(db);
    recordChange(db, 'entry', 'later', '2026-12-02T10:00:00Z');
    expect([...changedEntries(db, from, to)]).toEqual(['b', 'a', 'c']);
    expect([...changedEntries(db, from + 1, to)]).toEqual(['a', 'b', 'c']);
    expect([...changedEntries(db, from, latestChangeSeq(db))]).toEqual(['b', 'a', 'c', 'later']);
    db.close();
  });

  it('reads a range once for every reader asking for it, and again for another range', () => {
    const db = freshDatabase();
    recordChange(db, 'entry', 'a', '2026-12-02T10:00:00Z');
    const first = changedEntries(db, 0, latestChangeSeq(db));
    expect(changedEntries(db, 0, latestChangeSeq(db))).toBe(first);
    recordChange(db, 'entry', 'b', '2026-12-02T10:00:00Z');
    expect([...changedEntries(db, 0, latestChangeSeq(db))]).toEqual(['a', 'b']);
    db.close();
  });
});
