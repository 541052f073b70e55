import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import type { EntryStatus } from '../entries/entry.ts';

export interface CategorySummary {
  name: string;
  slug: string;
  entryCount: number;
}

const statements = preparedFor((db) => ({
  byName: db.prepare<[name: string], number>('SELECT id FROM categories WHERE name = ?').pluck(),
  slugTaken: db.prepare<[slug: string], 1>('SELECT 1 FROM categories WHERE slug = ?').pluck(),
  insert: db.prepare<[name: string, slug: string]>('INSERT INTO categories (name, slug) VALUES (?, ?)'),
  bySlug: db.prepare<[slug: string], { name: string; slug: string }>('SELECT name, slug FROM categories WHERE slug = ?'),
  withCounts: db.prepare<[statusesJson: string], CategorySummary>(`
    SELECT c.name, c.slug, count(e.entry_no) AS entryCount
    FROM categories c JOIN entries e ON e.category_id = c.id AND e.status IN (SELECT value FROM json_each(?))
    GROUP BY c.id ORDER BY c.name`),
}));

/** The id of the category with this name, created on first use. */
export function categoryIdFor(db: Db, name: string): number {
  const s = statements(db);
  const existing = s.byName.get(name);
  if (existing !== undefined) return existing;
  const base = slugify(name) || 'category';
  let slug = base;
  for (let n = 2; s.slugTaken.get(slug); n++) slug = `${base}-${n}`;
  return Number(s.insert.run(name, slug).lastInsertRowid);
}

export function findCategory(db: Db, slug: string): { name: string; slug: string } | undefined {
  return statements(db).bySlug.get(slug);
}

/** Categories with how many entries the reader may see in each (`statuses`, see visibleStatuses). */
export function listCategories(db: Db, statuses: EntryStatus[]): CategorySummary[] {
  return statements(db).withCounts.all(JSON.stringify(statuses));
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
