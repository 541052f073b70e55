import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpreadSet } from '../../../server/search/meaning/spread-set.ts';

describe('the spread set of the vector sweep', () => {
  it('answers has() as one Set would, whatever the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (added, asked) => {
        const spread = new SpreadSet();
        added.forEach((key) => spread.add(key));
        const truth = new Set(added);
        for (const key of [...added, ...asked]) expect(spread.has(key)).toBe(truth.has(key));
      }),
    );
  });
});
