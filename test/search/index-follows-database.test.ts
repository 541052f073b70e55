import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { createSearch } from '../../server/search/search.ts';
import { makeEntry } from '../support/entries.ts';

// Two server processes on one database file: a write through one is searchable in the other.
let dir: string;
const open: Db[] = [];
const connect = (path: string) => {
  const db = openDatabase(path);
  open.push(db);
  return db;
};

/** A database file in a fresh folder, and search reading it through its own connection. */
function searchOnNewFile() {
  dir = mkdtempSync(join(tmpdir(), 'planb-'));
  const path = join(dir, 'kb.db');
  const reader = connect(path);
  migrate(reader);
  return { path, search: createSearch(reader) };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the in-memory index follows the database', () => {
  it('sees entries saved, changed and archived through another connection', () => {
    const { path, search } = searchOnNewFile();
    const writer = connect(path);
    const save = (entry: ReturnType<typeof makeEntry>) => saveEntry(writer, entry, { author: 't', summary: 't' });

    save(makeEntry({ id: 'boat', title: 'Deliver to my boat' }));
    expect(search.search('boat').results.map((r) => r.id)).toEqual(['boat']);
    save(makeEntry({ id: 'boat', title: 'Deliver to my yacht' }));
    expect(search.search('yacht').results.map((r) => r.id)).toEqual(['boat']);
    expect(search.search('boat ').total).toBe(0);
    save(makeEntry({ id: 'boat', title: 'Deliver to my yacht', status: 'archived' }));
    expect(search.search('yacht').total).toBe(0);
  });

  it('sees an entry written by another process', () => {
    const { path, search } = searchOnNewFile();
    expect(search.search('marina').total).toBe(0);
    const write = `
      import { openDatabase } from './server/db/connection.ts';
      import { saveEntry } from './server/entries/save-entry.ts';
      import { makeEntry } from './test/support/entries.ts';
      const db = openDatabase(${JSON.stringify(path)});
      saveEntry(db, makeEntry({ id: 'marina', title: 'Deliver to the marina' }), { author: 'other', summary: 'new' });
      db.close();`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', write], { cwd: join(import.meta.dirname, '..', '..') });
    expect(search.search('marina').results.map((r) => r.id)).toEqual(['marina']);
  });
});
