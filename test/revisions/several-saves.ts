import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { Entry } from '../../server/entries/entry.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';

/**
 * late-parcel (revision 1 from seedKnowledgeBase) saved three more times, one section each:
 * 2 rewrites what to say (the word "warehouse" goes), 3 changes the timeline, 4 adds an alternative.
 */
export function saveLateParcelThreeTimes(db: Db): void {
  const edit = (change: Partial<Entry>, author: string, summary: string) => {
    const current = findEntry(db, 'late-parcel')!.entry;
    saveEntry(db, { ...current, ...change }, { author, summary });
  };
  edit({ whatToSay: '"Your parcel is on its way; let me give you a new date."' }, 'lena', 'Shorter script');
  edit({ timeline: 'A new date within **3 working days**.' }, 'lena', 'Carriers are slower this season');
  const alternatives = findEntry(db, 'late-parcel')!.entry.alternatives;
  edit({ alternatives: [...alternatives, { title: 'Send a voucher', body: 'For the next order.' }] }, 'omar', 'Add a voucher');
}
