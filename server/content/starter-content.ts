import { join } from 'node:path';
import type { Db } from '../db/connection.ts';
import { countEntries } from '../entries/entry-queries.ts';
import { importContent, type ImportReport } from './import-content.ts';

/** Fills an empty knowledge base from content/ (entries, guides, synonyms, paths); leaves a used one alone. */
export function importStarterContentIfEmpty(db: Db, contentDir: string): ImportReport | null {
  if (countEntries(db) > 0) return null;
  return importContent(db, {
    entriesDir: join(contentDir, 'entries'),
    guidesDir: join(contentDir, 'guides'),
    synonymsFile: join(contentDir, 'synonyms.yml'),
    pathsDir: join(contentDir, 'paths'),
    author: 'starter content',
  });
}
