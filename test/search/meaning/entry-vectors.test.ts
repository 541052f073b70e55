import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection.ts';
import { migrate } from '../../../server/db/migrate.ts';
import { saveEntry } from '../../../server/entries/save-entry.ts';
import { textHash } from '../../../server/search/meaning/text-vectors.ts';
import { createSearch, type Search } from '../../../server/search/search.ts';
import { ENTRIES, MODEL, saveAll, SEARCHABLE_TEXTS } from './fixture.ts';

// A database file for each test, searched by successive "server starts" (createSearch on a new connection).
let dir: string;
let path: string;
const opened: { db: Db; search: Search }[] = [];

async function start(): Promise<{ db: Db; search: Search }> {
  const db = openDatabase(path);
  migrate(db);
  const search = createSearch(db, { model: MODEL, queryWaitMs: 60_000 });
  opened.push({ db, search });
  await search.meaning.settled();
  return { db, search };
}

const storedHashes = (db: Db) => db.prepare('SELECT hash FROM text_vectors').pluck().all() as string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planb-vectors-'));
  path = join(dir, 'kb.db');
  const db = openDatabase(path);
  migrate(db);
  saveAll(db);
  db.close();
});
afterEach(async () => {
  for (const { db, search } of opened.splice(0)) {
    await search.meaning.close();
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('entry vectors', () => {
  it('are computed once for every searchable text, in a worker, and stored', async () => {
    const { db, search } = await start();
    expect(search.meaning.entries!.encodedTexts).toBe(SEARCHABLE_TEXTS);
    expect(search.meaning.status()).toEqual({ done: 5, total: 5 });
    // One vector per text and one centroid per entry; nothing for the archived entry.
    expect(storedHashes(db)).toHaveLength(SEARCHABLE_TEXTS + 5);
    expect(storedHashes(db)).not.toContain(textHash(MODEL.id, 'Refunds before 2020'));
    // The model ran in worker threads only: the request thread never loaded it.
    const loadedHere = Object.keys(createRequire(import.meta.url).cache);
    expect(loadedHere.filter((file) => file.includes('@energetic-ai'))).toEqual([]);
  });

  it('are read back on a restart: nothing is encoded again', async () => {
    await start();
    const { search } = await start();
    expect(search.meaning.entries!.encodedTexts).toBe(0);
    expect(search.meaning.status()).toEqual({ done: 5, total: 5 });
  });

  it('follow an edit: only the changed text is encoded, and the stale vector goes on the next start', async () => {
    await start(); // stores every vector
    const { db, search } = await start();
    const refund = ENTRIES[0]!;
    saveEntry(db, { ...refund, phrasings: ['I want my money back', 'please reimburse me'] }, { author: 'amara', summary: 'Edit' });
    expect(search.meaning.status()).toEqual({ done: 4, total: 5 });
    await search.meaning.settled();
    expect(search.meaning.entries!.encodedTexts).toBe(1);
    expect(search.meaning.status()).toEqual({ done: 5, total: 5 });

    const restarted = await start();
    expect(restarted.search.meaning.entries!.encodedTexts).toBe(0);
    const hashes = storedHashes(restarted.db);
    expect(hashes).toContain(textHash(MODEL.id, 'please reimburse me'));
    expect(hashes).not.toContain(textHash(MODEL.id, 'refund my order'));
    expect(hashes).toHaveLength(SEARCHABLE_TEXTS + 5);
  });
});
