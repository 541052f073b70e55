// Fits the fusion weights (server/search/meaning/fusion.ts) on labelled queries: each query's
// candidates are scored once per signal, then every weight pair on a grid is tried offline.
import type { FusionWeights } from '../../server/search/meaning/fusion.ts';
import type { Search } from '../../server/search/search.ts';
import type { LabelledQuery } from './bench-data.ts';

/** Per query: its candidates' signals (lexical share, best text cosine, centroid cosine). */
type Signals = { expected: string; candidates: Map<string, [number, number, number]> };

const UNIT: FusionWeights[] = [
  { lexical: 1, best: 0, centroid: 0 },
  { lexical: 0, best: 1, centroid: 0 },
  { lexical: 0, best: 0, centroid: 1 },
];

export function signalsOf(search: Search, queries: LabelledQuery[], vectors: Map<string, Int8Array>): Signals[] {
  const saved = search.meaning.weights;
  try {
    return queries.map(({ query, expected }) => {
      const candidates = new Map<string, [number, number, number]>();
      UNIT.forEach((weights, s) => {
        search.meaning.weights = weights;
        for (const hit of search.search(query, { limit: 100 }, vectors.get(query)).results) {
          const signal = candidates.get(hit.id) ?? [0, 0, 0];
          signal[s] = hit.score;
          candidates.set(hit.id, signal);
        }
      });
      return { expected, candidates };
    });
  } finally {
    search.meaning.weights = saved;
  }
}

/** top-1 (then MRR, to break ties) of some weights over the queries' signals. */
export function accuracy(signals: Signals[], w: FusionWeights): { top1: number; mrr: number } {
  let top1 = 0;
  let mrr = 0;
  for (const { expected, candidates } of signals) {
    const mine = candidates.get(expected);
    if (!mine) continue;
    const fused = (s: [number, number, number]) => w.lexical * s[0] + w.best * s[1] + w.centroid * s[2];
    const mineScore = fused(mine);
    let above = 0;
    for (const [id, s] of candidates) if (id !== expected && fused(s) > mineScore) above++;
    if (above === 0) top1++;
    if (above < 10) mrr += 1 / (above + 1);
  }
  return { top1: top1 / signals.length, mrr: mrr / signals.length };
}

/** The grid's best weights on the queries (the best-cosine weight is 1: only ratios matter). */
export function fit(signals: Signals[]): FusionWeights {
  let best = { weights: { lexical: 1, best: 1, centroid: 0 }, top1: -1, mrr: -1 };
  for (let lexical = 0; lexical <= 3; lexical += 0.1) {
    for (let centroid = 0; centroid <= 2; centroid += 0.1) {
      const weights = { lexical: round(lexical), best: 1, centroid: round(centroid) };
      const { top1, mrr } = accuracy(signals, weights);
      if (top1 > best.top1 || (top1 === best.top1 && mrr > best.mrr)) best = { weights, top1, mrr };
    }
  }
  return best.weights;
}

const round = (x: number) => Math.round(x * 100) / 100;
