import { describe, expect, it } from 'vitest';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { createSearch } from '../../server/search/search.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';

describe('which statuses a reader sees', () => {
  const db = freshDatabase();
  for (const status of ['vetted', 'draft', 'in_review', 'archived'] as const) {
    saveEntry(db, makeEntry({ id: `refund-${status.replace('_', '-')}`, title: 'Refund not received', status }), { author: 't', summary: 't' });
  }
  const search = createSearch(db);
  const ids = (statuses?: ('vetted' | 'draft' | 'in_review' | 'archived')[]) => search.search('refund', { statuses }).results.map((r) => r.id);

  it.each([
    [undefined, ['refund-vetted', 'refund-draft', 'refund-in-review']],
    [['vetted'], ['refund-vetted']],
    [['vetted', 'draft'], ['refund-vetted', 'refund-draft']],
    [['archived'], ['refund-archived']],
  ] as const)('%j → %j (vetted first)', (statuses, expected) => {
    const found = ids(statuses as never);
    expect(found[0]).toBe(expected[0]);
    expect(new Set(found)).toEqual(new Set(expected));
  });
});
