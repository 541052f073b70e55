import { escapeHtml } from '../../render/escape-html.ts';
import { fold, words } from '../query/query-terms.ts';

/**
 * Marks the query's words in a text, as safe HTML. A word matches a term when it starts with the
 * term (a half-typed word) or when both share a long common start (refund / refunds / refunded).
 * The text is split into words once; each word is folded once and compared with the terms that
 * share its first letter (no other term can match it).
 */

function matchesFolded(w: string, term: string): boolean {
  if (w.startsWith(term)) return true;
  if (term.length < 4 || w.length < 4) return false;
  let common = 0;
  while (common < w.length && w[common] === term[common]) common++;
  return common >= Math.max(4, Math.min(w.length, term.length) - 2);
}

/** A word of the text: where it is, and which of the distinct terms it matches (by their position). */
interface Word {
  start: number;
  end: number;
  terms: readonly number[];
}

const NONE: readonly number[] = [];

/** The words of `text`, each with the distinct terms it matches. */
function wordsOf(text: string, distinct: readonly string[]): Word[] {
  const byFirstLetter = new Map<string, number[]>();
  distinct.forEach((term, k) => {
    const list = byFirstLetter.get(term[0]!);
    if (list) list.push(k);
    else byFirstLetter.set(term[0]!, [k]);
  });
  const found: Word[] = [];
  let end = 0;
  // words() and indexOf() rather than matchAll(): no match object per word.
  for (const word of words(text)) {
    const start = text.indexOf(word, end);
    end = start + word.length;
    found.push({ start, end, terms: termsOf(word, byFirstLetter, distinct) });
  }
  return found;
}

/** The distinct terms (by position) a word matches. Most words start with a letter no term starts with: they are never folded. */
function termsOf(word: string, byFirstLetter: Map<string, number[]>, distinct: readonly string[]): readonly number[] {
  if (word.charCodeAt(0) < 128 && !byFirstLetter.has(word[0]!.toLowerCase())) return NONE;
  const folded = fold(word);
  const terms = byFirstLetter.get(folded[0]!)?.filter((k) => matchesFolded(folded, distinct[k]!));
  return terms?.length ? terms : NONE;
}

/** The whole text with the matched words wrapped in <mark>. */
export function highlight(text: string, terms: string[]): string {
  const distinct = [...new Set(terms)];
  return marked(text, wordsOf(text, distinct), 0, text.length);
}

/**
 * The passage of about `size` words that holds the most different query terms, with matches
 * marked and an ellipsis where the text was cut.
 */
export function snippet(text: string, terms: string[], size = 28): string {
  const distinct = [...new Set(terms)];
  const found = wordsOf(text, distinct);
  if (!found.length) return '';
  // The window slides one word at a time, keeping how often each term occurs in it.
  const inWindow = new Array<number>(distinct.length).fill(0);
  let held = 0;
  const enter = (i: number) => {
    for (const k of found[i]!.terms) if (inWindow[k]!++ === 0) held++;
  };
  const leave = (i: number) => {
    for (const k of found[i]!.terms) if (--inWindow[k]! === 0) held--;
  };
  for (let i = 0; i < Math.min(size, found.length); i++) enter(i);
  let best = { start: 0, score: held };
  for (let start = 1; start < found.length - size + 1 && best.score < distinct.length; start++) {
    leave(start - 1);
    enter(start + size - 1);
    if (held > best.score) best = { start, score: held };
  }
  const window = found.slice(best.start, best.start + size);
  const from = best.start === 0 ? 0 : window[0]!.start;
  const to = window.at(-1) === found.at(-1) ? text.length : window.at(-1)!.end;
  return `${from > 0 ? '… ' : ''}${marked(text, window, from, to)}${to < text.length ? ' …' : ''}`;
}

/** text[from, to) as HTML, the given words that match a term wrapped in <mark>. */
function marked(text: string, words: readonly Word[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const { start, end, terms } of words) {
    if (!terms.length) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}
