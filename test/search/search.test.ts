import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { createSearch, type Search } from '../../server/search/search.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

let db: Db;
let search: Search;
const save = (entry: ReturnType<typeof makeEntry>) => saveEntry(db, entry, { author: 't', summary: 't' });
const ids = (query: string, filters = {}) => search.search(query, filters).results.map((r) => r.id);

beforeEach(() => {
  db = freshDatabase();
  search = createSearch(db);
  save(makeEntry({ id: 'late-parcel', title: 'My parcel is late', category: 'Delivery', phrasings: ['where is my package'] }));
  save(makeEntry({ id: 'damaged', title: 'Item arrived broken', category: 'Delivery', summary: 'The parcel was crushed.' }));
  save(makeEntry({ id: 'double-charge', title: 'Charged twice', category: 'Billing', kind: 'unusual' }));
  save(makeEntry({ id: 'rimborso', title: 'Rimborso non ricevuto', category: 'Billing', language: 'it' }));
});

describe('search v0', () => {
  it('ranks a title match above a summary match', () => {
    expect(ids('parcel')).toEqual(['late-parcel', 'damaged']);
  });

  it('finds an entry by a customer phrasing', () => {
    expect(ids('package')[0]).toBe('late-parcel');
  });

  it('matches the last word as a prefix while typing', () => {
    expect(ids('twi')).toEqual(['double-charge']);
    expect(ids('twi ')).toEqual([]);
  });

  it('stems English words', () => {
    expect(ids('charges')).toEqual(['double-charge']);
  });

  it('ranks vetted entries above drafts and never shows archived ones', () => {
    save(makeEntry({ id: 'draft-parcel', title: 'My parcel is late', status: 'draft' }));
    save(makeEntry({ id: 'old-parcel', title: 'My parcel is late', status: 'archived' }));
    expect(ids('parcel late')).toEqual(['late-parcel', 'draft-parcel', 'damaged']);
  });

  it.each([
    [{ category: 'Billing' }, ['double-charge', 'rimborso']],
    [{ category: 'billing' }, ['double-charge', 'rimborso']],
    [{ kind: 'common' }, ['rimborso']],
    [{ language: 'it' }, ['rimborso']],
    [{ category: 'Delivery', kind: 'unusual' }, []],
  ])('filters by %j', (filters, expected) => {
    expect(ids('charged rimborso', filters)).toEqual(expected);
  });

  it('reports the total beyond the limit, the time taken and a highlighted snippet', () => {
    const found = search.search('parcel', { limit: 1 });
    expect(found.total).toBe(2);
    expect(found.results).toHaveLength(1);
    expect(found.tookMs).toBeGreaterThanOrEqual(0);
    expect(found.results[0]).toMatchObject({ titleHtml: 'My <mark>parcel</mark> is late', url: '/entries/late-parcel' });
    expect(search.search('crushed').results[0]!.snippet).toContain('<mark>crushed</mark>');
  });

  it('returns nothing for an empty query', () => {
    expect(search.search('   ')).toMatchObject({ total: 0, results: [] });
  });
});
