import type { Db } from '../db/connection.ts';
import { preparedFor } from '../db/prepared.ts';
import { slugify } from '../validation/slug.ts';

/** Categories are created by the entries that name them, inside the entry's own save. */
const statements = preparedFor((db) => ({
  byName: db.prepare<[name: string], number>('SELECT id FROM categories WHERE name = ?').pluck(),
  slugTaken: db.prepare<[slug: string], 1>('SELECT 1 FROM categories WHERE slug = ?').pluck(),
  insert: db.prepare<[name: string, slug: string]>('INSERT INTO categories (name, slug) VALUES (?, ?)'),
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
