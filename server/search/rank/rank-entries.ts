import { VETTED, type EntryIndex } from '../index/entry-index.ts';
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

/** The `limit` best visible entries for an analysed query. */
export function rankEntries(index: EntryIndex, query: Pick<AnalysedQuery, 'weights' | 'meaningful'>, visible: (no: number) => boolean, limit: number): RankedEntries {
  const status = index.columns.status.data;
  return withQuery(index, query.weights, (vector) => {
    const candidates = gather(index, vector, query.meaningful, visible);
    const scoreOf = (no: number) => score(index, no, vector) * (status[no] === VETTED ? 1 : UNVETTED_FACTOR);
    // Bounds hold only without learned weights and with impacts worked out with the idf of now.
    const bounded = !index.learned.size && index.impactsExact;
    return { ranked: topScored(candidates, limit, scoreOf, bounded), total: candidates.found.length };
  });
}
