import { fold, words } from './query-terms.ts';

/**
 * Marks the query's words in a text, as safe HTML. A word matches a term when it starts with the
 * term (a half-typed word) or when both share a long common start (refund / refunds / refunded).
 * Words are folded once each, then compared with every term.
 */

function matchesFolded(w: string, term: string): boolean {
  if (w.startsWith(term)) return true;
  if (term.length < 4 || w.length < 4) return false;
  let common = 0;
  while (common < w.length && w[common] === term[common]) common++;
  return common >= Math.max(4, Math.min(w.length, term.length) - 2);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The whole text with the matched words wrapped in <mark>. */
export function highlight(text: string, terms: string[]): string {
  return markRange(text, terms, 0, text.length);
}

/**
 * The passage of about `size` words that holds the most different query terms, with matches
 * marked and an ellipsis where the text was cut.
 */
export function snippet(text: string, terms: string[], size = 28): string {
  const spans = wordSpans(text);
  if (!spans.length) return '';
  // Which terms each word matches, worked out once rather than for every window holding it.
  const matched = spans.map(({ word }) => {
    const folded = fold(word);
    return terms.filter((term) => matchesFolded(folded, term));
  });
  let best = { start: 0, score: -1 };
  for (let start = 0; start < Math.max(1, spans.length - size + 1); start++) {
    const found = new Set(matched.slice(start, start + size).flat());
    if (found.size > best.score) best = { start, score: found.size };
    if (found.size === terms.length) break;
  }
  const first = spans[best.start]!;
  const last = spans[Math.min(spans.length, best.start + size) - 1]!;
  const from = best.start === 0 ? 0 : first.index;
  const to = last === spans.at(-1) ? text.length : last.index + last.word.length;
  return `${from > 0 ? '… ' : ''}${markRange(text, terms, from, to)}${to < text.length ? ' …' : ''}`;
}

function wordSpans(text: string): { word: string; index: number }[] {
  const spans: { word: string; index: number }[] = [];
  let offset = 0;
  for (const word of words(text)) {
    const index = text.indexOf(word, offset);
    spans.push({ word, index });
    offset = index + word.length;
  }
  return spans;
}

function markRange(text: string, terms: string[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const { word, index } of wordSpans(text.slice(from, to))) {
    const start = from + index;
    html += escapeHtml(text.slice(at, start));
    const folded = fold(word);
    const matched = terms.some((term) => matchesFolded(folded, term));
    html += matched ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word);
    at = start + word.length;
  }
  return html + escapeHtml(text.slice(at, to));
}
