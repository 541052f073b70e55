import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import type { IndexedEntry } from '../types.ts';

const SELECT = `
  SELECT e.id, e.title, e.kind, c.name AS category, c.slug AS categorySlug, e.language, e.status,
    e.phrasings_text, e.tags_text AS tags, e.summary_text AS summary, e.body_text AS body
  FROM entries e JOIN categories c ON c.id = e.category_id`;

const statements = preparedFor((db) => ({
  all: db.prepare<[], Row>(SELECT),
  one: db.prepare<[id: string], Row>(`${SELECT} WHERE e.id = ?`),
}));

type Row = Omit<IndexedEntry, 'phrasings'> & { phrasings_text: string };

const toEntry = ({ phrasings_text, ...row }: Row): IndexedEntry => ({
  ...row,
  phrasings: phrasings_text ? phrasings_text.split('\n') : [],
});

export function* allIndexedEntries(db: Db): Generator<IndexedEntry> {
  for (const row of statements(db).all.iterate()) yield toEntry(row);
}

export function indexedEntry(db: Db, id: string): IndexedEntry | undefined {
  const row = statements(db).one.get(id);
  return row && toEntry(row);
}
