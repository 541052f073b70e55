import { describe, expect, it } from 'vitest';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { createSearch } from '../../server/search/search.ts';
import { freshDatabase } from '../support/database.ts';

/**
 * The everyday requests a contact center gets most, asked in words that are not an entry's own
 * title or phrasing: the starter content must answer each within the first three results, so an
 * agent sees it without scrolling. A request without its entry, or an entry search cannot find
 * from plain words, fails here.
 */
const EVERYDAY: [query: string, entry: string][] = [
  ['has my order shipped yet, i want the tracking', 'track-my-order'],
  ['please cancel order 10458', 'cancel-order-before-dispatch'],
  ['take the socks out of my order', 'change-or-remove-item-in-order'],
  ['can i buy over the phone', 'place-order-by-phone'],
  ['what does shipping cost', 'delivery-options-and-costs'],
  ['send me the invoice', 'invoice-copy-for-order'],
  ['invoice with vat for my accountant', 'vat-invoice-showing-vat'],
  ['do you take paypal', 'payment-methods-accepted'],
  ['my card got declined', 'payment-declined-at-checkout'],
  ['i paid twice', 'charged-twice-for-one-order'],
  ['open a new account', 'create-an-account'],
  ['change my phone number', 'update-account-details'],
  ['close my acount', 'delete-my-account'],
  ['reset my password', 'forgot-password'],
  ['i want a human', 'talk-to-a-real-person'],
  ['can you ring me later', 'request-a-callback'],
  ['stop the newsletter emails', 'unsubscribe-from-marketing-emails'],
  ['how do refunds work', 'refund-policy'],
  ['refund still not arrived', 'refund-not-received-yet'],
  ['i want to file a complaint', 'make-a-complaint'],
  ['write a review', 'leave-a-review'],
  ['print a returns label', 'start-a-return-and-get-a-label'],
  ['you sent the wrong product', 'wrong-item-received'],
  ['item came broken', 'parcel-arrived-damaged'],
  ['one item missing from the box', 'item-missing-from-order'],
  ['deliver to a different address', 'change-delivery-address-after-ordering'],
  ['do you ship abroad', 'international-delivery-and-customs'],
  ['wrap it as a present', 'gift-wrapping-and-message'],
  ['another shop sells it cheaper', 'competitor-price-match'],
  ['voucher code invalid', 'discount-code-not-working'],
  ['is it covered by the guarantee', 'warranty-what-is-covered'],
  ['what time do you open on saturday', 'store-opening-hours'],
  ['send me all my personal data', 'copy-of-my-personal-data'],
  ['swap for a bigger size', 'exchange-size-or-colour'],
];

describe('the starter content covers the everyday requests', () => {
  const db = freshDatabase();
  importStarterContentIfEmpty(db, 'content');
  const search = createSearch(db);

  it.each(EVERYDAY)('"%s" finds %s in the first three results', (query, entry) => {
    const top = search.search(query, { statuses: ['vetted'] }).results.slice(0, 3).map((r) => r.id);
    expect(top).toContain(entry);
  });
});
