import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { DIMENSIONS } from './vector-math.ts';

const statements = preparedFor((db) => ({
  get: db.prepare<[hash: string], Buffer>('SELECT vector FROM text_vectors WHERE hash = ?').pluck(),
  has: db.prepare<[hash: string], 1>('SELECT 1 FROM text_vectors WHERE hash = ?').pluck(),
  put: db.prepare<[hash: string, vector: Buffer]>('INSERT OR REPLACE INTO text_vectors (hash, vector) VALUES (?, ?)'),
  drop: db.prepare<[hash: string]>('DELETE FROM text_vectors WHERE hash = ?'),
  // One statement for all of an entry's texts: a statement call per text costs more than the lookup.
  many: db.prepare<[hashes: string], { hash: string; vector: Buffer }>('SELECT hash, vector FROM text_vectors WHERE hash IN (SELECT value FROM json_each(?))'),
  hashesAfter: db.prepare<[after: string, count: number], string>('SELECT hash FROM text_vectors WHERE hash > ? ORDER BY hash LIMIT ?').pluck(),
}));

/** The key of a text's vector: the same text under another model is another vector. */
export function textHash(modelId: string, text: string): string {
  return createHash('sha256').update(modelId).update('\0').update(text).digest('base64url').slice(0, 22);
}

export function storedVector(db: Db, hash: string): Int8Array | undefined {
  const blob = statements(db).get.get(hash);
  return blob && new Int8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

export function hasVector(db: Db, hash: string): boolean {
  return statements(db).has.get(hash) !== undefined;
}

export function storeVectors(db: Db, rows: [hash: string, vector: Int8Array][]): void {
  const { put } = statements(db);
  db.transaction(() => rows.forEach(([hash, vector]) => put.run(hash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength))))();
}

/** The stored vectors of these hashes, packed in their order, or null if any is missing. */
export function storedVectors(db: Db, hashes: string[]): Int8Array | null {
  const rows = statements(db).many.all(JSON.stringify(hashes));
  const byHash = new Map(rows.map((row) => [row.hash, row.vector]));
  const packed = new Int8Array(hashes.length * DIMENSIONS);
  for (const [i, hash] of hashes.entries()) {
    const blob = byHash.get(hash);
    if (!blob) return null;
    packed.set(new Int8Array(blob.buffer, blob.byteOffset, blob.byteLength), i * DIMENSIONS);
  }
  return packed;
}

/** The stored hashes after `after`, in order, at most `count` (a sweep reads them a page at a time). */
export function storedHashesAfter(db: Db, after: string, count: number): string[] {
  return statements(db).hashesAfter.all(after, count);
}

export function dropVectors(db: Db, hashes: string[]): void {
  const { drop } = statements(db);
  db.transaction(() => hashes.forEach((hash) => drop.run(hash)))();
}
