import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportContent } from '../../server/content/export-content.ts';
import { importContent } from '../../server/content/import-content.ts';
import type { Db } from '../../server/db/connection.ts';
import { entrySchema } from '../../server/entries/entry.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { freshDatabase } from '../support/database.ts';

/**
 * Every export imports again: random databases of entries with awkward text (line breaks in
 * one-line fields, YAML-special characters, Markdown look-alikes of the file's own structure,
 * unicode, leading spaces, quotes) are exported, imported into an empty database and exported
 * again, and the two exports must be the same bytes. Input the schema refuses (a `## ` line in a
 * summary, an unclosed code fence) is skipped: it never reaches the database.
 */

const PIECES = [
  'a', 'refund', ' ', '  ', '\t', '\n', '\r\n', '\u2028', '#', '## ', '### ', '#### x', '---', '- ', '* ', '> ', ': ', '? ', '|', '!', '&', '%', '@', '`',
  '```', '~~~', '"', "'", '\\', '{', '}', '[', ']', ',', 'null', 'true', 'yes', '123', '0x1F', '2024-01-01', '~', 'é', 'ß', 'Ж', '日本', '😀',
  '\u00a0', '<Enter>', '<b>', '&amp;', '*bold*', '[link](http://x.example)', ' #', ' ##',
];

const awkward = (maxPieces: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((parts) => parts.join(''));
const oneLine = awkward(8).map((text) => `x${text}`); // never empty after trimming
const markdown = awkward(30);

const option = fc.record({ title: oneLine, body: markdown });
const entryInput = fc.record({
  title: oneLine,
  kind: fc.constantFrom('common', 'unusual'),
  category: fc.constantFrom('Billing', 'Delivery', '#1: "odd" — category', 'Ünïcode'),
  tags: fc.array(oneLine, { maxLength: 3 }),
  language: fc.constantFrom('en', 'it', 'ru'),
  status: fc.constantFrom('draft', 'in_review', 'vetted', 'archived'),
  owner: fc.option(oneLine, { nil: null }),
  reviewBy: fc.option(fc.constantFrom('2027-01-31', '2026-12-01'), { nil: null }),
  phrasings: fc.array(oneLine, { maxLength: 3 }),
  summary: markdown,
  solutions: fc.array(option, { minLength: 1, maxLength: 3 }),
  alternatives: fc.array(option, { maxLength: 2 }),
  whatToSay: markdown,
  timeline: markdown,
  caveats: markdown,
  followUp: markdown,
});

function exportAll(db: Db): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'planb-roundtrip-'));
  exportContent(db, { entriesDir: join(dir, 'entries') });
  return new Map(readdirSync(join(dir, 'entries')).map((name) => [name, readFileSync(join(dir, 'entries', name), 'utf8')]));
}

describe('export → import → export', () => {
  it('gives the same bytes for random databases of awkward entries', () => {
    fc.assert(
      fc.property(fc.array(entryInput, { minLength: 1, maxLength: 4 }), (inputs) => {
        const db = freshDatabase();
        let saved = 0;
        inputs.forEach((input, i) => {
          const parsed = entrySchema.safeParse({ ...input, id: `entry-${i}` });
          if (parsed.success) saved += Number(Boolean(saveEntry(db, parsed.data, { author: 'test', summary: 'random state' })));
        });
        fc.pre(saved > 0);
        const first = exportAll(db);

        const copy = freshDatabase();
        importContent(copy, { entriesDir: mkdirWith(first) });
        expect(exportAll(copy)).toEqual(first);
        db.close();
        copy.close();
      }),
      { numRuns: Number(process.env.ROUNDTRIP_RUNS ?? 40), seed: process.env.ROUNDTRIP_SEED ? Number(process.env.ROUNDTRIP_SEED) : undefined },
    );
  });
});

function mkdirWith(files: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'planb-roundtrip-import-'));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return dir;
}
