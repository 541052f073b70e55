import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { EntryStatus } from '../entries/entry.ts';

export interface CategorySummary {
  name: string;
  slug: string;
  entryCount: number;
}

const statements = preparedFor((db) => ({
  bySlug: db.prepare<[slug: string], { name: string; slug: string }>('SELECT name, slug FROM categories WHERE slug = ?'),
  withCounts: db.prepare<[statusesJson: string], CategorySummary>(`
    SELECT c.name, c.slug, count(e.entry_no) AS entryCount
    FROM categories c JOIN entries e ON e.category_id = c.id AND e.status IN (SELECT value FROM json_each(?))
    GROUP BY c.id ORDER BY c.name`),
}));

export function findCategory(db: Db, slug: string): { name: string; slug: string } | undefined {
  return statements(db).bySlug.get(slug);
}

/** Categories with how many entries the reader may see in each (`statuses`, see visibleStatuses). */
export function listCategories(db: Db, statuses: EntryStatus[]): CategorySummary[] {
  return statements(db).withCounts.all(JSON.stringify(statuses));
}
