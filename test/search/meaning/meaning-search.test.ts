import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/connection.ts';
import type { EntryStatus } from '../../../server/entries/entry.ts';
import { createSearch, type Search } from '../../../server/search/search.ts';
import { freshDatabase } from '../../support/database.ts';
import { ENTRIES, MODEL, saveAll } from './fixture.ts';

let db: Db;
let search: Search;
const ids = (found: { results: { id: string }[] }) => found.results.map((r) => r.id);
const AGENT = { statuses: ['vetted'] as EntryStatus[] };

beforeAll(async () => {
  db = freshDatabase();
  saveAll(db);
  search = createSearch(db, { model: MODEL, queryWaitMs: 60_000 });
  await search.meaning.settled();
});
afterAll(() => search.meaning.close());

describe('search with meaning', () => {
  it('finds an entry by meaning when the query shares none of its words', async () => {
    expect(ids(search.search('reimbursement', AGENT))).toEqual([]);
    expect(ids(await search.settled('reimbursement', AGENT))[0]).toBe('request-refund');
    expect(ids(await search.settled('my purse was pickpocketed', AGENT))[0]).toBe('card-stolen');
    expect(ids(await search.settled('the courier never came', AGENT))[0]).toBe('late-parcel');
  });

  it('keeps a query about one entry on it when its words match too', async () => {
    expect(ids(await search.settled('I want my money back', AGENT))[0]).toBe('request-refund');
    expect(ids(await search.settled('my card was stolen', AGENT))[0]).toBe('card-stolen');
  });

  it('never ranks an entry the reader may not see, nor one outside the filters', async () => {
    const queries = ['reimbursement', 'money back for my company', 'old money back policy', 'refund', 'my wallet'];
    for (const query of queries) {
      for (const found of [await search.settled(query, AGENT), await search.settled(query, { ...AGENT, category: 'Cards' })]) {
        expect(ids(found)).not.toContain('refund-draft');
        expect(ids(found)).not.toContain('refund-archived');
      }
      expect(ids(await search.settled(query, { ...AGENT, category: 'Cards' })).every((id) => id === 'card-stolen')).toBe(true);
      // Leads see drafts (but never archived entries).
      expect(ids(await search.settled(query))).not.toContain('refund-archived');
    }
    expect(ids(await search.settled('money back for my company'))).toContain('refund-draft');
  });

  it('answers an empty query with nothing, as by words', async () => {
    expect(await search.settled('   ', AGENT)).toMatchObject({ total: 0, results: [] });
  });
});

describe('search while the vectors load', () => {
  it('answers by words until the stored vectors are read (in background slices), then by meaning', async () => {
    // Its own database, so no other test's search (sweeping, storing) touches the stored vectors.
    const own = freshDatabase();
    saveAll(own);
    const first = createSearch(own, { model: MODEL, queryWaitMs: 60_000 });
    await first.meaning.settled();
    await first.meaning.close();
    // A restart: every vector is stored already, and read back a slice at a time.
    const restarted = createSearch(own, { model: MODEL, queryWaitMs: 60_000 });
    expect(restarted.meaning.status()).toEqual({ done: 0, total: ENTRIES.length - 1 });
    for (const query of ['refund my order', 'reimbursement', 'card']) {
      expect(await restarted.settled(query, AGENT)).toEqual({ ...search.search(query, AGENT), tookMs: expect.any(Number) });
    }
    await restarted.meaning.settled();
    expect(restarted.meaning.entries!.encodedTexts).toBe(0);
    expect(ids(await restarted.settled('reimbursement', AGENT))[0]).toBe('request-refund');
    await restarted.meaning.close();
  });
});

describe('search without the model', () => {
  it('answers by words, with no error, when the model folder is missing', async () => {
    const missing = createSearch(db, { model: { dir: '/nonexistent/model', id: 'use-lite:missing' }, queryWaitMs: 60_000 });
    await missing.meaning.settled();
    expect(missing.meaning.status()).toMatchObject({ done: 0, total: ENTRIES.length - 1, error: expect.stringContaining('model.json') });
    for (const query of ['refund my order', 'reimbursement', 'card']) {
      expect(await missing.settled(query, AGENT)).toEqual({ ...search.search(query, AGENT), tookMs: expect.any(Number) });
    }
    await missing.meaning.close();
  });

  it('answers by words when turned off', async () => {
    const off = createSearch(db, { model: null });
    expect(off.meaning.status()).toMatchObject({ done: 0, total: ENTRIES.length - 1 });
    expect(ids(await off.settled('refund my order', AGENT))).toEqual(ids(search.search('refund my order', AGENT)));
  });
});
