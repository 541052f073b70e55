import { existsSync, readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { Db } from '../db/connection.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Entry } from '../entries/entry.ts';
import { parseEntryFile } from '../entries/entry-file.ts';
import { saveEntry } from '../entries/save-entry.ts';
import type { Guide } from '../guides/guide.ts';
import { parseGuideFile } from '../guides/guide-file.ts';
import { saveGuide } from '../guides/guide-queries.ts';
import { ContentError } from '../file-format/content-error.ts';
import { normaliseNewlines } from '../file-format/front-matter.ts';
import { batchTranslationProblems } from '../translations/translation-service.ts';
import { markdownFiles } from './content-files.ts';
import { parseSynonymsFile } from '../search/query/synonyms-file.ts';
import { replaceSynonyms } from '../search/query/synonyms.ts';
import { itemTitles, savePath } from '../onboarding/onboarding-queries.ts';
import { readPathFiles } from '../onboarding/path-import.ts';

export interface ImportOptions {
  entriesDir?: string;
  guidesDir?: string;
  /** content/synonyms.yml; when given, its groups replace the synonyms in the database. */
  synonymsFile?: string;
  /** content/paths: the Start here paths (`<id>.yml`), checked against the entries and guides. */
  pathsDir?: string;
  /** Who the revisions are recorded for. */
  author?: string;
  /** Called after each file is read and after each item is saved. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  guides: number;
  paths: number;
}

/** Thrown when any file of a batch is invalid; lists every problem found, nothing was imported. */
export class ImportError extends Error {
  constructor(readonly problems: ContentError[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ImportError';
  }
}

/**
 * Imports a batch of entry and guide files all-or-nothing: every file is read and checked first,
 * then everything is saved in one transaction, upserting by id.
 */
export function importContent(db: Db, options: ImportOptions): ImportReport {
  const entryFiles = options.entriesDir ? markdownFiles(options.entriesDir) : [];
  const guideFiles = options.guidesDir ? markdownFiles(options.guidesDir) : [];
  const total = (entryFiles.length + guideFiles.length) * 2;
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);

  const problems: ContentError[] = [];
  const entries = readAll(entryFiles, parseEntryFile, problems, tick);
  const guides = readAll(guideFiles, parseGuideFile, problems, tick);
  const synonyms = readSynonyms(options.synonymsFile, problems);
  const known = new Set([
    ...itemTitles(db).keys(),
    ...entries.map(({ item }) => `entry:${item.id}`),
    ...guides.map(({ item }) => `guide:${item.id}`),
  ]);
  const paths = options.pathsDir ? readPathFiles(options.pathsDir, known, problems) : [];
  problems.push(...translationLinkProblems(db, entries));
  if (problems.length) throw new ImportError(problems);
  // Sources first, so each translation records the source revision it was imported against.
  entries.sort((a, b) => Number(a.item.translationOf !== null) - Number(b.item.translationOf !== null));

  const author = options.author ?? 'import';
  return writeTransaction(db, (): ImportReport => {
    const report: ImportReport = { created: 0, updated: 0, unchanged: 0, guides: 0, paths: paths.length };
    for (const { item, file } of entries) {
      const result = saveEntry(db, item, { author, summary: `Imported from ${basename(file)}` });
      if (result.created) report.created++;
      else if (result.changed) report.updated++;
      else report.unchanged++;
      tick();
    }
    for (const { item } of guides) {
      if (saveGuide(db, item)) report.guides++;
      tick();
    }
    if (synonyms) replaceSynonyms(db, synonyms);
    for (const path of paths) savePath(db, path);
    return report;
  });
}

function translationLinkProblems(db: Db, entries: { item: Entry; file: string }[]): ContentError[] {
  const problems = batchTranslationProblems(db, entries.map(({ item }) => item));
  return entries.flatMap(({ item, file }) => {
    const message = problems.get(item.id);
    if (!message) return [];
    const line = normaliseNewlines(readFileSync(file, 'utf8')).split('\n').findIndex((l) => l.startsWith('translation_of:')) + 1;
    return [new ContentError(file, line || 2, 'translation_of', message.replace(/^translation_of: /, ''))];
  });
}

function readSynonyms(file: string | undefined, problems: ContentError[]): string[][] | null {
  if (!file || !existsSync(file)) return null;
  try {
    return parseSynonymsFile(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(error);
    return null;
  }
}

function readAll<T extends Entry | Guide>(
  files: string[],
  parse: (text: string, file: string) => T,
  problems: ContentError[],
  tick: () => void,
): { item: T; file: string }[] {
  const seen = new Map<string, string>();
  const items: { item: T; file: string }[] = [];
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    try {
      const item = parse(readFileSync(path, 'utf8'), file);
      if (basename(path) !== `${item.id}.md`) {
        throw new ContentError(file, 2, 'id', `id "${item.id}" must match the file name (${item.id}.md)`);
      }
      const other = seen.get(item.id);
      if (other) throw new ContentError(file, 2, 'id', `id "${item.id}" is also used by ${other}`);
      seen.set(item.id, file);
      items.push({ item, file });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(error);
    }
    tick();
  }
  return items;
}
