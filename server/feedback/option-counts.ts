/**
 * Feedback is stored with the option's title and the number it had when the feedback was given,
 * and counts follow the title. When a lead reorders the options, the counts move with them; when
 * an option is renamed, its old counts stay with the old title rather than landing on whichever
 * option now holds that number (a renamed option may give different advice, so it starts afresh).
 * Keying by number alone would silently credit one option with another's calls after a reorder.
 * The number only settles a tie: when two options of one entry share a title, each gets the
 * feedback that was given to that title at its own number.
 */

export interface OptionTally {
  title: string;
  number: number;
  worked: number;
  failed: number;
}

export interface OptionCounts {
  worked: number;
  failed: number;
  total: number;
}

export function countsFor(options: { number: number; title: string }[], tallies: OptionTally[]): Map<number, OptionCounts> {
  const shared = new Set(options.map((o) => o.title).filter((title, i, all) => all.indexOf(title) !== i));
  return new Map(
    options.map((option) => {
      const mine = tallies.filter((t) => t.title === option.title && (!shared.has(t.title) || t.number === option.number));
      const worked = mine.reduce((n, t) => n + t.worked, 0);
      const failed = mine.reduce((n, t) => n + t.failed, 0);
      return [option.number, { worked, failed, total: worked + failed }];
    }),
  );
}

/**
 * Most successful first. The share of calls where it worked is smoothed (one success and one
 * failure are assumed) so one lucky call does not outrank twenty good ones; ties keep page order.
 */
export function bySuccess<T extends { number: number; counts: OptionCounts }>(options: T[]): T[] {
  const score = ({ counts }: T) => (counts.worked + 1) / (counts.total + 2);
  return [...options].sort((a, b) => score(b) - score(a) || a.number - b.number);
}
