import { escapeHtml } from '../../render/escape-html.ts';
import { fold, words } from '../query/query-terms.ts';

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
  const distinct = [...new Set(terms)];
  // Which terms each word matches, worked out once rather than for every window holding it. A term
  // can only match a word with its first letter, so each word is compared with those terms alone.
  const byFirstLetter = new Map<string, number[]>();
  distinct.forEach((term, k) => byFirstLetter.set(term[0]!, [...(byFirstLetter.get(term[0]!) ?? []), k]));
  const matched = spans.map(({ word }) => {
    const folded = fold(word);
    return byFirstLetter.get(folded[0]!)?.filter((k) => matchesFolded(folded, distinct[k]!)) ?? NONE;
  });
  // The window slides one word at a time, keeping how often each term occurs in it.
  const inWindow = new Array<number>(distinct.length).fill(0);
  let found = 0;
  const enter = (i: number) => matched[i]!.forEach((k) => inWindow[k]!++ === 0 && found++);
  const leave = (i: number) => matched[i]!.forEach((k) => --inWindow[k]! === 0 && found--);
  for (let i = 0; i < Math.min(size, spans.length); i++) enter(i);
  let best = { start: 0, score: found };
  for (let start = 1; start < spans.length - size + 1 && best.score < distinct.length; start++) {
    leave(start - 1);
    enter(start + size - 1);
    if (found > best.score) best = { start, score: found };
  }
  const first = spans[best.start]!;
  const last = spans[Math.min(spans.length, best.start + size) - 1]!;
  const from = best.start === 0 ? 0 : first.index;
  const to = last === spans.at(-1) ? text.length : last.index + last.word.length;
  return `${from > 0 ? '… ' : ''}${markRange(text, terms, from, to)}${to < text.length ? ' …' : ''}`;
}

const NONE: number[] = [];

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
