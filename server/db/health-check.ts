import type { Db } from './connection.ts';

/**
 * What is wrong with a database file, or [] when nothing: SQLite's own integrity check, foreign
 * keys, the full-text index against the entries it indexes, and every entry having the revision
 * row its revision number promises. Restore and the reliability checks use it.
 */
export function databaseProblems(db: Db): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(...integrity.map((row) => `integrity_check: ${row.integrity_check}`));
  }
  const foreignKeys = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
  problems.push(...foreignKeys.map((row) => `foreign_key_check: a row of ${row.table} points to a missing ${row.parent}`));
  try {
    // rank 1: compare the index with the entries table it was built from, not only with itself.
    db.prepare("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (error) {
    problems.push(`full-text index: ${(error as Error).message}`);
  }
  const withoutRevision = db
    .prepare<[], string>('SELECT id FROM entries e WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.entry_id = e.id AND r.number = e.revision)')
    .pluck()
    .all();
  problems.push(...withoutRevision.map((id) => `entry ${id} has no row for its current revision`));
  return problems;
}
