import type { EntryIndex } from '../index/entry-index.ts';

/**
 * How closely an entry fits a query: the share of the query's meaningful words (each with its
 * stems, correction, completions and synonyms, see AnalysedQuery.words) that any of the entry's
 * texts holds. An entry that shares one word of "can you deliver on sunday" scores well on that
 * word, yet says nothing about Sundays: the results page counts only entries holding most words.
 */
export function coverage(index: EntryIndex, no: number, words: number[][]): number {
  if (!words.length) return 1;
  const held = new Set(index.featuresOf(no));
  return words.filter((variants) => variants.some((feature) => held.has(feature))).length / words.length;
}
