/**
 * How a settled query's candidates are ordered once their meaning is known: a weighted sum of the
 * lexical score (divided by the best candidate's), the best cosine between the query and one of
 * the entry's texts (title or a phrasing), the cosine with the centroid of those texts, and the
 * entry classifier's log-probability (entry-classifier.ts). Fitted on the even lines of the
 * BANKING77 dev queries and of their variants (typo, keywords only, cut word), checked on the odd
 * ones (scripts/bench/fit-fusion.ts; the README's relevance table).
 */
export interface FusionWeights {
  lexical: number;
  best: number;
  centroid: number;
  classifier: number;
}

/** With the entry classifier trained (knowledge bases up to a few hundred vetted entries). */
export const FUSION: FusionWeights = { lexical: 1, best: 1, centroid: 0.1, classifier: 0.1 };
/** Without it: larger knowledge bases, or before its first training. */
export const FUSION_WITHOUT_CLASSIFIER: FusionWeights = { lexical: 0.6, best: 1, centroid: 0.5, classifier: 0 };

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
