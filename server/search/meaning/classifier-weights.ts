import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { TRAINING } from './entry-classifier.ts';

/** Trained weights kept in SQLite, so a restart (or a second process) need not train them again. */

const statements = preparedFor((db) => ({
  get: db.prepare<[key: string], Buffer>('SELECT weights FROM classifier_weights WHERE key = ?').pluck(),
  clear: db.prepare('DELETE FROM classifier_weights'),
  put: db.prepare<[key: string, weights: Buffer]>('INSERT INTO classifier_weights (key, weights) VALUES (?, ?)'),
}));

/** The key of a training: what it was trained on (one line per vetted entry: id and centroid key) and how. */
export function trainingKey(trainedOn: string): string {
  return createHash('sha256').update(JSON.stringify(TRAINING)).update('\0').update(trainedOn).digest('base64url');
}

export function storedWeights(db: Db, key: string): Float32Array | undefined {
  const blob = statements(db).get.get(key);
  // Copied out: a Float32Array needs an offset that is a multiple of 4, which the blob's need not be.
  return blob && new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

/** Keeps these weights in place of any others. */
export function storeWeights(db: Db, key: string, weights: Float32Array): void {
  const { clear, put } = statements(db);
  clear.run();
  put.run(key, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength));
}
