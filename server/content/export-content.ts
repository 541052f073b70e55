import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection.ts';
import { writeEntryFile } from '../entries/entry-file.ts';
import { findEntry, listEntryIds } from '../entries/entry-queries.ts';
import { writeGuideFile } from '../guides/guide-file.ts';
import { listGuides } from '../guides/guide-queries.ts';
import { synonymGroups } from '../search/query/synonyms.ts';
import { writeSynonymsFile } from '../search/query/synonyms-file.ts';

export interface ExportOptions {
  entriesDir?: string;
  guidesDir?: string;
  synonymsFile?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Writes every entry (and guide) as one file named by its id, and the synonyms; returns the counts. */
export function exportContent(db: Db, options: ExportOptions): { entries: number; guides: number } {
  const ids = options.entriesDir ? listEntryIds(db) : [];
  const guides = options.guidesDir ? listGuides(db) : [];
  const total = ids.length + guides.length;
  let done = 0;
  if (options.entriesDir) {
    mkdirSync(options.entriesDir, { recursive: true });
    for (const id of ids) {
      writeFileSync(join(options.entriesDir, `${id}.md`), writeEntryFile(findEntry(db, id)!.entry));
      options.onProgress?.(++done, total);
    }
  }
  if (options.guidesDir) {
    mkdirSync(options.guidesDir, { recursive: true });
    for (const guide of guides) {
      writeFileSync(join(options.guidesDir, `${guide.id}.md`), writeGuideFile(guide));
      options.onProgress?.(++done, total);
    }
  }
  if (options.synonymsFile) writeFileSync(options.synonymsFile, writeSynonymsFile(synonymGroups(db)));
  return { entries: ids.length, guides: guides.length };
}
