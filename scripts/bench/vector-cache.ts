// Sentence vectors for the benchmarks, kept between runs in the OS temp folder: encoding BANKING77's
// texts and thousands of queries takes minutes on a busy machine, and the vectors never change.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Encoder } from '../../server/search/meaning/encoder.ts';
import type { Model } from '../../server/search/meaning/model-folder.ts';
import { storedVector, storeVectors, textHash } from '../../server/search/meaning/text-vectors.ts';
import { DIMENSIONS } from '../../server/search/meaning/vector-math.ts';

const CACHE = join(tmpdir(), 'planb-bench-vectors.db');
const BATCH = 64;

function cache(): Db {
  const db = openDatabase(CACHE);
  migrate(db);
  return db;
}

/** Copies the cached entry vectors into a benchmark database, so search finds them stored. */
export function loadCachedVectors(db: Db): void {
  cache().close();
  db.prepare('ATTACH DATABASE ? AS cache').run(CACHE);
  db.exec('INSERT OR IGNORE INTO main.text_vectors SELECT * FROM cache.text_vectors; DETACH DATABASE cache');
}

/** Keeps the benchmark database's entry vectors for the next run. */
export function saveCachedVectors(db: Db): void {
  db.prepare('ATTACH DATABASE ? AS cache').run(CACHE);
  db.exec('INSERT OR IGNORE INTO cache.text_vectors SELECT * FROM main.text_vectors; DETACH DATABASE cache');
}

/** Each query's vector, from the cache or encoded in batches (a benchmark does not wait per query). */
export async function queryVectors(model: Model, queries: string[]): Promise<Map<string, Int8Array>> {
  const db = cache();
  const key = (q: string) => textHash(model.id, q.trim().replace(/\s+/g, ' '));
  const vectors = new Map<string, Int8Array>();
  const missing = [...new Set(queries)].filter((q) => {
    const vector = storedVector(db, key(q));
    if (vector) vectors.set(q, vector.slice());
    return !vector;
  });
  if (missing.length) {
    const encoder = new Encoder(model.dir);
    if (!(await encoder.ready)) throw new Error(`the model did not load: ${encoder.failure}`);
    for (let from = 0; from < missing.length; from += BATCH) {
      const batch = missing.slice(from, from + BATCH);
      const packed = await encoder.encode(batch.map((q) => q.trim().replace(/\s+/g, ' ')));
      const rows = batch.map((q, i): [string, Int8Array] => [key(q), packed.slice(i * DIMENSIONS, (i + 1) * DIMENSIONS)]);
      storeVectors(db, rows);
      rows.forEach(([, vector], i) => vectors.set(batch[i]!, vector));
      process.stderr.write(`\rencoded ${Math.min(from + BATCH, missing.length)} / ${missing.length} queries`);
    }
    process.stderr.write('\n');
    await encoder.close();
  }
  db.close();
  return vectors;
}
