import type { Db } from '../db/connection.ts';
import type { EntryKind, EntryStatus } from '../entries/entry.ts';
import { ftsMatch } from './fts-query.ts';
import { highlight, snippet } from './highlight.ts';
import { queryTerms } from './query-terms.ts';

export interface SearchFilters {
  /** Category name or slug. */
  category?: string;
  kind?: EntryKind;
  language?: string;
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
}

export interface Search {
  search(query: string, filters?: SearchFilters): SearchResults;
}

/** bm25 weight of each indexed column: title, phrasings, tags, summary, body. */
const COLUMN_WEIGHTS = [10, 6, 4, 2, 1];

/** Drafts and entries in review still show, below vetted ones; archived entries never do. */
const UNVETTED_PENALTY = 0.5;

interface HitRow {
  id: string; title: string; kind: EntryKind; category: string; categorySlug: string; status: EntryStatus;
  text: string; rank: number;
}

export function createSearch(db: Db): Search {
  const filterSql = `
    e.status <> 'archived'
    AND (@category IS NULL OR c.name = @category COLLATE NOCASE OR c.slug = @category)
    AND (@kind IS NULL OR e.kind = @kind)
    AND (@language IS NULL OR e.language = @language)`;
  const from = `
    FROM entries_fts
    JOIN entries e ON e.entry_no = entries_fts.rowid
    JOIN categories c ON c.id = e.category_id
    WHERE entries_fts MATCH @match AND ${filterSql}`;
  const hits = db.prepare(`
    SELECT e.id, e.title, e.kind, c.name AS category, c.slug AS categorySlug, e.status,
      e.summary_text || ' ' || e.body_text AS text,
      bm25(entries_fts, ${COLUMN_WEIGHTS.join(', ')})
        * (CASE e.status WHEN 'vetted' THEN 1 ELSE ${UNVETTED_PENALTY} END) AS rank
    ${from}
    ORDER BY rank LIMIT @limit`);
  const count = db.prepare(`SELECT count(*) ${from}`).pluck();

  return {
    search(query, filters = {}) {
      const started = performance.now();
      const parsed = queryTerms(query);
      const match = ftsMatch(parsed);
      const params = {
        match,
        category: filters.category || null,
        kind: filters.kind ?? null,
        language: filters.language || null,
        limit: filters.limit ?? 10,
      };
      const rows = match ? (hits.all(params) as HitRow[]) : [];
      const total = match ? (count.get(params) as number) : 0;
      return {
        query,
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        results: rows.map((row) => ({
          id: row.id,
          title: row.title,
          kind: row.kind,
          isUnusual: row.kind === 'unusual',
          category: row.category,
          categorySlug: row.categorySlug,
          status: row.status,
          isVetted: row.status === 'vetted',
          score: Math.round(-row.rank * 1000) / 1000,
          snippet: snippet(row.text, parsed.terms),
          titleHtml: highlight(row.title, parsed.terms),
          url: `/entries/${row.id}`,
        })),
      };
    },
  };
}
