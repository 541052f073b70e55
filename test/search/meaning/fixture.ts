import type { Db } from '../../../server/db/connection.ts';
import { saveEntry } from '../../../server/entries/save-entry.ts';
import type { Entry } from '../../../server/entries/entry.ts';
import { modelFromEnv, type Model } from '../../../server/search/meaning/model-folder.ts';
import { makeEntry } from '../../support/entries.ts';

/** The packaged sentence model (the test config turns it off for every other test). */
export const MODEL: Model = modelFromEnv('')!;

/** A few entries in different words: enough to tell meaning from shared words, quick to encode. */
export const ENTRIES: Entry[] = [
  makeEntry({ id: 'request-refund', title: 'Give a refund', category: 'Billing', phrasings: ['I want my money back', 'refund my order'] }),
  makeEntry({ id: 'card-stolen', title: 'My card was stolen', category: 'Cards', phrasings: ['someone took my wallet', 'block my card'] }),
  makeEntry({ id: 'late-parcel', title: 'My parcel is late', category: 'Delivery', phrasings: ['where is my package', 'the delivery has not arrived'] }),
  makeEntry({ id: 'forgot-password', title: 'I forgot my password', category: 'Account', phrasings: ['I cannot sign in', 'reset my login'] }),
  // Close in meaning to a refund, but no agent may see them.
  makeEntry({ id: 'refund-draft', title: 'Refund a business customer', category: 'Billing', status: 'draft', phrasings: ['money back for my company'] }),
  makeEntry({ id: 'refund-archived', title: 'Refunds before 2020', category: 'Billing', status: 'archived', phrasings: ['old money back policy'] }),
];

/** Every distinct title and phrasing of the entries search compares by meaning (archived ones have none). */
export const SEARCHABLE_TEXTS = ENTRIES.filter((e) => e.status !== 'archived').flatMap((e) => [e.title, ...e.phrasings]).length;

export function saveAll(db: Db, entries: Entry[] = ENTRIES): void {
  for (const entry of entries) saveEntry(db, entry, { author: 'amara', summary: 'First version' });
}
