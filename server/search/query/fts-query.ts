import { words, type QueryTerms } from './query-terms.ts';

/**
 * Builds an FTS5 MATCH expression from query terms. Each term becomes a quoted string (quotes in
 * it doubled), so nothing the user typed is read as FTS5 syntax. Returns null when there is no term.
 */
export function ftsMatch({ terms, lastIsPartial }: QueryTerms, join: 'OR' | 'AND' = 'OR'): string | null {
  if (!terms.length) return null;
  const quoted = terms.map((term, i) => {
    const phrase = `"${term.replaceAll('"', '""')}"`;
    const prefix = lastIsPartial && i === terms.length - 1;
    return prefix ? `${phrase}*` : phrase;
  });
  return quoted.join(` ${join} `);
}

/**
 * One FTS5 phrase for words the user typed in quotes: their words only (no punctuation, so no
 * FTS5 operator, column filter or prefix mark), as one quoted string. Null when it has no word.
 */
export function ftsPhrase(text: string): string | null {
  const found = words(text);
  return found.length ? `"${found.join(' ').replaceAll('"', '""')}"` : null;
}
