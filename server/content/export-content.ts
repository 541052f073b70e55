import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/connection.ts';
import { writeEntryFile } from '../entries/entry-file.ts';
import { findEntry, listEntryIds } from '../entries/entry-queries.ts';
import { writeGuideFile } from '../guides/guide-file.ts';
import { listGuides } from '../guides/guide-queries.ts';
import { synonymGroups } from '../search/synonyms.ts';
import { writeSynonymsFile } from '../search/synonyms-file.ts';
import { listPaths } from '../onboarding/onboarding-queries.ts';
import { writePathFile } from '../onboarding/path-file.ts';

export interface ExportOptions {
  entriesDir?: string;
  guidesDir?: string;
  synonymsFile?: string;
  pathsDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Writes every entry (and guide, and path) as one file named by its id, and the synonyms; returns the counts. */
export function exportContent(db: Db, options: ExportOptions): { entries: number; guides: number; paths: number } {
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
  const paths = options.pathsDir ? listPaths(db) : [];
  if (options.pathsDir) {
    mkdirSync(options.pathsDir, { recursive: true });
    for (const path of paths) writeFileSync(join(options.pathsDir, `${path.id}.yml`), writePathFile(path));
  }
  return { entries: ids.length, guides: guides.length, paths: paths.length };
}
