import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import type { RunningApp } from '../support/app.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase, config: { readAccess: 'open' } }, (fresh) => ({ db, app } = fresh));

const lastLogged = () => db.prepare('SELECT * FROM search_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;

describe('the query log', () => {
  it('records a page search with its filters, count and time, then the entry opened from it', async () => {
    const { html } = await (await app.as('sam')).page('/search?q=parcel&category=Delivery');
    const logged = lastLogged();
    expect(logged).toMatchObject({ query: 'parcel', filters: '{"category":"Delivery"}', result_count: 1, source: 'page', user: 'sam', opened_entry_id: null });
    expect(typeof logged.took_ms).toBe('number');
    const link = html.querySelector('.result__title')!.getAttribute('href')!;
    expect(link).toBe(`/search/open/${logged.id}/late-parcel`);

    const opened = await (await app.as('sam')).fetch(link);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/entries/late-parcel');
    expect(lastLogged()).toMatchObject({ id: logged.id, opened_entry_id: 'late-parcel' });
  });

  it('keeps one row per typing session in the as-you-type box', async () => {
    const agent = await app.as('sam');
    await agent.page('/search?q=par&fragment=1');
    const first = lastLogged();
    await agent.page(`/search?q=parcel+late&fragment=1&session=${first.id}`);
    expect(lastLogged()).toMatchObject({ id: first.id, query: 'parcel late', source: 'as-you-type' });
  });

  it('records searches with no results, for the content-gap view', async () => {
    await (await app.as('sam')).json('/api/search?q=submarine');
    expect(lastLogged()).toMatchObject({ query: 'submarine', result_count: 0, source: 'api' });
  });

  it.each([
    ['/search/open/abc/late-parcel', 'logId'],
    ['/search/open/1/Not%20An%20Id', 'entryId'],
    ['/search?q=x&session=-1', 'session'],
  ])('answers %s with a 400 naming %s', async (path, field) => {
    const { status, body } = await app.json(path);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
  });
});
