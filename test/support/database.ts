import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';

/** A fresh, migrated in-memory database for one test. */
export function freshDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

/** The connection settings openDatabase chooses that a copy must carry over (they are not stored in the file). */
const CONNECTION_SETTINGS = ['foreign_keys', 'busy_timeout', 'synchronous'];

/**
 * An in-memory copy of `source` for one test, with the same connection settings: SQLite serializes the
 * whole database into a buffer and opens a new one from it, which takes milliseconds.
 */
export function copyOfDatabase(source: Db): Db {
  const copy = new Database(source.serialize());
  for (const setting of CONNECTION_SETTINGS) copy.pragma(`${setting} = ${String(source.pragma(setting, { simple: true }))}`);
  return copy;
}
