import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection.ts';
import { writeTransaction } from './write-transaction.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/**
 * Applies the numbered migrations that this database has not seen yet, each in its own write
 * transaction. Two processes starting on one file at once apply each migration once: the second
 * waits for the lock and then finds it applied.
 */
export function migrate(db: Db): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const isApplied = db.prepare<[name: string], 1>('SELECT 1 FROM schema_migrations WHERE name = ?').pluck();
  const record = db.prepare<[name: string, appliedAt: string]>('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const names = readdirSync(MIGRATIONS_DIR).filter((name) => /^\d{4}_.+\.sql$/.test(name)).sort();
  return names.filter((name) =>
    writeTransaction(db, () => {
      if (isApplied.get(name)) return false;
      db.exec(readFileSync(join(MIGRATIONS_DIR, name), 'utf8'));
      record.run(name, new Date().toISOString());
      return true;
    }),
  );
}
