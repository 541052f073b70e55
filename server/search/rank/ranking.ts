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

/** Float32 impacts may round a bound a hair below the score it bounds. */
const ROUNDING = 1 + 1e-6;

/**
 * The `limit` best candidates by score, ties in the order found. Candidates are scored in order of
 * their bound, and scoring stops once no bound left can reach the limit-th score, or after
 * MAX_SCORED. Without valid bounds (learned weights can add to a score, on small indexes; impacts
 * worked out before the idf last moved may fall short) the MAX_SCORED with the highest are all scored.
 */
export function topScored({ found, bounds }: Candidates, limit: number, score: (no: number) => number, bounded: boolean): Ranked[] {
  const order = byBound(bounds, Math.max(MAX_SCORED, limit));
  // The best so far, by score then order found: [position in found, score].
  const best: [number, number][] = [];
  for (const position of order) {
    if (bounded && best.length === limit && bounds[position]! * ROUNDING < best[limit - 1]![1]) break;
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

/** The positions of the `count` highest bounds, highest first, ties in the order found. */
function byBound(bounds: Float64Array, count: number): number[] {
  // A min-heap of the best so far: most candidates fall below its root and cost one comparison.
  const heap: number[] = [];
  const below = (a: number, b: number) => bounds[a]! < bounds[b]! || (bounds[a] === bounds[b] && a > b);
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const child = left + 1 < heap.length && below(heap[left + 1]!, heap[left]!) ? left + 1 : left;
      if (!below(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let i = 0; i < bounds.length; i++) {
    if (heap.length < count) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0 && below(heap[at]!, heap[(at - 1) >> 1]!); at = (at - 1) >> 1) {
        [heap[at], heap[(at - 1) >> 1]] = [heap[(at - 1) >> 1]!, heap[at]!];
      }
    } else if (below(heap[0]!, i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => bounds[b]! - bounds[a]! || a - b);
}
