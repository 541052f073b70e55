import { isStopWord } from '../../server/search/query/query-terms.ts';
import { pick, seededRandom } from './seeded-random.ts';
import type { LabelledQuery } from './bench-data.ts';

/**
 * The ways agents really type, derived reproducibly (seed 77) from the customers' questions:
 * one typo in the longest word, two or three content words only, the last word cut to 3 letters.
 */
export interface QuerySet {
  name: string;
  queries: LabelledQuery[];
}

const WORD = /[\p{L}\p{N}']+/gu;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function querySets(queries: LabelledQuery[]): QuerySet[] {
  const random = seededRandom(77);
  const derive = (change: (query: string) => string) => queries.map((q) => ({ ...q, query: change(q.query) }));
  return [
    { name: 'dev (as given)', queries },
    { name: 'typo in longest word', queries: derive((q) => withTypo(q, random)) },
    { name: 'keywords only', queries: derive((q) => keywords(q, random)) },
    { name: 'last word cut to 3', queries: derive(cutLastWord) },
  ];
}

function withTypo(query: string, random: () => number): string {
  const words = query.match(WORD) ?? [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 3) return query;
  const at = 1 + Math.floor(random() * (longest.length - 1));
  const typo = pick(random, ['swap', 'drop', 'replace', 'insert'] as const);
  const changed =
    typo === 'swap' && at < longest.length - 1 ? longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2)
    : typo === 'drop' ? longest.slice(0, at) + longest.slice(at + 1)
    : typo === 'insert' ? longest.slice(0, at) + pick(random, [...LETTERS]) + longest.slice(at)
    : longest.slice(0, at) + pick(random, [...LETTERS].filter((c) => c !== longest[at])) + longest.slice(at + 1);
  return query.replace(longest, changed);
}

function keywords(query: string, random: () => number): string {
  const content = (query.match(WORD) ?? []).filter((w) => !isStopWord(w.toLowerCase()));
  const count = Math.min(content.length, random() < 0.5 ? 2 : 3);
  const keep = new Set<number>();
  while (keep.size < count) keep.add(Math.floor(random() * content.length));
  return content.filter((_, i) => keep.has(i)).join(' ') || query;
}

function cutLastWord(query: string): string {
  const words = query.match(WORD) ?? [];
  if (!words.length) return query;
  const last = words.at(-1)!;
  return [...words.slice(0, -1), last.slice(0, 3)].join(' ');
}
