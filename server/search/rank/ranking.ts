import { byBound, ROUNDING } from './by-bound.ts';
import type { Candidates } from './candidates.ts';

export interface Ranked {
  no: number;
  score: number;
}

/**
 * At most this many candidates (or the limit, if more) are scored in full: those with the highest
 * bounds. At 100k entries the top 10 then match scoring every candidate for all but a few queries
 * in a hundred (measured on the latency benchmark's queries), for the cost of a few hundred.
 */
const MAX_SCORED = 200;

/**
 * The `limit` best candidates by score, ties in the order found. Candidates are scored in order of
 * their bound, and scoring stops once no bound left can reach the limit-th score, or after
 * MAX_SCORED. Without valid bounds (learned weights can add to a score, on small indexes; impacts
 * worked out before the idf last moved may fall short) the MAX_SCORED with the highest are all scored.
 */
export function topScored({ found, bounds, couldReach }: Candidates, limit: number, score: (no: number) => number, bounded: boolean): Ranked[] {
  const order = byBound(bounds, Math.max(MAX_SCORED, limit));
  // The best so far, by score then order found: [position in found, score].
  const best: [number, number][] = [];
  for (const position of order) {
    if (bounded && best.length === limit && bounds[position]! * ROUNDING < best[limit - 1]![1]) break;
    // The words skipped while gathering (the commonest) count at their largest in every bound; most
    // candidates hold them with far less: a lookup costs a few binary searches, a score many times more.
    if (bounded && best.length === limit && !couldReach(position, best[limit - 1]![1])) continue;
    const s = score(found[position]!);
    if (best.length === limit && !beats(position, s, best[limit - 1]!)) continue;
    const at = best.findIndex((b) => beats(position, s, b));
    best.splice(at < 0 ? best.length : at, 0, [position, s]);
    if (best.length > limit) best.pop();
  }
  return best.map(([position, s]) => ({ no: found[position]!, score: s }));
}

function beats(position: number, score: number, [otherPosition, otherScore]: [number, number]): boolean {
  return score > otherScore || (score === otherScore && position < otherPosition);
}
