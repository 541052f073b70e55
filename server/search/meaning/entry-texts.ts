import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';

/** What search compares by meaning in an entry: how customers ask for it. */
export interface EntryTexts {
  id: string;
  texts: string[];
}

// Archived entries never show in search, so they need no vectors. The summary is left out: the
// BANKING77 entries have none, so whether it helps could not be measured.
// A linked translation (a future `translation_of`) would add its source's texts here.
const SELECT = `SELECT entry_no, id, title, phrasings_text FROM entries WHERE status <> 'archived'`;

const statements = preparedFor((db) => ({
  page: db.prepare<[after: number, limit: number], Row>(`${SELECT} AND entry_no > ? ORDER BY entry_no LIMIT ?`),
  one: db.prepare<[id: string], Row>(`${SELECT} AND id = ?`),
  count: db.prepare<[], number>(`SELECT count(*) FROM entries WHERE status <> 'archived'`).pluck(),
}));

/** How many entries search can show, and so would compare by meaning. */
export function countSearchable(db: Db): number {
  return statements(db).count.get() ?? 0;
}

interface Row {
  entry_no: number;
  id: string;
  title: string;
  phrasings_text: string;
}

const toTexts = ({ id, title, phrasings_text }: Row): EntryTexts => ({
  id,
  texts: [...new Set([title, ...(phrasings_text ? phrasings_text.split('\n') : [])].map((t) => t.trim()).filter(Boolean))],
});

/** The entries in pages, so a caller can yield between them (an open iterator would lock the connection). */
export function* entryTextPages(db: Db, pageSize = 500): Generator<EntryTexts[]> {
  for (let after = 0; ; ) {
    const rows = statements(db).page.all(after, pageSize);
    if (!rows.length) return;
    after = rows.at(-1)!.entry_no;
    yield rows.map(toTexts);
  }
}

/** The entry's texts, or undefined if it is gone or archived. */
export function entryTexts(db: Db, id: string): EntryTexts | undefined {
  const row = statements(db).one.get(id);
  return row && toTexts(row);
}
