import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';

const statements = preparedFor((db) => ({
  get: db.prepare<[hash: string], Buffer>('SELECT vector FROM text_vectors WHERE hash = ?').pluck(),
  has: db.prepare<[hash: string], 1>('SELECT 1 FROM text_vectors WHERE hash = ?').pluck(),
  put: db.prepare<[hash: string, vector: Buffer]>('INSERT OR REPLACE INTO text_vectors (hash, vector) VALUES (?, ?)'),
  drop: db.prepare<[hash: string]>('DELETE FROM text_vectors WHERE hash = ?'),
  hashes: db.prepare<[], string>('SELECT hash FROM text_vectors').pluck(),
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

/** Drops the vectors whose hash `keep` says no to: texts no entry has any more. */
export function dropVectors(db: Db, keep: (hash: string) => boolean): number {
  const { drop, hashes } = statements(db);
  const stale = hashes.all().filter((hash) => !keep(hash));
  db.transaction(() => stale.forEach((hash) => drop.run(hash)))();
  return stale.length;
}
