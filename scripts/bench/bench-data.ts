import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importContent } from '../../server/content/import-content.ts';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { findEntry, listEntryIds } from '../../server/entries/entry-queries.ts';
import type { Entry } from '../../server/entries/entry.ts';

export const BANKING77 = join(import.meta.dirname, 'banking77');

export interface LabelledQuery {
  query: string;
  expected: string;
}

/** A fresh in-memory database holding the BANKING77 entries, imported as any content is. */
export function banking77Database(): { db: Db; entries: Entry[] } {
  const db = openDatabase(':memory:');
  migrate(db);
  importContent(db, { entriesDir: join(BANKING77, 'entries') });
  return { db, entries: listEntryIds(db).map((id) => findEntry(db, id)!.entry) };
}

export function devQueries(): LabelledQuery[] {
  return readFileSync(join(BANKING77, 'dev-queries.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [query, expected] = line.split('\t');
      return { query: query!, expected: expected! };
    });
}
