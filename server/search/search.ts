import type { Db } from '../db/connection.ts';
import { ENTRY_STATUSES, type EntryKind, type EntryStatus } from '../entries/entry.ts';
import { highlight, snippet } from './highlight.ts';
import type { IndexedDoc } from './entry-index.ts';
import { followDatabase } from './index-follower.ts';
import { analyseQuery, didYouMean } from './query-analysis.ts';
import { queryVector, score } from './relevance.ts';

export interface SearchFilters {
  /** Category name or slug. */
  category?: string;
  kind?: EntryKind;
  language?: string;
  /** The statuses the reader may see; by default all but archived. */
  statuses?: readonly EntryStatus[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  title: string;
  kind: EntryKind;
  isUnusual: boolean;
  category: string;
  categorySlug: string;
  status: EntryStatus;
  isVetted: boolean;
  score: number;
  /** Safe HTML: the best passage with the matched words in <mark>. */
  snippet: string;
  /** Safe HTML: the title with the matched words in <mark>. */
  titleHtml: string;
  url: string;
}

export interface SearchResults {
  query: string;
  total: number;
  tookMs: number;
  results: SearchHit[];
  /** On no results: the query with its unknown words corrected, when that could find something. */
  didYouMean: string | null;
}

export interface Search {
  search(query: string, filters?: SearchFilters): SearchResults;
}

export const VISIBLE_BY_DEFAULT: readonly EntryStatus[] = ENTRY_STATUSES.filter((s) => s !== 'archived');

/** Drafts and entries in review still show, below vetted ones. */
const UNVETTED_FACTOR = 0.5;

/**
 * How many entries, found through their rarest query words, are scored in full. Words held by
 * more than COMMON_WORD entries only add candidates while fewer than MAX_SCORED were found.
 */
const MAX_SCORED = 300;
const COMMON_WORD = 20_000;
const SNIPPET_SOURCE_CHARS = 1200;

export function createSearch(db: Db): Search {
  const current = followDatabase(db);

  return {
    search(query, filters = {}) {
      const started = performance.now();
      const { index, synonyms } = current();
      const analysed = analyseQuery(index, synonyms, query);
      const vector = queryVector(index, analysed.weights);
      const visible = visibleTo(filters);
      const { candidates, total } = gather(index.docs, index.postings, analysed.meaningful, visible);
      const ranked = candidates
        .map((doc) => ({ doc, score: score(index, doc, vector) * (doc.entry.status === 'vetted' ? 1 : UNVETTED_FACTOR) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, filters.limit ?? 10);
      return {
        query,
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        results: ranked.map(({ doc, score }) => hit(doc, score, analysed.highlight)),
        didYouMean: total ? null : didYouMean(index, query),
      };
    },
  };
}

function visibleTo(filters: SearchFilters): (doc: IndexedDoc) => boolean {
  const statuses = new Set(filters.statuses ?? VISIBLE_BY_DEFAULT);
  const category = filters.category?.toLowerCase();
  return ({ entry }) =>
    statuses.has(entry.status) &&
    (!category || entry.category.toLowerCase() === category || entry.categorySlug === category) &&
    (!filters.kind || entry.kind === filters.kind) &&
    (!filters.language || entry.language === filters.language);
}

/**
 * The visible entries holding a meaningful query word (words held by very many entries may be
 * skipped, see COMMON_WORD), the MAX_SCORED with the most and rarest words, and how many there were.
 */
function gather(
  docs: (IndexedDoc | undefined)[],
  postings: number[][],
  meaningful: Set<number>,
  visible: (doc: IndexedDoc) => boolean,
): { candidates: IndexedDoc[]; total: number } {
  const overlap = new Map<number, number>();
  const byRarity = [...meaningful].sort((a, b) => postings[a]!.length - postings[b]!.length);
  for (const feature of byRarity) {
    const list = postings[feature]!;
    if (list.length > COMMON_WORD && overlap.size >= MAX_SCORED) continue;
    const weight = 1 / Math.log(2 + list.length);
    for (const no of list) overlap.set(no, (overlap.get(no) ?? 0) + weight);
  }
  const found: { doc: IndexedDoc; overlap: number }[] = [];
  for (const [no, weight] of overlap) {
    const doc = docs[no];
    if (doc && visible(doc)) found.push({ doc, overlap: weight });
  }
  if (found.length > MAX_SCORED) found.sort((a, b) => b.overlap - a.overlap);
  return { candidates: found.slice(0, MAX_SCORED).map((f) => f.doc), total: found.length };
}

function hit(doc: IndexedDoc, score: number, terms: string[]): SearchHit {
  const { entry } = doc;
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    isUnusual: entry.kind === 'unusual',
    category: entry.category,
    categorySlug: entry.categorySlug,
    status: entry.status,
    isVetted: entry.status === 'vetted',
    score: Math.round(score * 1000) / 1000,
    snippet: snippet(snippetText(doc), terms),
    titleHtml: highlight(entry.title, terms),
    url: `/entries/${entry.id}`,
  };
}

/** Where the snippet is cut from: the summary, the phrasings, then the body; the first part only. */
function snippetText({ entry }: IndexedDoc): string {
  return [entry.summary, entry.phrasings.join(' · '), entry.body].filter(Boolean).join(' ').slice(0, SNIPPET_SOURCE_CHARS);
}
