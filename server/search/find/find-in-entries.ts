import type { Db } from '../../db/connection.ts';
import { preparedFor } from '../../db/prepared.ts';
import { findEntry } from '../../entries/entry-queries.ts';
import { bodyParts } from '../../entries/save-entry.ts';
import { escapeHtml } from '../../render/escape-html.ts';
import { ftsPhrase } from '../query/fts-query.ts';

/**
 * "Find in every entry", for leads: exact words and quoted phrases across every section of every
 * entry, drafts and archived ones included, with where each match is. For updating entries when a
 * policy or a carrier changes. FTS5 finds and marks the matches (highlight()); the body column,
 * which holds the options and the prose sections one after the other, is split back into them.
 */
const LIMIT = 200;
// Private-use characters mark the matches: they cannot come from entry text turned into plain text… and if they did, they would only mark.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const CONTEXT = 90;

export interface FoundEntry {
  id: string;
  title: string;
  status: string;
  category: string;
  url: string;
  /** Where the words are: the section's name, a safe HTML excerpt with <mark>, and how many matches. */
  matches: { section: string; excerpt: string; count: number }[];
}

export interface FindResults {
  query: string;
  total: number;
  entries: FoundEntry[];
}

const mark = (column: number) => `highlight(entries_fts, ${column}, '${OPEN}', '${CLOSE}')`;
const statements = preparedFor((db) => ({
  find: db.prepare<[match: string], Row>(`SELECT e.id, e.status, c.name AS category, ${mark(0)} AS title, ${mark(1)} AS phrasings, ${mark(2)} AS tags,
      ${mark(3)} AS summary, ${mark(4)} AS body
    FROM entries_fts JOIN entries e ON e.entry_no = entries_fts.rowid JOIN categories c ON c.id = e.category_id
    WHERE entries_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`),
  count: db.prepare<[match: string], number>('SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?').pluck(),
}));

interface Row {
  id: string;
  status: string;
  category: string;
  title: string;
  phrasings: string;
  tags: string;
  summary: string;
  body: string;
}

/** The FTS5 expression for what a lead typed: every quoted phrase and every other word, all required. Null with no word. */
export function findExpression(query: string): string | null {
  const phrases = [...query.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const rest = query.replace(/"[^"]*"/g, ' ').split(/\s+/);
  const parts = [...phrases, ...rest].flatMap((text) => ftsPhrase(text) ?? []);
  return parts.length ? parts.join(' AND ') : null;
}

export function findInEntries(db: Db, query: string): FindResults {
  const expression = findExpression(query);
  if (!expression) return { query, total: 0, entries: [] };
  const rows = statements(db).find.all(expression);
  return {
    query,
    total: statements(db).count.get(expression) ?? 0,
    entries: rows.map((row) => ({
      id: row.id,
      title: row.title.replaceAll(OPEN, '').replaceAll(CLOSE, ''),
      status: row.status,
      category: row.category,
      url: `/entries/${row.id}`,
      matches: [
        { section: 'Title', text: row.title },
        ...row.phrasings.split('\n').map((text) => ({ section: 'How customers ask', text })),
        { section: 'Tags', text: row.tags },
        { section: 'Summary', text: row.summary },
        ...bodySections(db, row.id, row.body),
      ].flatMap(({ section, text }) => (text.includes(OPEN) ? [{ section, excerpt: excerpt(text), count: text.split(OPEN).length - 1 }] : [])),
    })),
  };
}

/** The marked body split back into the sections it was made of (see bodyParts), each with its name. */
function bodySections(db: Db, id: string, marked: string): { section: string; text: string }[] {
  if (!marked.includes(OPEN)) return [];
  const stored = findEntry(db, id);
  if (!stored) return [];
  const sections: { section: string; text: string }[] = [];
  let at = 0;
  for (const { section, text } of bodyParts(stored.entry)) {
    // Walk the marked text for as many characters as the section has, the marks not counting.
    let end = at;
    for (let left = text.length; end < marked.length && (left > 0 || marked[end] === CLOSE); end++) if (marked[end] !== OPEN && marked[end] !== CLOSE) left--;
    sections.push({ section, text: marked.slice(at, end) });
    at = end + 1; // the line break between sections
  }
  return sections;
}

/** Safe HTML: the text around its first match (whole if short), matches in <mark>. */
function excerpt(marked: string): string {
  const first = marked.indexOf(OPEN);
  const from = Math.max(0, first - CONTEXT);
  const to = Math.min(marked.length, first + 2 * CONTEXT);
  let cut = marked.slice(from, to);
  // A match cut off at the end is closed; one cut off at the start loses its opening mark.
  if (cut.lastIndexOf(OPEN) > cut.lastIndexOf(CLOSE)) cut += CLOSE;
  if (cut.indexOf(CLOSE) < cut.indexOf(OPEN)) cut = cut.replace(CLOSE, '');
  const html = escapeHtml(cut).replaceAll(OPEN, '<mark>').replaceAll(CLOSE, '</mark>');
  return `${from > 0 ? '…' : ''}${html}${to < marked.length ? '…' : ''}`;
}
