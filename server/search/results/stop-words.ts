import { stopWordsOf } from '../query/language-stop-words.ts';
import { isStopWord } from '../query/query-terms.ts';

/**
 * Stop words of the knowledge base's languages, for highlighting: "il pacco non è mai arrivato"
 * must not mark every "il", "non" and word starting with "e", in Italian entries or English ones.
 * (Ranking keeps the short English list and adds the other languages' lists: language-stop-words.ts.)
 */

/**
 * The query words worth marking, given the languages of the knowledge base. A single letter ("è"
 * folds to "e") is never one: as a word start it would mark half the text.
 */
export function wordsToMark(terms: string[], languages: Iterable<string>): string[] {
  const lists = [...languages].map(stopWordsOf);
  return terms.filter((term) => term.length > 1 && !isStopWord(term) && !lists.some((stop) => stop.has(term)));
}
