import { describe, expect, it } from 'vitest';
import { bySuccess, countsFor, type OptionTally } from '../../server/feedback/option-counts.ts';

const tally = (title: string, number: number, worked: number, failed: number): OptionTally => ({ title, number, worked, failed });
const counted = (options: { number: number; title: string }[], tallies: OptionTally[]) =>
  Object.fromEntries([...countsFor(options, tallies)].map(([n, c]) => [n, `${c.worked}/${c.failed}`]));

describe('countsFor: feedback follows the option, not its position', () => {
  const given = [tally('Trace', 1, 5, 1), tally('Reship', 2, 2, 3)];

  it.each([
    ['as given', [{ number: 1, title: 'Trace' }, { number: 2, title: 'Reship' }], { 1: '5/1', 2: '2/3' }],
    ['after a reorder the counts move with the titles', [{ number: 1, title: 'Reship' }, { number: 2, title: 'Trace' }], { 1: '2/3', 2: '5/1' }],
    ['a renamed option starts afresh and nothing lands on its number', [{ number: 1, title: 'Trace it' }, { number: 2, title: 'Reship' }], { 1: '0/0', 2: '2/3' }],
    ['a new option in front does not take the first one\'s counts', [{ number: 1, title: 'Call first' }, { number: 2, title: 'Trace' }, { number: 3, title: 'Reship' }], { 1: '0/0', 2: '5/1', 3: '2/3' }],
  ])('%s', (_case, options, expected) => {
    expect(counted(options, given)).toEqual(expected);
  });

  it('tells two options with the same title apart by their number', () => {
    const options = [{ number: 1, title: 'Refund' }, { number: 3, title: 'Refund' }];
    expect(counted(options, [tally('Refund', 1, 4, 0), tally('Refund', 3, 0, 2)])).toEqual({ 1: '4/0', 3: '0/2' });
  });
});

describe('bySuccess', () => {
  const option = (number: number, worked: number, failed: number) => ({ number, counts: { worked, failed, total: worked + failed } });

  it('puts the most successful first, does not let one lucky call win, and keeps page order on ties', () => {
    const sorted = bySuccess([option(1, 1, 3), option(2, 1, 0), option(3, 18, 2), option(4, 0, 0), option(5, 0, 0)]);
    expect(sorted.map((o) => o.number)).toEqual([3, 2, 4, 5, 1]);
  });
});
