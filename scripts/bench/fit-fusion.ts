// Fits the fusion weights (server/search/meaning/fusion.ts) on labelled queries: each query's
// candidates are scored once per signal, then every weight combination on a grid is tried offline.
import type { FusionWeights } from '../../server/search/meaning/fusion.ts';
import type { Search } from '../../server/search/search.ts';
import type { LabelledQuery } from './bench-data.ts';

const SIGNALS = ['lexical', 'best', 'centroid', 'classifier'] as const;
/** Per query: its candidates' signals, in the order of SIGNALS. */
export type Signals = { expected: string; candidates: Map<string, number[]> };

const unit = (s: number): FusionWeights => ({ lexical: 0, best: 0, centroid: 0, classifier: 0, [SIGNALS[s]!]: 1 });

export function signalsOf(search: Search, queries: LabelledQuery[], vectors: Map<string, Int8Array>): Signals[] {
  const saved = search.meaning.weights;
  try {
    return queries.map(({ query, expected }) => {
      const candidates = new Map<string, number[]>();
      SIGNALS.forEach((_, s) => {
        search.meaning.weights = unit(s);
        for (const hit of search.search(query, { limit: 100 }, vectors.get(query)).results) {
          const signal = candidates.get(hit.id) ?? SIGNALS.map(() => 0);
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

/** top-1 and top-5 of some weights over the queries' signals. */
export function accuracy(signals: Signals[], w: FusionWeights): { top1: number; top5: number } {
  const weights = SIGNALS.map((name) => w[name]);
  const fused = (s: number[]) => s.reduce((sum, value, i) => sum + weights[i]! * value, 0);
  let top1 = 0;
  let top5 = 0;
  for (const { expected, candidates } of signals) {
    const mine = candidates.get(expected);
    if (!mine) continue;
    const mineScore = fused(mine);
    let above = 0;
    for (const [id, s] of candidates) if (id !== expected && fused(s) > mineScore) above++;
    if (above === 0) top1++;
    if (above < 5) top5++;
  }
  return { top1: top1 / signals.length, top5: top5 / signals.length };
}

/**
 * The grid's best weights (the best-cosine weight is 1: only ratios matter), judged on the dev
 * queries (top-1, and half as much top-5) and half as much on the variants' mean top-1 (typo,
 * keywords only, cut word), so that no way of typing is given up for another.
 */
export function fit(dev: Signals[], variants: Signals[][]): FusionWeights {
  let best = { weights: { lexical: 1, best: 1, centroid: 0, classifier: 0 }, goal: -1 };
  for (let lexical = 0; lexical <= 2; lexical += 0.1) {
    for (let centroid = 0; centroid <= 1.2; centroid += 0.1) {
      for (let classifier = 0; classifier <= 0.3; classifier += 0.02) {
        const weights = { lexical: round(lexical), best: 1, centroid: round(centroid), classifier: round(classifier) };
        const onDev = accuracy(dev, weights);
        const onVariants = variants.reduce((sum, set) => sum + accuracy(set, weights).top1, 0) / (variants.length || 1);
        const goal = onDev.top1 + 0.5 * onDev.top5 + 0.5 * onVariants;
        if (goal > best.goal) best = { weights, goal };
      }
    }
  }
  return best.weights;
}

const round = (x: number) => Math.round(x * 100) / 100;
