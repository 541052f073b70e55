import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../server/file-format/content-error.ts';
import { exportContent } from '../../server/content/export-content.ts';
import { ImportError, importContent } from '../../server/content/import-content.ts';
import { findPath } from '../../server/onboarding/onboarding-queries.ts';
import { parsePathFile, writePathFile } from '../../server/onboarding/path-file.ts';
import { caught } from '../support/caught.ts';
import { freshDatabase } from '../support/database.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';

const GOOD = `id: basics
title: The basics
summary: "Read these: in order"
order: 2
items:
  - guide: setting-expectations
    why: Promise less.
  - entry: late-parcel
  - entry: charged-twice
    why: "Money: be exact."
`;

const folderWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'planb-paths-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('the path file format', () => {
  it('reads ids, order and the one-line why of each item, and writes the same bytes back', () => {
    const { path, itemLines } = parsePathFile(GOOD, 'basics.yml');
    expect(path).toEqual({
      id: 'basics',
      title: 'The basics',
      summary: 'Read these: in order',
      order: 2,
      items: [
        { kind: 'guide', id: 'setting-expectations', why: 'Promise less.' },
        { kind: 'entry', id: 'late-parcel', why: '' },
        { kind: 'entry', id: 'charged-twice', why: 'Money: be exact.' },
      ],
    });
    expect(itemLines).toEqual([6, 8, 9]);
    expect(writePathFile(path)).toBe(GOOD);
  });

  it.each([
    ['an unknown top-level key', GOOD.replace('order: 2', 'owner: amara'), 'paths/basics.yml:4: owner: unknown key; allowed keys are id, title, summary, order, items'],
    ['an unknown item key', GOOD.replace('    why: Promise less.', '    note: Promise less.'), 'paths/basics.yml:7: items[1].note: unknown key; allowed keys are entry, guide, why'],
    ['an item that is both', GOOD.replace('  - entry: late-parcel', '  - entry: late-parcel\n    guide: x'), 'paths/basics.yml:9: items[2].guide: an item is either an entry or a guide, not both'],
    ['an item with no id', GOOD.replace('  - entry: late-parcel', '  - why: alone'), 'paths/basics.yml:8: items[2]: an item needs "entry: id" or "guide: id"'],
    ['a why on two lines', GOOD.replace('why: Promise less.', 'why: "Promise\\nless."'), 'paths/basics.yml:6: items[1].why: why must be one line'],
    ['a missing title', GOOD.replace('title: The basics\n', ''), 'paths/basics.yml:1: title: title is required'],
    ['bad YAML', GOOD.replace('order: 2', 'order: [2'), 'paths/basics.yml:'],
  ])('names file, line and field for %s', (_what, text, message) => {
    expect(caught(ContentError, () => parsePathFile(text, 'paths/basics.yml')).message).toContain(message);
  });
});

describe('importing and exporting paths with the rest of the content', () => {
  it('round-trips a path file byte for byte', () => {
    const db = freshDatabase();
    seedKnowledgeBase(db);
    const dir = folderWith({ 'basics.yml': GOOD });
    expect(importContent(db, { pathsDir: dir }).paths).toBe(1);
    expect(findPath(db, 'basics')!.items).toHaveLength(3);
    const out = mkdtempSync(join(tmpdir(), 'planb-paths-out-'));
    expect(exportContent(db, { pathsDir: out }).paths).toBe(1);
    expect(readFileSync(join(out, 'basics.yml'), 'utf8')).toBe(GOOD);
  });

  it('refuses an item naming an entry or guide that does not exist, at its line, and imports nothing', () => {
    const db = freshDatabase();
    seedKnowledgeBase(db);
    const dir = folderWith({ 'basics.yml': GOOD.replace('entry: charged-twice', 'entry: charged-thrice'), 'other.yml': GOOD });
    const error = caught(ImportError, () => importContent(db, { pathsDir: dir }));
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/basics\.yml:9: items\[3\]\.entry: no entry has the id "charged-thrice"$/),
      expect.stringMatching(/other\.yml:1: id: id "basics" must match the file name \(basics\.yml\)$/),
    ]);
    expect(findPath(db, 'basics')).toBeUndefined();
  });

  it('accepts items that name entries and guides imported in the same batch', () => {
    const db = freshDatabase();
    const report = importContent(db, { entriesDir: 'content/entries', guidesDir: 'content/guides', pathsDir: 'content/paths' });
    expect(report.paths).toBe(readdirSync('content/paths').length);
    const out = mkdtempSync(join(tmpdir(), 'planb-paths-out-'));
    exportContent(db, { pathsDir: out });
    for (const name of readdirSync('content/paths')) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join('content/paths', name), 'utf8'));
    }
  });
});
