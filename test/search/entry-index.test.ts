import { describe, expect, it } from 'vitest';
import { gather } from '../../server/search/rank/candidates.ts';
import { EntryIndex } from '../../server/search/index/entry-index.ts';
import type { IndexedEntry } from '../../server/search/types.ts';
import { score, withQuery } from '../../server/search/rank/relevance.ts';
import { stem } from '../../server/search/query/text-analysis.ts';

const entry = (id: string, title: string): IndexedEntry => ({
  id, title, kind: 'common', category: 'Delivery', categorySlug: 'delivery', language: 'en', status: 'vetted',
  phrasings: [], tags: '', summary: '', body: '',
});

/** The entries holding `word`, each with its score for a query of that word alone. */
function scored(index: EntryIndex, word: string): [string, number][] {
  const feature = index.featureId(stem(word, 'en'))!;
  return withQuery(index, new Map([[feature, 1]]), (query) => {
    const { found } = gather(index, query, new Set([feature]), () => true);
    return [...found].map((no) => [index.idOf(no), score(index, no, query)]);
  });
}

describe('the packed entry index', () => {
  it('keeps finding entries after an entry changed often enough to compact the columns', () => {
    const index = new EntryIndex();
    index.put(entry('lost', 'Parcel lost'));
    // The 1,001st replacement leaves more dead entry numbers than live ones: the columns are rebuilt.
    // The last version (i = 1001) says "late".
    for (let i = 0; i <= 1001; i++) index.put(entry('refund', i % 2 ? 'Refund late' : 'Refund missing'));
    index.updateNorms();
    index.maintainFully();

    expect(Array.from({ length: index.numbers }, (_, no) => index.idOf(no))).toEqual(['lost', 'refund']);
    // One of the title's two equally rare words: cosine 1/√2, as best text and as centroid (× 3).
    expect(scored(index, 'parcel')).toEqual([['lost', expect.closeTo(4 / Math.SQRT2, 9)]]);
    expect(scored(index, 'refund')).toEqual([['refund', expect.any(Number)]]);
    expect(scored(index, 'late')).toEqual([['refund', expect.any(Number)]]);
    expect(scored(index, 'missing')).toEqual([]);
  });
});
