import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection.ts';
import { migrate } from '../../../server/db/migrate.ts';
import { saveEntry } from '../../../server/entries/save-entry.ts';
import type { Entry } from '../../../server/entries/entry.ts';
import { entryTexts } from '../../../server/search/meaning/entry-texts.ts';
import { EntryVectors, vectorKeys } from '../../../server/search/meaning/entry-vectors.ts';
import type { Encoder } from '../../../server/search/meaning/encoder.ts';
import { storedVector, storeVectors, textHash } from '../../../server/search/meaning/text-vectors.ts';
import { centroid, DIMENSIONS } from '../../../server/search/meaning/vector-math.ts';
import { freshDatabase } from '../../support/database.ts';
import { makeEntry } from '../../support/entries.ts';

/**
 * The fast paths of the entry vectors (text vectors of recently ranked entries kept in memory, one
 * statement per entry, changes taken up in the request or in background slices) against the slow
 * obviously-correct way: every vector decoded from SQLite by its text's hash. Vectors are stored
 * before each save, as if encoded, so no model runs and nothing waits for an encoder.
 */
const RUNS = { numRuns: 25, seed: 20261202 };
const MODEL_ID = 'test-model';
const WORDS = ['parcel', 'late', 'refund', 'card', 'lost', 'wallet', 'charged', 'twice'];
const IDS = Array.from({ length: 60 }, (_, i) => `entry-${i}`);
/** Single saves and reads keep to a few entries, so they meet entries held in memory. */
const FEW = IDS.slice(0, 6);
/** Room for about three entries' text vectors: reads evict and refill it all the time. */
const RECENT_BYTES = 3 * 3 * DIMENSIONS;

const noEncoder = (): Encoder => {
  throw new Error('every text has a stored vector: nothing is encoded');
};

/** A vector that depends only on the text, as a model's would. */
function vectorOf(text: string): Int8Array {
  const digest = createHash('sha512').update(text).digest();
  return Int8Array.from({ length: DIMENSIONS }, (_, i) => (digest[i % digest.length]! ^ (i * 31)) - 128);
}

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const entryArb = fc.record({
  id: fc.constantFrom(...FEW),
  title: text,
  phrasings: fc.array(text, { maxLength: 3 }),
  status: fc.constantFrom('vetted' as const, 'draft' as const, 'archived' as const),
});
type Operation = { save: Pick<Entry, 'id' | 'title' | 'phrasings' | 'status'> } | { read: number[] } | { batch: string };
const operations = fc.array(
  fc.oneof(
    { arbitrary: entryArb.map((save): Operation => ({ save })), weight: 6 },
    { arbitrary: fc.array(fc.nat({ max: FEW.length - 1 }), { maxLength: 6 }).map((read): Operation => ({ read })), weight: 3 },
    // More changes than a request takes up: forgotten at once, taken up in background slices.
    { arbitrary: fc.constantFrom(...WORDS).map((batch): Operation => ({ batch })), weight: 1 },
  ),
  { minLength: 1, maxLength: 25 },
);

function save(db: Db, entry: Pick<Entry, 'id' | 'title' | 'phrasings' | 'status'>): void {
  saveEntry(db, makeEntry(entry), { author: 'test', summary: 'test' });
  const texts = entryTexts(db, entry.id)?.texts ?? [];
  storeVectors(db, texts.map((t) => [textHash(MODEL_ID, t), vectorOf(t)]));
}

/** The slow way: each text's vector decoded from SQLite by its hash; null for an entry search cannot show. */
function slowVectors(db: Db, id: string): Int8Array | null {
  const entry = entryTexts(db, id);
  if (!entry) return null;
  const packed = new Int8Array(entry.texts.length * DIMENSIONS);
  entry.texts.forEach((t, i) => packed.set(storedVector(db, textHash(MODEL_ID, t))!, i * DIMENSIONS));
  return packed;
}

function expectSameAsSlow(db: Db, vectors: EntryVectors): void {
  for (const id of IDS) {
    const slow = slowVectors(db, id);
    expect(vectors.textVectorsOf(id), id).toEqual(slow);
    expect(vectors.centroidOf(id), id).toEqual(slow && centroid(slow));
  }
}

async function loaded(db: Db): Promise<EntryVectors> {
  const vectors = new EntryVectors(db, MODEL_ID, noEncoder, RECENT_BYTES);
  await vectors.load();
  return vectors;
}

describe('entry vectors in memory', () => {
  it('give what decoding every vector from SQLite gives, over random histories of saves, archivals, reads and large batches', async () => {
    await fc.assert(
      fc.asyncProperty(operations, async (history) => {
        const db = freshDatabase();
        const vectors = await loaded(db);
        for (const operation of history) {
          if ('save' in operation) save(db, operation.save);
          else if ('batch' in operation) db.transaction(() => IDS.forEach((id) => save(db, { id, title: `${operation.batch} ${id}`, phrasings: [], status: 'vetted' })))();
          else {
            vectors.catchUp();
            // Reads fill the recent vectors (and evict), so later checks meet hits and misses alike.
            for (const i of operation.read) vectors.textVectorsOf(FEW[i]!);
          }
        }
        vectors.catchUp();
        await vectors.settled();
        expect(vectors.recent.size).toBeLessThanOrEqual(RECENT_BYTES);
        expectSameAsSlow(db, vectors);
        // …and what a fresh start on the same database gives.
        const fresh = await loaded(db);
        expect(fresh.progress()).toEqual(vectors.progress());
        for (const id of IDS) expect(fresh.textVectorsOf(id), id).toEqual(vectors.textVectorsOf(id));
        db.close();
      }),
      RUNS,
    );
  });

  it('forget a changed entry at once, even in a batch too large for the request', async () => {
    const db = freshDatabase();
    const vectors = await loaded(db);
    save(db, { id: 'entry-0', title: 'parcel late', phrasings: ['where is my parcel'], status: 'vetted' });
    vectors.catchUp();
    const before = vectors.textVectorsOf('entry-0');
    expect(vectors.recent.ids()).toEqual(['entry-0']);
    db.transaction(() => IDS.forEach((id) => save(db, { id, title: `refund ${id}`, phrasings: [], status: 'vetted' })))();
    vectors.catchUp();
    // Not taken up yet (background slices): no vectors rather than the old ones, cached or not.
    expect(vectors.textVectorsOf('entry-0')).toBeNull();
    expect(vectors.centroidOf('entry-0')).toBeNull();
    expect(vectors.centroidKeyOf('entry-0')).toBeUndefined();
    expect(vectors.progress()).toEqual({ done: 0, total: IDS.length });
    await vectors.settled();
    expect(vectors.textVectorsOf('entry-0')).not.toEqual(before);
    expect(vectors.progress()).toEqual({ done: IDS.length, total: IDS.length });
    expectSameAsSlow(db, vectors);
    db.close();
  });

  it('count every searchable entry in the total from the start, while they are read in slices', async () => {
    const db = freshDatabase();
    db.transaction(() => IDS.forEach((id) => save(db, { id, title: `card ${id}`, phrasings: ['lost card'], status: 'vetted' })))();
    const vectors = new EntryVectors(db, MODEL_ID, noEncoder, RECENT_BYTES);
    const loading = vectors.load();
    expect(vectors.progress()).toEqual({ done: 0, total: IDS.length });
    await loading;
    expect(vectors.progress()).toEqual({ done: IDS.length, total: IDS.length });
    db.close();
  });

  it('never wait for another process holding the write lock: centroids are used at once and stored once it is free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-vectors-'));
    const path = join(dir, 'kb.db');
    const db = openDatabase(path);
    migrate(db);
    const few = IDS.slice(0, 5);
    few.forEach((id) => save(db, { id, title: `lost card ${id}`, phrasings: ['my wallet'], status: 'vetted' }));
    const centroidKeys = few.map((id) => vectorKeys(MODEL_ID, entryTexts(db, id)!.texts).centroidKey);
    const storedCentroids = () => centroidKeys.filter((key) => storedVector(db, key)).length;
    // Another process's import holds the lock (busy_timeout would make this thread wait 5 s a write).
    const importer = openDatabase(path);
    importer.prepare('BEGIN IMMEDIATE').run();
    const vectors = await loaded(db);
    expect(vectors.progress()).toEqual({ done: few.length, total: few.length });
    expect(storedCentroids()).toBe(0);
    expectSameAsSlow(db, vectors);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    importer.prepare('COMMIT').run();
    while (storedCentroids() < few.length) await sleep(50);
    importer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
