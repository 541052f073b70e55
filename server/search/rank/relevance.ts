import { TF, type EntryIndex, type LearnedRow } from '../index/entry-index.ts';
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

/** Reused across queries (it is as long as the vocabulary); zeroed again after each query. */
const slots = new WeakMap<EntryIndex, Float64Array>();

export function withQuery<T>(index: EntryIndex, weights: Map<number, number>, use: (query: QueryVector) => T): T {
  let byFeature = slots.get(index);
  if (!byFeature || byFeature.length < index.featureCount) slots.set(index, (byFeature = new Float64Array(Math.ceil(index.featureCount * 1.25))));
  const vector = normalisedVector((f) => index.idf(f), weights);
  vector.features.forEach((f, i) => (byFeature[f] = vector.weights[i]! * index.idf(f)));
  try {
    return use({ ...vector, byFeature });
  } finally {
    for (const f of vector.features) byFeature[f] = 0;
  }
}

/**
 * The score of entry `no`. A text's cosine is its dot product over its precomputed norm; the
 * centroid's dot product is the sum of its examples' cosines (each example has length 1 in it).
 */
export function score(index: EntryIndex, no: number, query: QueryVector): number {
  const { firstText, examples, featureStart, textNorm, features, counts, centroidNorm } = index.columns;
  const first = firstText.data[no]!;
  const exampleCount = examples.data[no]!;
  const starts = featureStart.data;
  const f = features.data;
  const n = counts.data;
  const slot = query.byFeature;
  let best = 0;
  let examplesCosine = 0;
  for (let k = 0; k < exampleCount + FIELD_WEIGHTS.length; k++) {
    const t = first + k;
    const end = starts[t + 1]!;
    let dot = 0;
    for (let i = starts[t]!; i < end; i++) dot += TF[n[i]!]! * slot[f[i]!]!;
    if (dot === 0) continue;
    const cosine = dot / textNorm.data[t]!;
    best = Math.max(best, (k < exampleCount ? 1 : FIELD_WEIGHTS[k - exampleCount]!) * cosine);
    if (k < exampleCount) examplesCosine += cosine;
  }
  const centroid = centroidNorm.data[no]! ? examplesCosine / centroidNorm.data[no]! : 0;
  const learned = index.learned.size ? index.learned.get(no) : undefined;
  return best + CENTROID_WEIGHT * centroid + (learned ? LEARNED_WEIGHT * learnedScore(learned, query) : 0);
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
