import type { EntryIndex, IndexedDoc } from './entry-index.ts';

/**
 * Scoring an entry against a query. The entry's title and phrasings are labelled examples of how
 * customers ask for it, so the score blends:
 * - the best single text (title, one phrasing, or a weighted field): tf-idf cosine;
 * - the centroid of the examples: what the phrasings say together;
 * - learned weights: which words tell this entry apart from its neighbours (learned-weights.ts).
 * The weights were chosen on half of the BANKING77 dev queries and hold on the other half.
 */
const CENTROID_WEIGHT = 3;
export const LEARNED_WEIGHT = 0.3;

/** A query as weighted features: feature id → weight (tf-idf, length 1). */
export type QueryVector = Map<number, number>;

export function queryVector(index: EntryIndex, weights: Map<number, number>): QueryVector {
  const vector: QueryVector = new Map();
  let norm = 0;
  for (const [feature, weight] of weights) {
    const w = weight * index.idf(feature);
    vector.set(feature, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [feature, w] of vector) vector.set(feature, w / norm);
  return vector;
}

export function score(index: EntryIndex, doc: IndexedDoc, query: QueryVector): number {
  let best = 0;
  const centroid = new Map<number, number>();
  for (let t = 0; t < doc.starts.length - 1; t++) {
    const from = doc.starts[t]!;
    const to = doc.starts[t + 1]!;
    if (from === to) continue;
    let dot = 0;
    let norm = 0;
    for (let i = from; i < to; i++) {
      const w = doc.counts[i]! * index.idf(doc.features[i]!);
      norm += w * w;
      dot += w * (query.get(doc.features[i]!) ?? 0);
    }
    norm = Math.sqrt(norm);
    best = Math.max(best, (doc.weights[t]! * dot) / norm);
    if (t < doc.examples) {
      for (let i = from; i < to; i++) {
        const f = doc.features[i]!;
        centroid.set(f, (centroid.get(f) ?? 0) + (doc.counts[i]! * index.idf(f)) / norm);
      }
    }
  }
  return best + CENTROID_WEIGHT * cosine(centroid, query) + LEARNED_WEIGHT * learnedScore(doc, query);
}

function cosine(vector: Map<number, number>, query: QueryVector): number {
  let dot = 0;
  let norm = 0;
  for (const [feature, w] of vector) {
    norm += w * w;
    dot += w * (query.get(feature) ?? 0);
  }
  return norm ? dot / Math.sqrt(norm) : 0;
}

/** The entry's learned logit for the query: Σ query weight × learned weight of that feature. */
export function learnedScore(doc: IndexedDoc, vector: Map<number, number>): number {
  if (!doc.learned.length) return 0;
  let total = 0;
  for (const [feature, w] of vector) {
    const at = indexOf(doc.distinct, feature);
    if (at >= 0) total += w * doc.learned[at]!;
  }
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
