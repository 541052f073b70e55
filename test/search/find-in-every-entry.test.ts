import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { startSeededApp, type RunningApp } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';

let db: Db;
let app: RunningApp;
beforeAll(async () => {
  ({ db, app } = await startSeededApp({ readAccess: 'open' }));
  saveEntry(db, makeEntry({
    id: 'carrier-swap', title: 'Parcel handed to Speedy Post', status: 'draft',
    solutions: [{ title: 'Track it', body: 'Speedy Post tracking shows **out for delivery** before noon.' }],
    alternatives: [{ title: 'Call the depot', body: 'Ask for the driver.' }],
    caveats: 'Speedy Post does not deliver on Sundays. Speedy Post again.',
  }), { author: 'amara', summary: 'Draft' });
  saveEntry(db, makeEntry({ id: 'old-carrier', title: 'Returns through Speedy Post', status: 'archived', summary: 'Retired: <b>Speedy Post</b> returns.' }), { author: 'amara', summary: 'Old' });
  saveEntry(db, makeEntry({ id: 'word-salad', title: 'Delivery is out; post it speedy', summary: 'Words of the phrase, not the phrase.' }), { author: 'amara', summary: 'Noise' });
});
afterAll(() => app.close());

describe('find in every entry', () => {
  it('finds a phrase word for word in every section of every entry, drafts and archived ones too, saying where', async () => {
    const lead = await app.as('amara', 'lead');
    const { status, body } = await lead.json(`/api/find?q=${encodeURIComponent('"speedy post"')}`);
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    const byId = Object.fromEntries(body.entries.map((e: { id: string }) => [e.id, e]));
    expect(Object.keys(byId).sort()).toEqual(['carrier-swap', 'old-carrier']);
    expect(byId['carrier-swap'].status).toBe('draft');
    expect(byId['carrier-swap'].matches).toEqual([
      { section: 'Title', excerpt: 'Parcel handed to <mark>Speedy Post</mark>', count: 1 },
      { section: 'Solution: Track it', excerpt: 'Track it. <mark>Speedy Post</mark> tracking shows out for delivery before noon.', count: 1 },
      { section: 'Caveats', excerpt: '<mark>Speedy Post</mark> does not deliver on Sundays. <mark>Speedy Post</mark> again.', count: 2 },
    ]);
    // Entry text is escaped (the source as typed, HTML in it included); only the marks are HTML.
    expect(byId['old-carrier'].matches).toContainEqual({ section: 'Summary', excerpt: 'Retired: &lt;b&gt;<mark>Speedy Post</mark>&lt;/b&gt; returns.', count: 1 });
  });

  it('requires every word, and reads no FTS5 syntax from what was typed', async () => {
    const lead = await app.as('amara', 'lead');
    const ids = async (q: string) => (await lead.json(`/api/find?q=${encodeURIComponent(q)}`)).body.entries.map((e: { id: string }) => e.id).sort();
    expect(await ids('speedy post')).toEqual(['carrier-swap', 'old-carrier', 'word-salad']);
    expect(await ids('"out for delivery" sundays')).toEqual(['carrier-swap']);
    // NOT is a word to find, not an operator.
    expect(await ids('speedy NOT post')).toEqual(['carrier-swap', 'word-salad']);
    for (const q of ['"unclosed', 'NEAR(a b)', 'title:parcel', 'post*', '^speedy', '(', '"', '']) expect((await lead.json(`/api/find?q=${encodeURIComponent(q)}`)).status).toBe(200);
    // A column filter is only words: "title speedy", which no entry says.
    expect(await ids('title:speedy')).toEqual([]);
    expect(await ids('to:speedy')).toEqual(['carrier-swap']);
  });

  it('is a page for leads showing each entry with its sections', async () => {
    const lead = await app.as('amara', 'lead');
    const { status, html } = await lead.page(`/find?q=${encodeURIComponent('"speedy post"')}`);
    expect(status).toBe(200);
    expect(html.querySelector('.find-count')!.text).toContain('2 entries say');
    expect(html.querySelectorAll('.find-entry')).toHaveLength(2);
    expect(html.querySelectorAll('.find-match__section').map((s) => s.text.trim())).toContain('Caveats ×2');
  });

  it('is for leads only', async () => {
    const agent = await app.as('sam', 'agent');
    expect((await agent.json('/api/find?q=speedy')).status).toBe(403);
    expect((await agent.page('/find?q=speedy')).status).toBe(403);
    expect((await app.anonymous().json('/api/find?q=speedy')).status).toBe(401);
    expect((await (await app.as('amara', 'lead')).json(`/api/find?q=${'x'.repeat(201)}`)).body.field).toBe('q');
  });
});
