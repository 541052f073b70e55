import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import type { Client, RunningApp } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

/**
 * What a reader is offered (did you mean, completions) comes only from entries they may see now,
 * and the search log is written only by, and for, the signed-in person who searched.
 */
let db: Db;
let app: RunningApp;
function build(db: Db) {
  seedKnowledgeBase(db);
  saveEntry(db, makeEntry({ id: 'secret-draft', title: 'Quarantined consignments', status: 'draft', summary: 'Only drafts say zanzibarquux.' }), { author: 'amara', summary: 'Draft' });
  saveEntry(db, makeEntry({ id: 'old-archive', title: 'Retired voucher scheme', status: 'archived', summary: 'Only the archive says pemberthwaite.' }), { author: 'amara', summary: 'Archived' });
  saveEntry(db, makeEntry({ id: 'bird-parcel', title: 'Parcel shaped like a flamingo' }), { author: 'amara', summary: 'First' });
}
freshAppForEachTest({ build, config: { readAccess: 'open' } }, (fresh) => ({ db, app } = fresh));

/** What a reader is offered for a misspelt word: a "did you mean" on no results, or results found through the corrected word. */
async function offered(reader: Client, q: string) {
  const { html } = await reader.page(`/search?q=${encodeURIComponent(q)}`);
  const suggestion = html.querySelector('[data-suggestion]')?.getAttribute('data-suggestion') ?? null;
  return { suggestion, marked: [...html.querySelectorAll('.result mark')].map((m) => m.text.toLowerCase()) };
}
const nothing = { suggestion: null, marked: [] };

describe('suggestions come only from what the reader may see', () => {
  it('never suggests a word only a draft or an archived entry says to an agent or an anonymous reader', async () => {
    const lead = await app.as('amara', 'lead');
    for (const reader of [app.anonymous(), await app.as('sam', 'agent')]) {
      expect(await offered(reader, 'zanzibarqux')).toEqual(nothing);
      expect(await offered(reader, 'pemberthwait')).toEqual(nothing);
    }
    // A lead may see drafts, so the draft's word is offered to them (and the test can fail).
    expect((await offered(lead, 'zanzibarqux')).marked).toContain('zanzibarquux');
    expect(await offered(lead, 'pemberthwait')).toEqual(nothing);
  });

  it('forgets a word once an edit removes it', async () => {
    const agent = await app.as('sam', 'agent');
    expect((await offered(agent, 'flamingp')).marked).toContain('flamingo');
    saveEntry(db, makeEntry({ id: 'bird-parcel', title: 'Parcel shaped like a heron' }), { author: 'amara', summary: 'Second' });
    for (const reader of [agent, app.anonymous(), await app.as('amara', 'lead')]) expect(await offered(reader, 'flamingp')).toEqual(nothing);
    expect((await offered(agent, 'heorn')).marked).toContain('heron');
  });

  it('offers a draft word to agents once vetted, and to nobody once archived', async () => {
    const lead = await app.as('amara', 'lead');
    const agent = await app.as('sam', 'agent');
    saveEntry(db, makeEntry({ id: 'secret-draft', title: 'Quarantined consignments', status: 'vetted', summary: 'Vetted now: zanzibarquux.' }), { author: 'amara', summary: 'Vetted' });
    expect((await offered(agent, 'zanzibarqux')).marked).toContain('zanzibarquux');
    saveEntry(db, makeEntry({ id: 'secret-draft', title: 'Quarantined consignments', status: 'archived', summary: 'Vetted now: zanzibarquux.' }), { author: 'amara', summary: 'Archived' });
    for (const reader of [agent, lead]) expect(await offered(reader, 'zanzibarqux')).toEqual(nothing);
  });
});

describe('the search log', () => {
  const logged = () => db.prepare('SELECT id, query, user, opened_entry_id FROM search_log ORDER BY id').all() as { id: number; query: string; user: string; opened_entry_id: string | null }[];

  it('is never written by an anonymous reader', async () => {
    const visitor = app.anonymous();
    const { html } = await visitor.page('/search?q=parcel');
    await visitor.page('/search?q=parcel&fragment=1');
    await visitor.json('/api/search?q=parcel');
    expect(logged()).toEqual([]);
    // Its result links go straight to the entry.
    expect(html.querySelector('.result__title')!.getAttribute('href')).toMatch(/^\/entries\//);
  });

  it("lets nobody mark another person's logged search as opened, or continue their typing session", async () => {
    const sam = await app.as('sam', 'agent');
    const other = await app.as('tom', 'agent');
    await sam.page('/search?q=par&fragment=1');
    const [row] = logged();
    expect(row).toMatchObject({ query: 'par', user: 'sam' });
    expect((await other.fetch(`/search/open/${row!.id}/late-parcel`)).status).toBe(303);
    await app.anonymous().fetch(`/search/open/${row!.id}/late-parcel`);
    await other.page(`/search?q=gift&fragment=1&session=${row!.id}`);
    expect(logged()[0]).toMatchObject({ id: row!.id, query: 'par', opened_entry_id: null });
    expect(logged()[1]).toMatchObject({ query: 'gift', user: 'tom' });
    await sam.fetch(`/search/open/${row!.id}/late-parcel`);
    expect(logged()[0]).toMatchObject({ opened_entry_id: 'late-parcel' });
  });
});
