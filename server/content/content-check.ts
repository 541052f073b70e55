import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntryFile } from '../entries/entry-file.ts';
import type { Entry } from '../entries/entry.ts';
import { parseGuideFile } from '../guides/guide-file.ts';
import { ContentError } from '../file-format/content-error.ts';
import { markdownFiles } from './content-files.ts';
import { checkEntryBar, type EntryLines } from './entry-bar.ts';
import type { ContentProblem } from './content-problem.ts';

export type { ContentProblem };
import { translationProblems } from '../translations/translation-rules.ts';
import { normaliseNewlines, splitFrontMatter, type FrontMatter } from '../file-format/front-matter.ts';

/**
 * `npm run lint:content`: checks a content folder (entries/ and guides/) for what the importer
 * lets through but an agent would trip over: incomplete entries, two entries with the same title
 * or a phrasing shared between them (search could not tell them apart), phrasings spread over
 * several lines, links to entries or guides that do not exist, and translations that do not link
 * up with their source. Files are read with the importer's own parsers.
 */

interface EntryFile {
  file: string;
  lines: string[];
  frontMatter: FrontMatter | null;
  entry: Entry | null;
}

export function checkContent(dir: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const entries = markdownFiles(join(dir, 'entries')).map((file) => readEntryFile(file, problems));
  const guides = markdownFiles(join(dir, 'guides')).map((file) => readGuideFile(file, problems));

  for (const e of entries) {
    if (e.entry) problems.push(...checkEntryBar(e.entry, e.file, linesOf(e)));
    problems.push(...checkPhrasingLines(e));
  }
  problems.push(...checkDuplicates(entries));
  const known = {
    entries: new Set(entries.map((e) => idOf(e)).filter((id): id is string => !!id)),
    guides: new Set(guides.map((g) => g.id).filter((id): id is string => !!id)),
  };
  for (const f of [...entries, ...guides]) problems.push(...checkLinks(f.file, f.lines, known));
  problems.push(...checkTranslations(entries));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

function readEntryFile(file: string, problems: ContentProblem[]): EntryFile {
  const text = normaliseNewlines(readFileSync(file, 'utf8'));
  const lines = text.split('\n');
  const frontMatter = attempt(() => splitFrontMatter(text, file), problems);
  const entry = frontMatter && attempt(() => parseEntryFile(text, file), problems);
  return { file, lines, frontMatter, entry };
}

function readGuideFile(file: string, problems: ContentProblem[]) {
  const text = normaliseNewlines(readFileSync(file, 'utf8'));
  const guide = attempt(() => parseGuideFile(text, file), problems);
  return { file, lines: text.split('\n'), id: guide?.id };
}

/** Runs a parser; its ContentError becomes a problem (with the parser's own file, line and reason). */
function attempt<T>(parse: () => T, problems: ContentProblem[]): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push({ file: error.file, line: error.line, rule: 'file', message: error.message.replace(/^.*?:\d+: /, '') });
    return null;
  }
}

function idOf(e: EntryFile): string | undefined {
  const id = e.entry?.id ?? e.frontMatter?.data.id;
  return typeof id === 'string' ? id : undefined;
}

function linesOf(e: EntryFile): EntryLines {
  const bodyLine = e.frontMatter?.bodyLine ?? 1;
  return {
    section: (heading) => {
      if (!heading) return bodyLine;
      const index = e.lines.findIndex((l) => l.trimEnd() === `## ${heading}`);
      return index === -1 ? e.lines.length : index + 1;
    },
    key: (name) => e.frontMatter?.keyLines.get(name) ?? 1,
  };
}

/** The file line of each `- item` under `phrasings:`, in order. */
function phrasingLines(e: EntryFile): number[] {
  const start = e.frontMatter?.keyLines.get('phrasings');
  if (!start) return [];
  const found: number[] = [];
  for (let i = start; i < e.lines.length && /^\s/.test(e.lines[i] ?? ''); i++) {
    if (/^\s*- /.test(e.lines[i]!)) found.push(i + 1);
  }
  return found;
}

function checkPhrasingLines(e: EntryFile): ContentProblem[] {
  const start = e.frontMatter?.keyLines.get('phrasings');
  if (!start) return [];
  const problems: ContentProblem[] = [];
  for (let i = start; i < e.lines.length && /^\s/.test(e.lines[i] ?? ''); i++) {
    const line = e.lines[i]!;
    if (line.trim() && !/^\s*- \S/.test(line)) {
      problems.push({
        file: e.file,
        line: i + 1,
        rule: 'one-line',
        message: 'a phrasing runs onto a second line: write each phrasing on one line ("  - the customer\'s words")',
      });
    }
  }
  return problems;
}

/** Case, spacing and punctuation do not make two texts different for a customer typing them. */
export function sameWords(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkDuplicates(entries: EntryFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const titles = new Map<string, EntryFile>();
  const examples = new Map<string, { file: EntryFile; what: string }>();
  for (const e of entries) {
    if (!e.entry) continue;
    const titleKey = sameWords(e.entry.title);
    const sameTitle = titles.get(titleKey);
    if (sameTitle) {
      problems.push({
        file: e.file,
        line: linesOf(e).key('title'),
        rule: 'duplicate',
        message: `title is the same as the title of ${sameTitle.file}: two entries must not answer the same request; merge them or make the title say what differs`,
      });
    } else titles.set(titleKey, e);

    const lines = phrasingLines(e);
    const own = new Set([titleKey]);
    e.entry.phrasings.forEach((phrasing, index) => {
      const key = sameWords(phrasing);
      const line = lines[index] ?? linesOf(e).key('phrasings');
      const other = examples.get(key);
      if (own.has(key)) {
        problems.push({ file: e.file, line, rule: 'duplicate', message: `phrasing "${phrasing}" repeats this entry's title or another of its phrasings: remove it` });
      } else if (other && other.file !== e) {
        problems.push({
          file: e.file,
          line,
          rule: 'duplicate',
          message: `phrasing "${phrasing}" is also ${other.what} of ${other.file}: keep it in the one entry that answers it and reword or remove the other`,
        });
      }
      own.add(key);
    });
    if (!examples.has(titleKey)) examples.set(titleKey, { file: e, what: 'the title' });
    for (const p of e.entry.phrasings) if (!examples.has(sameWords(p))) examples.set(sameWords(p), { file: e, what: 'a phrasing' });
  }
  return problems;
}

function checkLinks(file: string, lines: string[], known: { entries: Set<string>; guides: Set<string> }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  lines.forEach((line, index) => {
    for (const [, kind, id] of line.matchAll(/\]\(\/(entries|guides)\/([^)\s#?]*)/g)) {
      if (!(kind === 'entries' ? known.entries : known.guides).has(id!)) {
        problems.push({
          file,
          line: index + 1,
          rule: 'link',
          message: `link to /${kind}/${id} leads nowhere: no ${kind === 'entries' ? 'entry' : 'guide'} has the id "${id}"; fix the id or remove the link`,
        });
      }
    }
  });
  return problems;
}

/** Translations linked both ways, by the rules the importer and the editor apply too (translation-rules.ts). */
function checkTranslations(entries: EntryFile[]): ContentProblem[] {
  const files = new Map<string, EntryFile>();
  const links = entries.flatMap((e) => {
    const id = idOf(e);
    if (!id) return [];
    files.set(id, e);
    const source = e.frontMatter?.data.translation_of;
    const language = String(e.entry?.language ?? e.frontMatter?.data.language ?? 'en');
    return [{ id, language, translationOf: source === undefined || source === null ? null : String(source) }];
  });
  const problems = translationProblems(links, (id) => files.get(id)?.file ?? id);
  return [...problems].map(([id, message]) => {
    const e = files.get(id)!;
    return { file: e.file, line: e.frontMatter?.keyLines.get('translation_of') ?? 1, rule: 'translation' as const, message };
  });
}
