import { TF, type EntryIndex, type LearnedRow } from '../index/entry-index.ts';
import { scratchOf } from './scratch.ts';
import { CENTROID_WEIGHT, FIELD_WEIGHTS, LEARNED_WEIGHT } from './score-weights.ts';

/**
 * Scoring an entry against a query. The entry's title and phrasings are labelled examples of how
 * customers ask for it, so the score blends:
 * - the best single text (title, one phrasing, or a weighted field): tf-idf cosine;
 * - the centroid of the examples: what the phrasings say together;
 * - learned weights: which words tell this entry apart from its neighbours (learned-weights.ts).
 * How much each counts is in score-weights.ts.
 */

/** Weighted features: a query, or an example while learning. */
export interface SparseVector {
  features: Int32Array;
  weights: Float64Array;
}

/** A query while it is being answered. */
export interface QueryVector extends SparseVector {
  /**
   * One slot per feature of the index: the query's weight × idf, 0 for words not in the query. A
   * text's dot product with the query is then Σ tf × slot, with no lookups in the inner loop.
   */
  byFeature: Float64Array;
}

/** Feature weights (before idf) → tf-idf weights of length 1. */
export function normalisedVector(idf: (feature: number) => number, weights: Map<number, number>): SparseVector {
  const features = Int32Array.from(weights.keys());
  const values = Float64Array.from(features, (f) => weights.get(f)! * idf(f));
  let norm = 0;
  for (const w of values) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { features, weights: values.map((w) => w / norm) };
}

export function withQuery<T>(index: EntryIndex, weights: Map<number, number>, use: (query: QueryVector) => T): T {
  const { byFeature } = scratchOf(index);
  const vector = normalisedVector((f) => index.idf(f), weights);
  vector.features.forEach((f, i) => (byFeature[f] = vector.weights[i]! * index.idf(f)));
  try {
    return use({ ...vector, byFeature });
  } finally {
    for (const f of vector.features) byFeature[f] = 0;
  }
}

/**
 * The score of entry `no`, exact with the idf of now: each text's norm is worked out here from its
 * features (the stored norms, refreshed less often, only feed the bounds). A text's cosine is its
 * dot product over its norm; the centroid's dot product is the sum of its examples' cosines (each
 * example has length 1 in it).
 */
export function score(index: EntryIndex, no: number, query: QueryVector): number {
  const { featureStart: starts, features: f, counts: n } = index.packedTexts();
  const { first, examples: exampleCount, count } = index.textsOf(no);
  const idf = index.idfs();
  const { centroid } = scratchOf(index);
  const slot = query.byFeature;
  let best = 0;
  let examplesCosine = 0;
  // The centroid's features, in the order first met (so its norm adds up as the index's does).
  const held: number[] = [];
  for (let k = 0; k < count; k++) {
    const t = first + k;
    const end = starts[t + 1]!;
    let dot = 0;
    // A field (tags, summary, body: the longest texts) sharing no word with the query adds nothing: its norm is not needed.
    if (k >= exampleCount) {
      for (let i = starts[t]!; i < end; i++) dot += TF[n[i]!]! * slot[f[i]!]!;
      if (dot === 0) continue;
    }
    let squares = 0;
    for (let i = starts[t]!; i < end; i++) {
      const tf = TF[n[i]!]!;
      if (k < exampleCount) dot += tf * slot[f[i]!]!;
      squares += (tf * idf[f[i]!]!) ** 2;
    }
    const norm = Math.sqrt(squares);
    if (!norm) continue;
    if (k < exampleCount) {
      for (let i = starts[t]!; i < end; i++) {
        if (centroid[f[i]!] === 0) held.push(f[i]!);
        centroid[f[i]!]! += (TF[n[i]!]! / norm) * idf[f[i]!]!;
      }
    }
    if (dot === 0) continue;
    const cosine = dot / norm;
    best = Math.max(best, (k < exampleCount ? 1 : FIELD_WEIGHTS[k - exampleCount]!) * cosine);
    if (k < exampleCount) examplesCosine += cosine;
  }
  let squares = 0;
  for (const feature of held) {
    squares += centroid[feature]! ** 2;
    centroid[feature] = 0;
  }
  const centroidNorm = Math.sqrt(squares);
  const centroidScore = centroidNorm ? examplesCosine / centroidNorm : 0;
  const learned = index.learnedOf(no);
  return best + CENTROID_WEIGHT * centroidScore + (learned ? LEARNED_WEIGHT * learnedScore(learned, query) : 0);
}

/** The entry's learned logit for a vector: Σ weight × learned weight of that feature. */
export function learnedScore(row: LearnedRow, vector: SparseVector): number {
  let total = 0;
  vector.features.forEach((feature, i) => {
    const at = indexOf(row.features, feature);
    if (at >= 0) total += vector.weights[i]! * row.weights[at]!;
  });
  return total;
}

export function indexOf(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
