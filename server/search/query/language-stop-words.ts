import * as stopword from 'stopword';
import { fold, isStopWord } from './query-terms.ts';

/** The `stopword` package's list of each language search stems for, folded as the index folds. */
const LISTS: Record<string, string[]> = {
  en: stopword.eng, it: stopword.ita, ru: stopword.rus, fr: stopword.fra, de: stopword.deu, es: stopword.spa,
  pt: stopword.por, nl: stopword.nld, pl: stopword.pol, sv: stopword.swe, ca: stopword.cat,
};

const folded = new Map<string, Set<string>>();

export function stopWordsOf(language: string): Set<string> {
  const code = language.slice(0, 2);
  let words = folded.get(code);
  if (!words) folded.set(code, (words = new Set((LISTS[code] ?? []).map(fold))));
  return words;
}

/**
 * Stop words for ranking, given the knowledge base's languages: the short English list
 * (query-terms.ts, tuned on BANKING77) plus the full lists of the other languages. Without the
 * latter, "il mio account è bloccato" is found by "il" and "mio", which only the Italian entries
 * say (so they weigh a lot), and every Italian entry outranks the English one about accounts.
 */
export function rankingStopWords(languages: Iterable<string>): (word: string) => boolean {
  const lists = [...languages].filter((l) => !l.startsWith('en')).map(stopWordsOf);
  if (!lists.length) return isStopWord;
  return (word) => isStopWord(word) || lists.some((stop) => stop.has(word));
}
