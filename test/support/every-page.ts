import { findEntry } from '../../server/entries/entry-queries.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { recordRead } from '../../server/onboarding/onboarding-queries.ts';
import { startSeededApp } from './app.ts';
import { makeEntry } from './entries.ts';
import { saveFirstWeek } from './paths.ts';
import { clientsByRole } from './roles.ts';

/** Who opens a page: nobody, agnes the agent, leo the lead, ada the admin. */
export type Reader = 'anonymous' | 'agnes' | 'leo' | 'ada';

/** Every page type, with the role it is for (setup needs an empty database: see its tests). */
export const EVERY_PAGE: [name: string, path: string, who: Reader][] = [
  ['home', '/', 'agnes'],
  ['search results', '/search?q=parcel+late', 'agnes'],
  ['search with no result', '/search?q=zzqx+wibble', 'agnes'],
  ['entry', '/entries/late-parcel', 'agnes'],
  ['entry (lead)', '/entries/late-parcel', 'leo'],
  ['translation', '/entries/late-parcel-it', 'agnes'],
  ['history', '/entries/late-parcel/history', 'leo'],
  ['diff', '/entries/late-parcel/diff', 'agnes'],
  ['category', '/categories/delivery', 'agnes'],
  ['guides index', '/guides', 'agnes'],
  ['guide', '/guides/setting-expectations', 'agnes'],
  ['editor: new entry', '/entries/new', 'agnes'],
  ['editor: edit entry', '/entries/late-parcel/edit', 'leo'],
  ['editor: revise a proposal', '/proposals/1/edit', 'agnes'],
  ['my drafts', '/my/drafts', 'agnes'],
  ['review queue', '/review', 'leo'],
  ['proposal', '/proposals/1', 'leo'],
  ['flags', '/flags', 'leo'],
  ['stale', '/stale', 'leo'],
  ['outdated translations', '/translations/outdated', 'leo'],
  ['find in every entry', '/find?q=parcel', 'leo'],
  ['gaps', '/gaps', 'leo'],
  ['dashboard', '/dashboard', 'leo'],
  ['users', '/admin/users', 'ada'],
  ['audit log', '/admin/audit', 'ada'],
  ['account', '/account', 'agnes'],
  ['login', '/login', 'anonymous'],
  ['not found', '/no/such/page', 'agnes'],
  ['start here', '/start', 'agnes'],
  ['start here: edit paths', '/start/paths', 'leo'],
  ['start here: path editor', '/start/paths/first-week', 'leo'],
  ['start here: progress', '/start/progress', 'leo'],
  ['start here: one person', '/start/progress/agnes', 'leo'],
];

/**
 * The fixture knowledge base with something in every queue: a proposal, a flag, a second revision
 * to compare, a searched gap, a path with progress, an Italian translation left behind by its original.
 */
export async function startAppWithEveryPage() {
  const started = await startSeededApp();
  const { db, app } = started;
  const as = await clientsByRole(app);
  await as.agent.json('/api/entries', { method: 'POST', body: { ...makeEntry({ id: 'voucher', title: 'Pay with a partner voucher' }), why: 'Asked twice' } });
  await as.agent.json('/api/entries/late-parcel/flags', { method: 'POST', body: { reason: 'outdated', comment: 'The carrier changed' } });
  await as.agent.json('/api/search?q=sunday+delivery');
  recordRead(db, 'agnes', 'late-parcel', 1);
  saveEntry(db, makeEntry({ id: 'late-parcel-it', title: 'Il mio pacco è in ritardo', language: 'it', translationOf: 'late-parcel' }), { author: 'leo', summary: 'Traduzione' });
  const late = findEntry(db, 'late-parcel')!.entry;
  saveEntry(db, { ...late, timeline: 'A new date within **3 working days**.' }, { author: 'leo', summary: 'Carrier is slower' });
  saveFirstWeek(db, [
    ['guide', 'setting-expectations', 'Promise what you can keep.'],
    ['entry', 'late-parcel', 'The most common call.'],
  ]);
  await as.agent.json('/api/onboarding/done', { method: 'POST', body: { kind: 'entry', id: 'late-parcel' } });
  return { ...started, as };
}
