import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../server/content/content-check.ts';
import { exportContent } from '../../server/content/export-content.ts';
import { ImportError, importContent } from '../../server/content/import-content.ts';
import { writeEntryFile } from '../../server/entries/entry-file.ts';
import { findEntry, listEntryIds } from '../../server/entries/entry-queries.ts';
import { caught } from '../support/caught.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'planb-translations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('translation_of in the file format', () => {
  it('is written right after language, and only on a translation', () => {
    const text = writeEntryFile(makeEntry({ id: 'annulla-ordine', language: 'it', translationOf: 'cancel-order' }));
    expect(text).toMatch(/\nlanguage: it\ntranslation_of: cancel-order\nstatus: vetted\n/);
    expect(writeEntryFile(makeEntry({ id: 'cancel-order' }))).not.toContain('translation_of');
  });

  it('round-trips the starter content byte for byte, translations included', () => {
    const db = freshDatabase();
    importContent(db, { entriesDir: 'content/entries' });
    const out = mkdtempSync(join(tmpdir(), 'planb-export-'));
    exportContent(db, { entriesDir: out });
    const names = readdirSync('content/entries');
    const translations = names.filter((n) => /^translation_of: /m.test(readFileSync(join('content/entries', n), 'utf8')));
    expect(translations.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join('content/entries', name), 'utf8'));
    }
    expect(findEntry(db, 'track-my-order-ca')?.entry.translationOf).toBe('track-my-order');
  });

  it('refuses a batch whose translation names an unknown entry, naming file and line, and imports nothing', () => {
    const db = freshDatabase();
    const source = writeEntryFile(makeEntry({ id: 'cancel-order' }));
    const broken = writeEntryFile(makeEntry({ id: 'annulla-ordine', language: 'it', translationOf: 'no-such-entry' }));
    const error = caught(ImportError, () => importContent(db, { entriesDir: folder({ 'cancel-order.md': source, 'annulla-ordine.md': broken }) }));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.message).toMatch(
      new RegExp(`annulla-ordine\\.md:${lineOf(broken, 'translation_of')}: translation_of: no entry has the id "no-such-entry"`),
    );
    expect(listEntryIds(db)).toEqual([]);
  });

  it('refuses the other broken links the content check refuses: same language, two per language', () => {
    const db = freshDatabase();
    const files = {
      'cancel-order.md': writeEntryFile(makeEntry({ id: 'cancel-order' })),
      'cancel-my-order.md': writeEntryFile(makeEntry({ id: 'cancel-my-order', translationOf: 'cancel-order' })),
      'annulla-ordine.md': writeEntryFile(makeEntry({ id: 'annulla-ordine', language: 'it', translationOf: 'cancel-order' })),
      'cancellare-ordine.md': writeEntryFile(makeEntry({ id: 'cancellare-ordine', language: 'it', translationOf: 'cancel-order' })),
    };
    const error = caught(ImportError, () => importContent(db, { entriesDir: folder(files) }));
    expect(error.problems.map((p) => `${p.file.split('/').pop()}:${p.line}`).sort()).toEqual(['cancel-my-order.md:7', 'cancellare-ordine.md:7']);
    expect(error.message).toContain('is in the same language (en)');
    expect(error.message).toContain('annulla-ordine already translates cancel-order into it');
    expect(listEntryIds(db)).toEqual([]);
  });

  it('accepts a translation of an entry already in the database', () => {
    const db = freshDatabase();
    importContent(db, { entriesDir: folder({ 'cancel-order.md': writeEntryFile(makeEntry({ id: 'cancel-order' })) }) });
    const italian = writeEntryFile(makeEntry({ id: 'annulla-ordine', language: 'it', translationOf: 'cancel-order' }));
    expect(importContent(db, { entriesDir: folder({ 'annulla-ordine.md': italian }) }).created).toBe(1);
  });
});

describe('the starter translations', () => {
  const entries = readdirSync('content/entries').map((name) => readFileSync(join('content/entries', name), 'utf8'));
  const linked = (language: string) => entries.filter((t) => t.includes(`\nlanguage: ${language}\ntranslation_of: `));

  it.each(['it', 'ru', 'ca'])('has at least 10 entries in %s, every one linked to its source', (language) => {
    expect(linked(language).length).toBeGreaterThanOrEqual(10);
    expect(entries.filter((t) => t.includes(`\nlanguage: ${language}\n`))).toHaveLength(linked(language).length);
  });

  it('passes the content check', () => {
    expect(checkContent('content')).toEqual([]);
  });
});
