import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { saveGuide } from '../../server/guides/guide-queries.ts';
import { makeEntry } from './entries.ts';

/** A small knowledge base that page and API tests can name things in. */
export function seedKnowledgeBase(db: Db): void {
  const save = (entry: ReturnType<typeof makeEntry>) => saveEntry(db, entry, { author: 'amara', summary: 'First version' });
  save(
    makeEntry({
      id: 'late-parcel',
      title: 'My parcel is late',
      category: 'Delivery',
      tags: ['shipping', 'delay'],
      owner: 'amara',
      reviewBy: '2027-03-01',
      phrasings: ['where is my package'],
      summary: 'Use when the promised date has **passed**.',
      solutions: [
        { title: 'Trace the parcel', body: '1. Open the carrier page.\n2. Give a new date.' },
        { title: 'Reship at our cost', body: 'When the carrier confirms it is lost.' },
      ],
      alternatives: [
        { title: 'Offer a pickup point', body: 'Closer and faster.' },
        { title: 'Refund the shipping fee', body: 'As an apology. <script>alert(1)</script>' },
      ],
      whatToSay: '"I can see your parcel left our warehouse on Monday."',
      timeline: 'A new date within **2 working days**.',
      caveats: '- Carriers miss dates in December.',
      followUp: 'Call back the next working day.',
    }),
  );
  save(makeEntry({ id: 'boat-delivery', title: 'Deliver to my boat', category: 'Delivery', kind: 'unusual', reviewBy: '2020-01-01' }));
  save(makeEntry({ id: 'charged-twice', title: 'I was charged twice', category: 'Billing and payments' }));
  save(makeEntry({ id: 'old-policy', title: 'Old parcel policy', category: 'Delivery', status: 'archived' }));
  saveGuide(db, { id: 'setting-expectations', title: 'Setting expectations', summary: 'Promise less, deliver more.', order: 1, body: '## Why\nBecause **trust**.' });
  saveGuide(db, { id: 'handling-a-complaint', title: 'Handling a complaint', summary: 'Acknowledge, apologize, fix.', order: 2, body: 'Listen first.' });
}
