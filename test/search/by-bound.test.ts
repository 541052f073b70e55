import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byBound } from '../../server/search/rank/by-bound.ts';

describe('choosing the candidates to score first', () => {
  it('gives the positions of the highest bounds, highest first, ties in the order found, as sorting them all would', () => {
    // Few distinct values, so ties are common; more candidates than chosen, so the heap replaces its root.
    const bounds = fc.array(fc.integer({ min: 0, max: 12 }).map((n) => n / 4), { maxLength: 400 });
    fc.assert(
      fc.property(bounds, fc.integer({ min: 1, max: 250 }), (values, count) => {
        const array = Float64Array.from(values);
        const sorted = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
        expect(byBound(array, count)).toEqual(sorted.slice(0, count));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
