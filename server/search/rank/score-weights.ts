/**
 * The weights of an entry's score (relevance.ts), shared with the index, which works out ahead of
 * time how much each word can add to an entry's score (entry-index.ts). Chosen on half of the
 * BANKING77 dev queries; they hold on the other half.
 */

/** How much a match in tags, summary and body counts, relative to the title and the phrasings. */
export const FIELD_WEIGHTS = [0.8, 0.6, 0.4] as const;
/** The centroid of the examples (title and phrasings), beside the best single text. */
export const CENTROID_WEIGHT = 3;
/** Learned weights (learned-weights.ts), on small knowledge bases. */
export const LEARNED_WEIGHT = 0.3;
