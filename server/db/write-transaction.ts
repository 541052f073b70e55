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
