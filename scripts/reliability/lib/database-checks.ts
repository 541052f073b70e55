import Database from 'better-sqlite3';
import { databaseProblems } from '../../../server/db/health-check.ts';
import { listEntryIds } from '../../../server/entries/entry-queries.ts';

/** Read-only looks into a database file that server processes may be using. */

function readOnly<T>(dbPath: string, look: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true, timeout: 5_000 });
  try {
    return look(db);
  } finally {
    db.close();
  }
}

export function entryIds(dbPath: string): string[] {
  return readOnly(dbPath, listEntryIds);
}

/** databaseProblems needs to write the FTS check command, so it opens the file read-write. */
export function problemsIn(dbPath: string): string[] {
  const db = new Database(dbPath, { timeout: 5_000 });
  try {
    return databaseProblems(db);
  } finally {
    db.close();
  }
}

/** The number of rows of each table, to compare two databases. */
export function rowCounts(dbPath: string): Record<string, number> {
  return readOnly(dbPath, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entries_fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  });
}

/** One value per row of a query, e.g. the comments of every flag. */
export function column(dbPath: string, sql: string): unknown[] {
  return readOnly(dbPath, (db) => db.prepare(sql).pluck().all());
}
