import type { Db } from '../db/connection.ts';
import { gather } from './rank/candidates.ts';
import { VETTED } from './index/entry-index.ts';
import { followDatabase } from './index/index-follower.ts';
import { analyseQuery, didYouMean } from './query/query-analysis.ts';
import { topScored } from './rank/ranking.ts';
import { score, withQuery } from './rank/relevance.ts';
import { hitOf } from './results/search-hits.ts';
import type { Search } from './types.ts';
import { VISIBLE_BY_DEFAULT, visibleTo } from './results/visible-entries.ts';

/** Drafts and entries in review still show, below vetted ones. */
const UNVETTED_FACTOR = 0.5;

export function createSearch(db: Db): Search {
  const follower = followDatabase(db);

  return {
    search(query, filters = {}) {
      const started = performance.now();
      const { index, synonyms } = follower.current();
      const statuses = filters.statuses ?? VISIBLE_BY_DEFAULT;
      const analysed = analyseQuery(index, synonyms, query, statuses);
      const status = index.columns.status.data;
      const { ranked, total } = withQuery(index, analysed.weights, (vector) => {
        const candidates = gather(index, vector, analysed.meaningful, visibleTo(index, filters));
        const scoreOf = (no: number) => score(index, no, vector) * (status[no] === VETTED ? 1 : UNVETTED_FACTOR);
        // Bounds hold only without learned weights and with impacts worked out with the idf of now.
        const bounded = !index.learned.size && index.impactsExact;
        return { ranked: topScored(candidates, filters.limit ?? 10, scoreOf, bounded), total: candidates.found.length };
      });
      const results = ranked.flatMap(({ no, score }) => hitOf(db, index, no, score, analysed.highlight) ?? []);
      return {
        query,
        total,
        tookMs: Math.round((performance.now() - started) * 100) / 100,
        results,
        didYouMean: total ? null : didYouMean(index, query, statuses),
      };
    },
    idle: () => follower.idle(),
  };
}

export type { Search, SearchFilters, SearchHit, SearchResults } from './types.ts';
