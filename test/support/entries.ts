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
