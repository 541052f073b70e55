import * as stopword from 'stopword';
import { fold, isStopWord } from '../query/query-terms.ts';

/**
 * Stop words of the knowledge base's languages, for highlighting only: "il pacco non è mai arrivato"
 * must not mark every "il", "non" and word starting with "e", in Italian entries or English ones.
 * Ranking keeps its own short list (query-terms.ts), which these lists do not change.
 */
const LISTS: Record<string, string[]> = {
  en: stopword.eng, it: stopword.ita, ru: stopword.rus, fr: stopword.fra, de: stopword.deu, es: stopword.spa,
  pt: stopword.por, nl: stopword.nld, pl: stopword.pol, sv: stopword.swe,
};

const folded = new Map<string, Set<string>>();

function stopWordsOf(language: string): Set<string> {
  const code = language.slice(0, 2);
  let words = folded.get(code);
  if (!words) folded.set(code, (words = new Set((LISTS[code] ?? []).map(fold))));
  return words;
}

/**
 * The query words worth marking, given the languages of the knowledge base. A single letter ("è"
 * folds to "e") is never one: as a word start it would mark half the text.
 */
export function wordsToMark(terms: string[], languages: Iterable<string>): string[] {
  const lists = [...languages].map(stopWordsOf);
  return terms.filter((term) => term.length > 1 && !isStopWord(term) && !lists.some((stop) => stop.has(term)));
}
