import type { EntryStatus } from '../../entries/entry.ts';
import type { EntryIndex } from '../index/entry-index.ts';
import { rankingStopWords } from './language-stop-words.ts';
import type { Synonyms } from './synonyms.ts';
import { queryStems, surfaceWords } from './text-analysis.ts';

/**
 * What an agent typed, as weighted index features. Known words count fully; a word the index does
 * not know is corrected to the most frequent known word within the typos its length allows (so
 * correct spellings are never second-guessed); the last word, while still being typed, also stands
 * for its most frequent completions; synonyms from content/synonyms.yml join in at a lower weight.
 */
const CORRECTED = 0.9;
const COMPLETION = 0.5;
const COMPLETIONS = 4;
const SYNONYM = 0.6;

export interface AnalysedQuery {
  /** Feature id → weight (before idf). */
  weights: Map<number, number>;
  /** Features of words that say what the customer wants (not stop words): only these find entries. */
  meaningful: Set<number>;
  /** Folded words to highlight in titles and snippets (stop words are left out per entry, stop-words.ts). */
  highlight: string[];
  /**
   * One row per meaningful typed word: the features standing for it (its stems, its correction or
   * completions, its synonyms). How many rows an entry holds says how closely it fits (coverage.ts).
   */
  words: number[][];
}

/** `statuses`: the entries the reader may see; only their words complete or correct a query. */
export function analyseQuery(index: EntryIndex, synonyms: Synonyms, query: string, statuses: readonly EntryStatus[]): AnalysedQuery {
  const vocabulary = index.vocabulary.seenBy(statuses);
  const isStopWord = rankingStopWords(index.languages);
  const typed = surfaceWords(query);
  const stillTyping = /[\p{L}\p{N}]$/u.test(query);
  const weighted = new Map<string, number>();
  const add = (word: string, weight: number) => weighted.set(word, Math.max(weighted.get(word) ?? 0, weight));

  const standsFor = new Map<string, string[]>();
  typed.forEach((word, i) => {
    const variants = [word];
    if (!standsFor.has(word)) standsFor.set(word, variants);
    const known = vocabulary.has(word);
    if (known) add(word, 1);
    // A short stop word at the end ("can't log in") is finished, not the start of "invoice".
    const finished = word.length < 3 && isStopWord(word);
    if (stillTyping && i === typed.length - 1 && !finished) {
      for (const completion of vocabulary.completions(word, COMPLETIONS)) {
        add(completion, COMPLETION);
        variants.push(completion);
      }
    }
    if (!known && !weighted.has(word)) {
      const corrected = vocabulary.correction(word);
      add(corrected ?? word, corrected ? CORRECTED : 1);
      if (corrected) variants.push(corrected);
    }
    variants.push(...synonyms.of([word]));
  });
  for (const synonym of synonyms.of([...weighted.keys()])) add(synonym, SYNONYM);

  const weights = new Map<number, number>();
  const meaningful = new Set<number>();
  for (const [word, weight] of weighted) {
    for (const stemmed of queryStems(word, index.languages)) {
      const feature = index.featureId(stemmed);
      // A feature no live entry holds any more (its entries changed) counts as unknown.
      if (feature === undefined || !index.entriesHolding(feature)) continue;
      weights.set(feature, Math.max(weights.get(feature) ?? 0, weight));
      if (!isStopWord(word)) meaningful.add(feature);
    }
  }
  // A query made only of stop words ("how do I") still finds something.
  if (!meaningful.size) for (const feature of weights.keys()) meaningful.add(feature);
  const featuresOf = (word: string) => queryStems(word, index.languages).flatMap((stemmed) => index.featureId(stemmed) ?? []);
  return {
    weights,
    meaningful,
    highlight: [...weighted.keys()],
    words: [...standsFor].filter(([word]) => !isStopWord(word)).map(([, variants]) => variants.flatMap(featuresOf)),
  };
}

/** On no results: the query with each unknown word replaced by its closest known word, if any changed. */
export function didYouMean(index: EntryIndex, query: string, statuses: readonly EntryStatus[]): string | null {
  const vocabulary = index.vocabulary.seenBy(statuses);
  let changed = false;
  const suggestion = surfaceWords(query).map((word) => {
    if (vocabulary.has(word) || word.length < 3) return word;
    const corrected = vocabulary.correction(word, Math.max(1, Math.ceil(word.length / 4)));
    if (corrected) changed = true;
    return corrected ?? word;
  });
  return changed ? suggestion.join(' ') : null;
}
