import { beforeEach, describe, expect, it } from 'vitest';
import { daysAfter } from '../../server/dates/days.ts';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

function logSearch(query: string, resultCount: number, opened: string | null = null, daysAgo = 0) {
  const at = daysAfter(Date.now(), -daysAgo).toISOString();
  db.prepare(
    `INSERT INTO search_log (query, filters, result_count, took_ms, searched_at, user, source, opened_entry_id, opened_at)
     VALUES (?, '{}', ?, 1, ?, 'sam', 'page', ?, ?)`,
  ).run(query, resultCount, at, opened, opened ? at : null);
}

describe('content gaps from real searches', () => {
  it('lists what agents searched for and did not find or open, not what they opened', async () => {
    const agent = await app.as('sam', 'agent');
    await agent.json('/api/search?q=zebra+crossing');
    const empty = await agent.page('/search?q=zebra+crossing');
    expect(empty.html.querySelector('.empty a.button')!.getAttribute('href')).toBe('/entries/new?title=zebra+crossing&phrasing=zebra+crossing');
    const results = await agent.page('/search?q=parcel+late');
    const link = results.html.querySelector('.result__title')!.getAttribute('href')!;
    expect(link).toMatch(/^\/search\/open\/\d+\/late-parcel$/);
    expect((await agent.fetch(link)).status).toBe(303);
    await agent.page('/search?q=charged+twice');
    const lead = await app.as('amara', 'lead');
    const { body } = await lead.json('/api/gaps');
    expect(body.gaps.map((g: any) => [g.key, g.empty])).toEqual([
      ['zebra crossing', 2],
      ['charged twice', 0],
    ]);
  });
});

describe('content gaps', () => {
  beforeEach(() => {
    logSearch('gift wrap', 0);
    logSearch('Gift  wrap', 0);
    logSearch('gift wrap', 0, null, 2);
    logSearch('parcel late', 3, 'late-parcel'); // found and opened: not a gap
    logSearch('parcel stuck', 2); // found, nothing opened
    logSearch('old thing', 0, null, 45); // outside the 30-day window
  });

  it('groups searches that found nothing or were not opened, most empty first', async () => {
    const lead = await app.as('amara', 'lead');
    const { body } = await lead.json('/api/gaps');
    expect(body.gaps.map((g: any) => [g.key, g.searches, g.empty])).toEqual([
      ['gift wrap', 3, 3],
      ['parcel stuck', 1, 0],
    ]);
    const { html } = await lead.page('/gaps');
    expect(html.querySelectorAll('.gap__query').map((q) => q.text)).toHaveLength(2);
    const create = html.querySelector('.gap a.button')!.getAttribute('href')!;
    expect(create).toMatch(/^\/entries\/new\?title=gift\+wrap&phrasing=gift\+wrap$/i);
    const candidates = html.querySelectorAll('.gap')[1]!.querySelectorAll('option[value]').map((o) => o.getAttribute('value'));
    expect(candidates).toContain('late-parcel');
  });

  it('adds the customer’s words as a phrasing, and the gap goes away', async () => {
    const lead = await app.as('amara', 'lead');
    const added = await lead.json('/api/gaps/phrasing', { method: 'POST', body: { query: 'parcel stuck', entry: 'late-parcel' } });
    expect(added).toMatchObject({ status: 200, body: { entry: 'late-parcel', revision: 2 } });
    expect(findEntry(db, 'late-parcel')!.entry.phrasings).toContain('parcel stuck');
    const { body } = await lead.json('/api/gaps');
    expect(body.gaps.map((g: any) => g.key)).toEqual(['gift wrap']);
    const found = await lead.json('/api/search?q=parcel+stuck');
    expect(found.body.results[0].id).toBe('late-parcel');
  });

  it('resolves the gap when a lead creates the entry from it', async () => {
    const lead = await app.as('amara', 'lead');
    const form = await lead.page('/entries/new?title=gift+wrap&phrasing=gift+wrap');
    expect(form.html.querySelector('input[name="fromSearch"]')!.getAttribute('value')).toBe('gift wrap');
    const saved = await lead.form('/entries/new', {
      title: 'Can you gift-wrap my order?', kind: 'common', category: 'Orders', language: 'en', tags: '', phrasings: 'gift wrap',
      summary: '', solutionTitle: ['Add a gift note'], solutionBody: [''], alternativeTitle: [], alternativeBody: [],
      whatToSay: '', timeline: '', caveats: '', followUp: '', status: 'vetted', owner: '', reviewBy: '', why: '', baseRevision: '',
      fromSearch: 'gift wrap',
    });
    expect(saved.status).toBe(302);
    const { body } = await lead.json('/api/gaps');
    expect(body.gaps.map((g: any) => g.key)).toEqual(['parcel stuck']);
  });

  it('dismisses noise, and answers bad input with the field', async () => {
    const lead = await app.as('amara', 'lead');
    expect((await lead.json('/api/gaps/dismiss', { method: 'POST', body: { query: 'gift wrap' } })).status).toBe(204);
    expect((await lead.json('/api/gaps')).body.gaps.map((g: any) => g.key)).toEqual(['parcel stuck']);
    expect(await lead.json('/api/gaps/phrasing', { method: 'POST', body: { query: 'x', entry: 'nope' } })).toMatchObject({ status: 404, body: { field: 'entry' } });
    expect(await lead.json('/api/gaps/phrasing', { method: 'POST', body: { entry: 'late-parcel' } })).toMatchObject({ status: 400, body: { field: 'query' } });
  });

  it('is for leads only', async () => {
    const agent = await app.as('sam', 'agent');
    expect((await agent.json('/api/gaps')).status).toBe(403);
    expect((await agent.page('/gaps')).status).toBe(403);
    expect((await agent.json('/api/gaps/phrasing', { method: 'POST', body: { query: 'parcel stuck', entry: 'late-parcel' } })).status).toBe(403);
    expect(findEntry(db, 'late-parcel')!.revision).toBe(1);
  });
});
