import { Document, isSeq } from 'yaml';
import type { z } from 'zod';
import { ContentError } from '../file-format/content-error.ts';
import { asText, checkKeys, splitFrontMatter, trimBlock, type FrontMatter } from '../file-format/front-matter.ts';
import { firstProblem } from '../validation/first-problem.ts';
import { FENCE } from '../validation/text.ts';
import { entrySchema, PROSE_SECTIONS, type Entry, type EntryOption, type ProseKey } from './entry.ts';

/**
 * The entry file format of DESIGN.md: YAML front matter, a summary, then fixed `##` sections where
 * each `###` under Solutions or Alternatives is one option. `writeEntryFile` is the canonical form:
 * writing what `parseEntryFile` read from a canonical file gives the same bytes.
 */

const FRONT_MATTER_KEYS = ['id', 'title', 'kind', 'category', 'tags', 'language', 'translation_of', 'status', 'owner', 'review_by', 'phrasings'] as const;

const OPTION_SECTIONS = { Solutions: 'solutions', Alternatives: 'alternatives' } as const;
type OptionListKey = (typeof OPTION_SECTIONS)[keyof typeof OPTION_SECTIONS];

const SECTION_NAMES = [...Object.keys(OPTION_SECTIONS), ...PROSE_SECTIONS.map((s) => s.heading)];

/** Entry field name → the name an author sees in the file. */
const FILE_FIELD: Record<string, string> = { reviewBy: 'review_by', translationOf: 'translation_of', whatToSay: 'What to say', followUp: 'Follow-up' };

interface Body {
  summary: string;
  solutions: EntryOption[];
  alternatives: EntryOption[];
  prose: Partial<Record<ProseKey, string>>;
  sectionLines: Map<string, number>;
}

export function parseEntryFile(text: string, file: string): Entry {
  const frontMatter = splitFrontMatter(text, file);
  checkKeys(frontMatter, FRONT_MATTER_KEYS, file);
  const body = parseBody(frontMatter.body, frontMatter.bodyLine, file);
  const data = frontMatter.data;
  const candidate = {
    id: data.id,
    title: asText(data.title),
    kind: data.kind ?? undefined,
    category: asText(data.category),
    tags: listOfText(data.tags),
    language: data.language ?? undefined,
    translationOf: data.translation_of ?? null,
    status: data.status ?? undefined,
    owner: asText(data.owner) ?? null,
    reviewBy: data.review_by ?? null,
    phrasings: listOfText(data.phrasings),
    summary: body.summary,
    solutions: body.solutions,
    alternatives: body.alternatives,
    ...body.prose,
  };
  const parsed = entrySchema.safeParse(candidate);
  if (!parsed.success) throw contentErrorFor(parsed.error, candidate, frontMatter, body, file);
  return parsed.data;
}

function listOfText(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return Array.isArray(value) ? value.map(asText) : value;
}

function parseBody(bodyText: string, firstLine: number, file: string): Body {
  const body: Body = { summary: '', solutions: [], alternatives: [], prose: {}, sectionLines: new Map() };
  const summaryLines: string[] = [];
  let section: string | null = null;
  let sectionText: string[] = [];
  let option: { title: string; lines: string[] } | null = null;
  let inFence = false;

  const closeOption = () => {
    if (option && section) {
      const key = OPTION_SECTIONS[section as keyof typeof OPTION_SECTIONS];
      body[key].push({ title: option.title, body: trimBlock(option.lines) });
    }
    option = null;
  };
  const closeSection = () => {
    closeOption();
    const prose = PROSE_SECTIONS.find((s) => s.heading === section);
    if (prose) body.prose[prose.key] = trimBlock(sectionText);
    sectionText = [];
  };

  const lines = bodyText.split('\n');
  lines.forEach((line, index) => {
    const lineNo = firstLine + index;
    if (FENCE.test(line)) inFence = !inFence;
    // A closing run of #s counts only after a space, as in CommonMark: "### Pay in C#" keeps its #.
    const heading = inFence ? null : /^(#{2,3}) +(.*?)(?:\s+#+)?\s*$/.exec(line);

    if (heading?.[1] === '##') {
      const name = heading[2] ?? '';
      if (!SECTION_NAMES.includes(name)) {
        throw new ContentError(file, lineNo, name, `unknown section "## ${name}"; sections are ${SECTION_NAMES.join(', ')}`);
      }
      if (body.sectionLines.has(name)) {
        throw new ContentError(file, lineNo, name, `section "## ${name}" appears twice`);
      }
      closeSection();
      section = name;
      body.sectionLines.set(name, lineNo);
      return;
    }
    if (section && section in OPTION_SECTIONS) {
      if (heading?.[1] === '###') {
        closeOption();
        const title = heading[2] ?? '';
        if (!title) throw new ContentError(file, lineNo, section, 'an option heading (###) needs a title');
        option = { title, lines: [] };
      } else if (option) {
        (option as { lines: string[] }).lines.push(line);
      } else if (line.trim()) {
        throw new ContentError(file, lineNo, section, `text under "## ${section}" must belong to an option that starts with "### title"`);
      }
      return;
    }
    (section ? sectionText : summaryLines).push(line);
  });
  closeSection();
  body.summary = trimBlock(summaryLines);
  return body;
}

function contentErrorFor(error: z.ZodError, candidate: object, frontMatter: FrontMatter, body: Body, file: string): ContentError {
  const { path, message } = firstProblem(error, candidate);
  const [field = 'entry', index, part] = path;
  const name = FILE_FIELD[field] ?? field;
  const optionSection = field === 'solutions' ? 'Solutions' : field === 'alternatives' ? 'Alternatives' : null;
  const line =
    frontMatter.keyLines.get(name) ??
    (optionSection ? body.sectionLines.get(optionSection) : body.sectionLines.get(name)) ??
    frontMatter.bodyLine;
  const where = optionSection && index !== undefined ? `${name}[${Number(index) + 1}]${part ? `.${part}` : ''}` : name;
  return new ContentError(file, line, where, message.replace(/^\w+ is required$/, `${name} is required`));
}

export function writeEntryFile(entry: Entry): string {
  const frontMatter = new Document({
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    category: entry.category,
    ...(entry.tags.length ? { tags: entry.tags } : {}),
    language: entry.language,
    ...(entry.translationOf ? { translation_of: entry.translationOf } : {}),
    status: entry.status,
    ...(entry.owner ? { owner: entry.owner } : {}),
    ...(entry.reviewBy ? { review_by: entry.reviewBy } : {}),
    ...(entry.phrasings.length ? { phrasings: entry.phrasings } : {}),
  });
  const tags = frontMatter.get('tags', true);
  if (isSeq(tags)) tags.flow = true;

  const sections = [
    optionSection('Solutions', entry.solutions),
    optionSection('Alternatives', entry.alternatives),
    ...PROSE_SECTIONS.map(({ key, heading }) => (entry[key] ? `## ${heading}\n${entry[key]}` : '')),
  ].filter(Boolean);
  const lead = entry.summary ? `${entry.summary}\n\n` : '\n';
  return `---\n${frontMatter.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${lead}${sections.join('\n\n')}\n`;
}

function optionSection(heading: string, options: EntryOption[]): string {
  if (!options.length) return '';
  const blocks = options.map((o) => {
    // A title ending in " #" would read as a closing sequence; one more closes it explicitly.
    const title = /\s#+$/.test(o.title) ? `${o.title} #` : o.title;
    return o.body ? `### ${title}\n${o.body}` : `### ${title}`;
  });
  return `## ${heading}\n${blocks.join('\n\n')}`;
}

export type { OptionListKey };
