import type { QueryTerms } from './query-terms.ts';

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
