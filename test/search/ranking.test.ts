import { beforeAll, describe, expect, it } from 'vitest';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { createSearch, type Search } from '../../server/search/search.ts';
import { freshDatabase } from '../support/database.ts';

// The starter knowledge base, with its synonyms, answers the ways agents type mid-call.
let search: Search;
beforeAll(() => {
  const db = freshDatabase();
  importStarterContentIfEmpty(db, 'content');
  search = createSearch(db);
});

describe('the right entry comes first', () => {
  it.each([
    ['a typo', 'pasword reset email', 'forgot-password'],
    ['a typo (swapped letters)', 'parcel arrived damgaed', 'parcel-arrived-damaged'],
    ['a half-typed last word', 'charged twi', 'charged-twice-for-one-order'],
    ["the customer's own phrasing", 'tracking says delivered but nothing came', 'marked-delivered-not-received'],
    ['a synonym (package for parcel)', 'package arrived broken', 'parcel-arrived-damaged'],
    ['a word without its accent', 'perche il rimborso e piu basso', 'rimborso-inferiore-al-previsto'],
    ['a Cyrillic word', 'подписку', 'otmena-podpiski'],
    ['a Russian inflection', 'пароля', 'ne-mogu-voyti'],
    ['an Italian plural', 'rimborsi', 'rimborso-inferiore-al-previsto'],
    ['an Italian phrase', 'addebito sconosciuto', 'addebito-non-riconosciuto'],
    // Regression: the finished "in" was completed to "invoice" and put the company-invoice entry first.
    ['a short stop word at the end', 'cant log in', 'two-factor-lost-phone'],
    ['a synonym phrase (sign in for log in)', "can't sign in", 'two-factor-lost-phone'],
  ])('%s: %j → %s', (_, query, expected) => {
    expect(search.search(query).results[0]?.id).toBe(expected);
  });

  it('does not second-guess a correctly spelled word', () => {
    // "manager" is known, so it is never "corrected" to another word.
    expect(search.search('speak to a manager').results[0]?.id).toBe('escalate-to-manager');
  });

  it('suggests a spelling when nothing matches', () => {
    const found = search.search('pasword');
    expect(found.results[0]?.id).toBe('forgot-password');
    // Words under 5 letters are not corrected silently, but suggested.
    expect(search.search('bxo')).toMatchObject({ total: 0, didYouMean: 'box' });
  });
});
