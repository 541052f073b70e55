/**
 * How a settled query's candidates are ordered once their meaning is known: a weighted sum of the
 * lexical score (divided by the best candidate's), the best cosine between the query and one of
 * the entry's texts (title or a phrasing), and the cosine with the centroid of those texts.
 * Fitted on the even BANKING77 dev queries and checked on the odd ones
 * (scripts/bench/fit-fusion.ts; the README's relevance table).
 */
export interface FusionWeights {
  lexical: number;
  best: number;
  centroid: number;
}

export const FUSION: FusionWeights = { lexical: 0.6, best: 1, centroid: 0.5 };

/**
 * The sentence model's language (USE-lite is English). A query whose best match by words is an
 * entry in another language is left in its order by words: the model's vectors of Italian or
 * Russian text say little, and re-ranking by them moved right answers down
 * (`npm run bench:cross-language`).
 */
export const MODEL_LANGUAGE = 'en';

/** Lexical candidates re-ranked by meaning: the lexical top this many. */
export const RERANKED = 50;

/** Entries found by meaning alone, when the index is small enough to compare every centroid. */
export const BY_MEANING = 10;
export const SCAN_LIMIT = 20_000;
/** Below this centroid cosine an entry shares no meaning worth showing with the query. */
export const MIN_MEANING = 0.45;

export function fused(weights: FusionWeights, lexicalShare: number, best: number, centroid: number): number {
  return weights.lexical * lexicalShare + weights.best * best + weights.centroid * centroid;
}
