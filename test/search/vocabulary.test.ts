import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENTRY_STATUSES } from '../../server/entries/entry.ts';
import { Vocabulary } from '../../server/search/index/vocabulary.ts';
import { EntryIndex } from '../../server/search/index/entry-index.ts';
import { analyseQuery } from '../../server/search/query/query-analysis.ts';
import { Synonyms } from '../../server/search/query/synonyms.ts';
import type { IndexedEntry } from '../../server/search/types.ts';

const entry = (id: string, status: IndexedEntry['status'], title: string): IndexedEntry => ({
  id, title, status, kind: 'common', category: 'Delivery', categorySlug: 'delivery', language: 'en', phrasings: [], tags: '', summary: '', body: '',
});

describe('the words a half-typed query is completed with', () => {
  // A new index for each test: the second one changes it.
  let index: EntryIndex;
  beforeEach(() => {
    index = new EntryIndex();
    index.load([entry('route', 'vetted', 'Parcels routed through Zanzibar'), entry('draft', 'draft', 'Zanzibarquux zanzibarquux zanzibarquux')]);
  });
  const completed = (query: string, statuses: IndexedEntry['status'][]) => analyseQuery(index, new Synonyms([]), query, statuses).highlight;

  it('come only from entries the reader may see', () => {
    expect(completed('zanzib', ['vetted'])).toEqual(['zanzibar', 'zanzib']);
    // The draft says its word more often, so a lead is offered it first.
    expect(completed('zanzib', ['vetted', 'in_review', 'draft'])).toEqual(['zanzibarquux', 'zanzibar', 'zanzib']);
  });

  it('forget a word once no entry says it', () => {
    index.put(entry('draft', 'draft', 'Nothing to see'));
    index.updateNorms();
    expect(completed('zanzib', ['vetted', 'in_review', 'draft'])).toEqual(['zanzibar', 'zanzib']);
    index.remove('route');
    expect(completed('zanzib', ['vetted', 'in_review', 'draft'])).toEqual(['zanzib']);
  });
});

describe('completions while words keep arriving', () => {
  it('are what scanning every known word gives, however words and lookups interleave', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'z', 'é'), minLength: 1, maxLength: 5 });
    const step = fc.oneof(letters.map((word) => ({ word })), letters.map((prefix) => ({ prefix: prefix.slice(0, 2) })));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const vocabulary = new Vocabulary();
        const said = new Map<string, number>();
        const vetted = ENTRY_STATUSES.indexOf('vetted');
        for (const s of steps) {
          if ('word' in s) {
            vocabulary.count(vocabulary.intern(s.word), vetted, 1);
            said.set(s.word, (said.get(s.word) ?? 0) + 1);
            continue;
          }
          const slow = [...said]
            .filter(([word]) => word.startsWith(s.prefix))
            .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
            .slice(0, 3)
            .map(([word]) => word);
          expect(vocabulary.seenBy(['vetted']).completions(s.prefix, 3)).toEqual(slow);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
