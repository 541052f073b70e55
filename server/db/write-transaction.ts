import type { Db } from './connection.ts';

/**
 * Runs `work` as one write transaction that takes the write lock up front (BEGIN IMMEDIATE).
 * A deferred transaction that reads first and writes later fails with SQLITE_BUSY_SNAPSHOT when
 * another process wrote in between, and the busy timeout cannot help it; an immediate one waits
 * for the lock (busy_timeout) and then reads the latest data, so checks made inside it (base
 * revision, proposal state, flag state) still hold when it writes. Nested calls become savepoints
 * of the outer transaction.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Runs `work` as a write transaction if the write lock is free now, and says whether it ran. Work
 * in the background never waits for another process's write (an import holds the lock for
 * seconds): better-sqlite3 waits on the event loop's thread, so every request would wait with it.
 */
export function writeIfFree(db: Db, work: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    writeTransaction(db, work);
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
