import { Worker } from 'node:worker_threads';
import type { Db } from './connection.ts';

/** How often the write-ahead log is copied into the database file while the server runs. */
const CHECKPOINT_MS = 1000;

/**
 * SQLite copies the write-ahead log into the database file (a checkpoint) on the commit that finds
 * the log over 1,000 pages, in whichever connection commits. After another process imported 1,000
 * entries, that commit was the server storing a sentence vector, and the request thread waited
 * about 400 ms for the copy. The server's connection therefore never checkpoints: a worker thread
 * with its own connection does, every `everyMs`, without waiting for readers or writers. Closing
 * the last connection still checkpoints, as SQLite always does. Returns a function that stops it.
 */
export function checkpointInBackground(db: Db, everyMs = CHECKPOINT_MS): () => Promise<number> {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { path: db.name, everyMs } });
  worker.on('error', (error) => {
    console.error('Database: the background checkpoints stopped; SQLite checkpoints on commit again.', error);
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  // Never keeps the process alive: stopping the server ends it with the process.
  worker.unref();
  return () => worker.terminate();
}
