/** Splitting what an agent typed into words, the same way for queries and for highlighting. */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lower case without accents: `Perché` → `perche`. */
export function fold(word: string): string {
  // Plain ASCII, most words, has nothing to decompose.
  if (!/[^\x00-\x7f]/.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Words so common in customers' questions that they say nothing about which entry is meant. */
const STOP_WORDS = new Set(
  `a an the i i'm im me my mine we our you your it its is are was were be been being am do does did doing
  have has had to of in on at by for from with about into as and or but if so than then that this these
  those there here what which who whom how when where why can could would should will shall may might
  must please hi hello thanks thank just still also get got some any`.split(/\s+/),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || STOP_WORDS.has(word.replace(/['’]/g, ''));
}

export interface QueryTerms {
  /** Folded words that carry meaning, in the order typed. */
  terms: string[];
  /** Whether the last word may still be half-typed (no space after it). */
  lastIsPartial: boolean;
}

export function queryTerms(query: string): QueryTerms {
  const all = words(query).map(fold);
  const meaningful = all.filter((w) => !STOP_WORDS.has(w));
  const terms = unique(meaningful.length ? meaningful : all);
  const lastTyped = all.at(-1);
  return { terms, lastIsPartial: !!lastTyped && terms.at(-1) === lastTyped && /[\p{L}\p{N}]$/u.test(query) };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
