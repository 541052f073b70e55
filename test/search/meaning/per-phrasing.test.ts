import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryStatus } from '../../../server/entries/entry.ts';
import { createSearch, type Search } from '../../../server/search/search.ts';
import { freshDatabase } from '../../support/database.ts';
import { makeEntry } from '../../support/entries.ts';
import { MODEL, saveAll } from './fixture.ts';

const AGENT = { statuses: ['vetted'] as EntryStatus[] };
const ids = (found: { results: { id: string }[] }) => found.results.map((r) => r.id);

// Each phrasing is compared with the query on its own: an entry is found by the one phrasing that
// says what the customer means, even when its other phrasings (and so its centroid) are about
// other cases.
const ENTRIES = [
  makeEntry({
    id: 'change-delivery-address',
    title: 'Change the delivery address',
    category: 'Delivery',
    phrasings: [
      'send my order to another address',
      'the shipping address is wrong',
      'update the address on my order',
      'the postcode on the parcel is a typo',
      'deliver to my office instead',
      'we moved house last week',
    ],
  }),
  makeEntry({
    id: 'delivery-options',
    title: 'Delivery options and costs',
    category: 'Delivery',
    phrasings: ['how much is shipping', 'can I get next day delivery', 'which couriers do you use'],
  }),
  makeEntry({
    id: 'update-personal-details',
    title: 'Update my personal details',
    category: 'Account',
    phrasings: ['my details are out of date', 'my life changed and my profile is old', 'change my name after marriage'],
  }),
  makeEntry({
    id: 'update-phone-number',
    title: 'Update my phone number',
    category: 'Account',
    phrasings: ['change the number on my account', 'I have a new mobile'],
  }),
];

describe('meaning per phrasing', () => {
  let search: Search;
  beforeAll(async () => {
    const db = freshDatabase();
    saveAll(db, ENTRIES);
    search = createSearch(db, { model: MODEL, queryWaitMs: 60_000 });
    await search.meaning.settled();
  }, 120_000);
  afterAll(() => search.meaning.close());

  it('finds the entry one of whose phrasings means what the query says', async () => {
    expect(ids(await search.settled('we relocated last month', AGENT))[0]).toBe('change-delivery-address');
    expect(ids(await search.settled('I got a new mobile', AGENT))[0]).toBe('update-phone-number');
  });
});
