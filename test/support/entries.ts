import { entrySchema, type Entry } from '../../server/entries/entry.ts';

/** A valid entry with sensible defaults; pass only what the test is about. */
export function makeEntry(overrides: Partial<Entry> & { id: string }): Entry {
  return entrySchema.parse({
    title: `Customer asks about ${overrides.id}`,
    category: 'Delivery',
    status: 'vetted',
    solutions: [{ title: 'Do the usual thing', body: 'Follow the steps.' }],
    alternatives: [{ title: 'Offer something else', body: 'When the first cannot be done.' }],
    ...overrides,
  });
}

/** What POST /api/entries takes for a new entry (`id`) about Sunday delivery, in the fixture's Delivery category. */
export const sundayDelivery = (id: string) => ({
  id,
  title: 'Customer wants delivery on a Sunday',
  category: 'Delivery',
  status: 'vetted',
  phrasings: ['deliver on sunday'],
  solutions: [{ title: 'Book a Saturday slot', body: 'Closest we can do.' }],
  alternatives: [{ title: 'Pickup locker', body: 'Open 7 days.' }, { title: 'Neighbour', body: 'Name a neighbour.' }],
});
