import type { EntryIndex } from '../index/entry-index.ts';
import type { AnalysedQuery } from '../query/query-analysis.ts';
import { gather } from './candidates.ts';
import { topScored, type Ranked } from './ranking.ts';
import { score, withQuery } from './relevance.ts';

/** Drafts and entries in review still show, below vetted ones. */
export const UNVETTED_FACTOR = 0.5;

export interface RankedEntries {
  /** The best `limit` entry numbers with their scores, best first. */
  ranked: Ranked[];
  /** How many visible entries hold a meaningful query word. */
  total: number;
}

/** The lexical ranking as a later step (the fusion with meaning) sees it, with the scorer of this query. */
export interface LexicalRanking extends RankedEntries {
  index: EntryIndex;
  visible: (no: number) => boolean;
  /** The lexical score of any visible entry (0 when it shares no word with the query). */
  scoreOf: (no: number) => number;
  /** Drafts and entries in review count for less. */
  statusFactor: (no: number) => number;
  limit: number;
}

/** A step after the lexical ranking: it sees the best `pool` entries and returns the best `limit`. */
export interface Rerank {
  pool: number;
  rerank(lexical: LexicalRanking): RankedEntries;
}

export interface RankSteps {
  /** A step after the lexical ranking (the fusion with meaning). */
  then?: Rerank;
  /** How many results the candidates make (a translation group counts once); by default, one each. */
  count?: (found: ArrayLike<number>) => number;
}

/** The `limit` best visible entries for an analysed query, re-ranked by `then` when given. */
export function rankEntries(
  index: EntryIndex,
  query: Pick<AnalysedQuery, 'weights' | 'meaningful'>,
  visible: (no: number) => boolean,
  limit: number,
  { then, count }: RankSteps = {},
): RankedEntries {
  return withQuery(index, query.weights, (vector) => {
    const candidates = gather(index, vector, query.meaningful, visible);
    const statusFactor = (no: number) => (index.isVetted(no) ? 1 : UNVETTED_FACTOR);
    const scoreOf = (no: number) => score(index, no, vector) * statusFactor(no);
    // Bounds hold only without learned weights and with impacts worked out with the idf of now.
    const bounded = !index.learnedWeights.size && index.impactsExact;
    const ranked = topScored(candidates, then ? Math.max(limit, then.pool) : limit, scoreOf, bounded);
    const total = count ? count(candidates.found) : candidates.found.length;
    return then ? then.rerank({ index, ranked, total, visible, scoreOf, statusFactor, limit }) : { ranked, total };
  });
}
