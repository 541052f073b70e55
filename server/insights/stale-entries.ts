import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';

export interface StaleEntry {
  id: string;
  title: string;
  owner: string | null;
  reviewBy: string;
}

const statements = preparedFor((db) => ({
  overdue: db.prepare(`
    SELECT id, title, owner, review_by AS reviewBy FROM entries
    WHERE status = 'vetted' AND review_by IS NOT NULL AND review_by < ? ORDER BY review_by, title`),
}));

/** Vetted entries whose review date has passed, oldest first. */
export function overdueEntries(db: Db, today = new Date().toISOString().slice(0, 10)): StaleEntry[] {
  return statements(db).overdue.all(today) as StaleEntry[];
}
