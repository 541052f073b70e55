import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { writeEntryFile } from '../../server/entries/entry-file.ts';
import { synonymGroups } from '../../server/search/query/synonyms.ts';
import { makeEntry } from '../support/entries.ts';

const root = join(import.meta.dirname, '..', '..');

/** `npm run import -- --dir DIR` into a new database file; returns the synonyms it then holds. */
function importFolder(dir: string): string[][] {
  const dbPath = join(dir, 'plan-b.db');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--dir', join(dir, 'entries')], { cwd: root, env: { ...process.env, DB_PATH: dbPath }, stdio: 'pipe' });
  const db = openDatabase(dbPath);
  try {
    return synonymGroups(db);
  } finally {
    db.close();
  }
}

function contentFolder(synonyms?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'planb-synonyms-'));
  mkdirSync(join(dir, 'entries'));
  writeFileSync(join(dir, 'entries', 'late-parcel.md'), writeEntryFile(makeEntry({ id: 'late-parcel' })));
  if (synonyms !== undefined) writeFileSync(join(dir, 'synonyms.yml'), synonyms);
  return dir;
}

describe('npm run import -- --dir FOLDER/entries', () => {
  it('reads FOLDER/synonyms.yml beside the entries, like content/ holds them', () => {
    expect(importFolder(contentFolder('- [parcel, package]\n- [refund, money back]\n'))).toEqual([['parcel', 'package'], ['refund', 'money back']]);
  });

  it('imports the entries alone when no synonyms.yml is beside them', () => {
    expect(importFolder(contentFolder())).toEqual([]);
  });
});
