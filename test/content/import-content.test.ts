import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportContent } from '../../server/content/export-content.ts';
import { ImportError, importContent } from '../../server/content/import-content.ts';
import type { Db } from '../../server/db/connection.ts';
import { writeEntryFile } from '../../server/entries/entry-file.ts';
import { findEntry, listEntryIds } from '../../server/entries/entry-queries.ts';
import { findGuide } from '../../server/guides/guide-queries.ts';
import { freshDatabase } from '../support/database.ts';
import { caught } from '../support/caught.ts';
import { makeEntry } from '../support/entries.ts';

let db: Db;
let dir: string;
beforeEach(() => {
  db = freshDatabase();
  dir = mkdtempSync(join(tmpdir(), 'planb-import-'));
});

function writeEntries(...ids: string[]) {
  for (const id of ids) writeFileSync(join(dir, `${id}.md`), writeEntryFile(makeEntry({ id })));
}

const importError = (run: () => unknown) => caught(ImportError, run);

describe('importing a folder of entries', () => {
  it('imports every file and records revision 1 for each', () => {
    writeEntries('alpha', 'bravo');
    expect(importContent(db, { entriesDir: dir })).toEqual({ created: 2, updated: 0, unchanged: 0, guides: 0, paths: 0 });
    expect(listEntryIds(db)).toEqual(['alpha', 'bravo']);
    expect(findEntry(db, 'alpha')!.revision).toBe(1);
  });

  it('imports nothing from a batch with one bad file, and names every bad file', () => {
    writeEntries('alpha', 'bravo');
    writeFileSync(join(dir, 'charlie.md'), '---\nid: charlie\ntitle: T\ncategory: C\nmood: happy\n---\n\n## Solutions\n### S\n');
    writeFileSync(join(dir, 'delta.md'), '---\nid: delta\ntitle: T\ncategory: C\n---\nNo options.\n');
    const error = importError(() => importContent(db, { entriesDir: dir }));
    expect(error.problems.map((p) => [p.file.split('/').pop(), p.line, p.field])).toEqual([
      ['charlie.md', 5, 'mood'],
      ['delta.md', 6, 'solutions'],
    ]);
    expect(listEntryIds(db)).toEqual([]);
  });

  it('refuses a file whose id does not match its name, or an id used twice', () => {
    writeFileSync(join(dir, 'one.md'), writeEntryFile(makeEntry({ id: 'two' })));
    writeFileSync(join(dir, 'two.md'), writeEntryFile(makeEntry({ id: 'two' })));
    const error = importError(() => importContent(db, { entriesDir: dir }));
    expect(error.message).toMatch(/one\.md:2: id: id "two" must match the file name/);
    expect(listEntryIds(db)).toEqual([]);
  });

  it('upserts by id: a changed file becomes a new revision, an unchanged one records nothing', () => {
    writeEntries('alpha', 'bravo');
    importContent(db, { entriesDir: dir });
    writeFileSync(join(dir, 'alpha.md'), writeEntryFile(makeEntry({ id: 'alpha', title: 'A better title' })));
    expect(importContent(db, { entriesDir: dir })).toEqual({ created: 0, updated: 1, unchanged: 1, guides: 0, paths: 0 });
    expect(findEntry(db, 'alpha')).toMatchObject({ revision: 2, entry: { title: 'A better title' } });
    expect(findEntry(db, 'bravo')!.revision).toBe(1);
    const revisions = db.prepare('SELECT number, author FROM revisions WHERE entry_id = ? ORDER BY number').all('alpha');
    expect(revisions).toEqual([
      { number: 1, author: 'import' },
      { number: 2, author: 'import' },
    ]);
  });

  it('imports guides beside entries', () => {
    const guides = mkdtempSync(join(tmpdir(), 'planb-guides-'));
    writeFileSync(join(guides, 'first-day.md'), '---\nid: first-day\ntitle: Your first day\norder: 1\n---\nWelcome **aboard**.\n');
    writeEntries('alpha');
    expect(importContent(db, { entriesDir: dir, guidesDir: guides }).guides).toBe(1);
    expect(findGuide(db, 'first-day')).toMatchObject({ title: 'Your first day', html: '<p>Welcome <strong>aboard</strong>.</p>' });
  });

  it('exports files that import back to the same entries, and export again to the same bytes', () => {
    writeEntries('alpha', 'bravo');
    importContent(db, { entriesDir: dir });
    const out = mkdtempSync(join(tmpdir(), 'planb-export-'));
    expect(exportContent(db, { entriesDir: out })).toEqual({ entries: 2, guides: 0, paths: 0 });
    const other = freshDatabase();
    importContent(other, { entriesDir: out });
    const again = mkdtempSync(join(tmpdir(), 'planb-export-'));
    exportContent(other, { entriesDir: again });
    for (const name of readdirSync(out)) {
      expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(dir, name), 'utf8'));
    }
  });
});

describe('the starter content round trip', () => {
  it('imports content/ and exports the same guides and synonyms files', () => {
    importContent(db, { entriesDir: 'content/entries', guidesDir: 'content/guides', synonymsFile: 'content/synonyms.yml' });
    const guides = mkdtempSync(join(tmpdir(), 'planb-guides-'));
    const synonyms = join(mkdtempSync(join(tmpdir(), 'planb-syn-')), 'synonyms.yml');
    exportContent(db, { guidesDir: guides, synonymsFile: synonyms });
    expect(readFileSync(synonyms, 'utf8')).toBe(readFileSync('content/synonyms.yml', 'utf8'));
    for (const name of readdirSync('content/guides')) {
      expect(readFileSync(join(guides, name), 'utf8'), name).toBe(readFileSync(join('content/guides', name), 'utf8'));
    }
  });
});
