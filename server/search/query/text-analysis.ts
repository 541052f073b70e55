import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { fold, words } from './query-terms.ts';

/** Snowball stemmers by entry language; a language without one is matched on whole words. */
const STEMMERS: Record<string, (word: string) => string> = {
  en: english, fr: french, de: german, it: italian, ru: russian, es: spanish,
};

/** Folded words of a text, apostrophes dropped (`don't` → `dont`), as agents type them. */
export function surfaceWords(text: string): string[] {
  return words(text).map(surfaceWord);
}

/** One word as written → as agents type it. */
export function surfaceWord(word: string): string {
  return fold(word).replace(/['’]/g, '');
}

export function stem(word: string, language: string): string {
  const stemmer = STEMMERS[language.slice(0, 2)];
  return stemmer ? stemmer(word) : word;
}

/** The distinct stems a query word may have in the languages of the knowledge base. */
export function queryStems(word: string, languages: Iterable<string>): string[] {
  const stems = new Set<string>();
  for (const language of languages) stems.add(stem(word, language));
  return [...stems];
}
