// The worker thread that copies the write-ahead log into the database file (checkpoints.ts), with
// its own connection. Plain JavaScript: it needs nothing of the server's TypeScript.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';

const db = new Database(workerData.path);
let warned = false;
setInterval(() => {
  try {
    // PASSIVE: as many frames as no reader still needs, without waiting for any reader or writer.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // SQLITE_BUSY: another process's checkpoint holds the lock. Either way the next turn tries again.
    if (warned || error?.code === 'SQLITE_BUSY') return;
    console.error('Database: a background checkpoint failed; retrying every turn.', error);
    warned = true;
  }
}, workerData.everyMs);
