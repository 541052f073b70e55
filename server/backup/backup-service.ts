import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDatabase, type Db } from '../db/connection.ts';
import { databaseProblems } from '../db/health-check.ts';
import { migrate } from '../db/migrate.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * Backups are SQLite online backups: a consistent copy of the whole database (entries, revisions,
 * users, tokens, sessions, proposals, flags, feedback, the search log) taken while servers keep
 * reading and writing. Restore turns such a copy into a ready database.
 */

/** What a database holds, in the words the backup and restore commands print. */
const COUNTED: Array<[table: string, label: string]> = [
  ['entries', 'entries'],
  ['revisions', 'revisions'],
  ['users', 'users'],
  ['api_tokens', 'API tokens'],
  ['proposals', 'proposals'],
  ['flags', 'flags'],
  ['option_feedback', 'feedback votes'],
  ['search_log', 'logged searches'],
];

export function contentsOf(db: Db): string {
  const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  return COUNTED.filter(([table]) => tables.has(table))
    .map(([table, label]) => `${db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()} ${label}`)
    .join(', ');
}

export class BackupError extends Error {}

/** Copies the live database at `dbPath` to `file` (which must not exist unless `force`). */
export async function backupDatabase(dbPath: string, file: string, { force = false } = {}): Promise<string> {
  if (!existsSync(dbPath)) throw new BackupError(`There is no database at ${dbPath} (DB_PATH) to back up.`);
  if (existsSync(file) && !force) throw new BackupError(`${file} already exists. Choose a new file name, or add --force to replace it.`);
  const db = openDatabase(dbPath);
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file, safe to copy anywhere
    return contentsOf(copy);
  } finally {
    copy.close();
  }
}

/**
 * Builds a ready database at `target` from the backup `file`: copied, checked (integrity, foreign
 * keys, full-text index, revisions), migrated to this version's schema, the full-text index rebuilt
 * if it disagrees with the entries. An existing database is replaced only with `force`, through
 * SQLite's backup API so that its own locks are respected.
 */
export async function restoreDatabase(file: string, target: string, { force = false } = {}): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  if (existsSync(target) && !force) {
    throw new BackupError(
      `${target} (DB_PATH) already holds a database. Stop the servers that use it and add --force to replace it, or restore to a new DB_PATH.`,
    );
  }
  const building = `${target}.restoring-${process.pid}`;
  rmSync(building, { force: true });
  try {
    await copyOf(file, building);
    const db = openDatabase(building);
    try {
      migrate(db);
      if (databaseProblems(db).some((p) => p.startsWith('full-text index'))) {
        db.prepare("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')").run();
      }
      const problems = databaseProblems(db);
      if (problems.length) throw new BackupError(`The backup ${file} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`);
      const contents = contentsOf(db);
      // The restored database remembers where it came from (the audit log travels with it).
      recordAudit(db, { action: 'restore', actor: 'command line', subject: file, ip: null, detail: `database restored: ${contents}` });
      if (existsSync(target)) await db.backup(target);
      db.pragma('journal_mode = DELETE'); // leave one self-contained file behind
      db.close();
      if (!existsSync(target)) renameSync(building, target);
      return contents;
    } finally {
      if (db.open) db.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  }
}

async function copyOf(file: string, into: string): Promise<void> {
  let source: Db;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.pragma('schema_version');
  } catch (error) {
    throw new BackupError(`${file} is not a Plan B backup (${(error as Error).message}).`);
  }
  try {
    await source.backup(into);
  } finally {
    source.close();
  }
}
