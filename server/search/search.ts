import type { Db } from '../db/connection.ts';
import type { EntryKind, EntryStatus } from '../entries/entry.ts';
import { gather } from './candidates.ts';
import { VETTED } from './entry-index.ts';
import { followDatabase } from './index-follower.ts';
import { RERANKED } from './meaning/fusion.ts';
import { Meaning, type MeaningOptions } from './meaning/meaning.ts';
import { rerank } from './meaning/rerank.ts';
import { analyseQuery, didYouMean } from './query-analysis.ts';
import { topScored } from './ranking.ts';
import { score, withQuery } from './relevance.ts';
import { hitOf } from './search-hits.ts';
import { visibleTo } from './visible-entries.ts';

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
  /** By words alone, or with a settled query's vector (see settled) re-ranked by meaning too. */
  search(query: string, filters?: SearchFilters, queryVector?: Int8Array | null): SearchResults;
  /** A settled query (Enter, the results page, the API): by words and meaning, as far as vectors are ready. */
  settled(query: string, filters?: SearchFilters): Promise<SearchResults>;
  /** Entry vectors and the sentence model (server/search/meaning). */
  readonly meaning: Meaning;
}

/** Drafts and entries in review still show, below vetted ones. */
const UNVETTED_FACTOR = 0.5;

export function createSearch(db: Db, options: MeaningOptions = {}): Search {
  const current = followDatabase(db);
  const meaning = new Meaning(db, options);

  return {
    meaning,
    async settled(query, filters) {
      return this.search(query, filters, await meaning.vectorOf(query));
    },
    search(query, filters = {}, queryVector = null) {
      const started = performance.now();
      const { index, synonyms } = current();
      const analysed = analyseQuery(index, synonyms, query);
      const status = index.columns.status.data;
      const limit = filters.limit ?? 10;
      const { ranked, total } = withQuery(index, analysed.weights, (vector) => {
        const visible = visibleTo(index, filters);
        const candidates = gather(index, vector, analysed.meaningful, visible);
        const statusFactor = (no: number) => (status[no] === VETTED ? 1 : UNVETTED_FACTOR);
        const scoreOf = (no: number) => score(index, no, vector) * statusFactor(no);
        const lexical = topScored(candidates, queryVector ? Math.max(limit, RERANKED) : limit, scoreOf, !index.learned.size);
        const total = candidates.found.length;
        if (!queryVector || !meaning.entries) return { ranked: lexical, total };
        return rerank(meaning.entries, queryVector, meaning.weights, { index, ranked: lexical, total, visible, scoreOf, statusFactor, limit });
      });
      const results = ranked.flatMap(({ no, score }) => hitOf(db, index, no, score, analysed.highlight) ?? []);
      return {
        query,
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        results,
        didYouMean: total ? null : didYouMean(index, query),
      };
    },
  };
}
