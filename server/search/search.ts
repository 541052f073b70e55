import type { Db } from '../db/connection.ts';
import type { EntryKind, EntryStatus } from '../entries/entry.ts';
import { gather } from './candidates.ts';
import { VETTED } from './entry-index.ts';
import { followDatabase } from './index-follower.ts';
import { analyseQuery, didYouMean } from './query-analysis.ts';
import { topScored } from './ranking.ts';
import { score, withQuery } from './relevance.ts';
import { hitOf } from './search-hits.ts';
import { translationGroups } from './translation-groups.ts';

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

/** Drafts and entries in review still show, below vetted ones. */
const UNVETTED_FACTOR = 0.5;

export function createSearch(db: Db): Search {
  const current = followDatabase(db);

  return {
    search(query, filters = {}) {
      const started = performance.now();
      const { index, synonyms } = current();
      const analysed = analyseQuery(index, synonyms, query);
      const status = index.columns.status.data;
      const groups = translationGroups(db, index, filters);
      const { ranked, total } = withQuery(index, analysed.weights, (vector) => {
        const candidates = gather(index, vector, analysed.meaningful, groups.visible);
        const scoreOf = (no: number) => score(index, no, vector) * (status[no] === VETTED ? 1 : UNVETTED_FACTOR);
        return { ranked: topScored(candidates, filters.limit ?? 10, scoreOf, !index.learned.size), total: groups.count(candidates.found) };
      });
      const results = groups.onePerGroup(ranked).flatMap(({ no, score }) => hitOf(db, index, no, score, analysed.highlight) ?? []);
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
