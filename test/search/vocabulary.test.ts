import { beforeEach, describe, expect, it } from 'vitest';
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
