import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';

/** A fresh, migrated in-memory database for one test. */
export function freshDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}
