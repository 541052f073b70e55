import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { startApp, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { sundayDelivery as newEntry } from '../support/entries.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

describe('who may do what', () => {
  const entryBody = async (client: Awaited<ReturnType<RunningApp['as']>>) => (await client.json('/api/entries/late-parcel')).body;

  it.each([
    ['agent', { create: 202, edit: 202, review: 403 }],
    ['lead', { create: 201, edit: 201, review: 404 }],
    ['admin', { create: 201, edit: 201, review: 404 }],
  ] as const)('%s', async (role, expected) => {
    const client = await app.as(`${role}-user`, role);
    const entry = await entryBody(client);
    expect((await client.json('/api/entries', { method: 'POST', body: newEntry(`new-${role}`) })).status).toBe(expected.create);
    expect(
      (await client.json('/api/entries/late-parcel/revisions', { method: 'POST', body: { ...entry, baseRevision: entry.revision, caveats: `by ${role}` } }))
        .status,
    ).toBe(expected.edit);
    // Nothing waits on charged-twice: leads get 404 (nothing to review), agents 403 before anything is looked at.
    expect((await client.json('/api/entries/charged-twice/review', { method: 'POST', body: { decision: 'approve' } })).status).toBe(expected.review);
  });

  it('anonymous (even with READ_ACCESS=open) can read vetted entries but change nothing', async () => {
    const open = await startApp(db, { readAccess: 'open' });
    const visitor = open.anonymous();
    expect((await visitor.json('/api/entries/late-parcel')).status).toBe(200);
    expect((await visitor.json('/api/entries/old-policy')).status).toBe(404);
    const before = findEntry(db, 'late-parcel')!.revision;
    expect((await visitor.json('/api/entries', { method: 'POST', body: newEntry('anon') })).status).toBe(401);
    expect((await visitor.json('/api/entries/late-parcel/revisions', { method: 'POST', body: { baseRevision: 1 } })).status).toBe(401);
    expect((await visitor.json('/api/entries/late-parcel/review', { method: 'POST', body: { decision: 'approve' } })).status).toBe(401);
    expect((await visitor.page('/entries/new')).status).toBe(302);
    expect(findEntry(db, 'anon')).toBeUndefined();
    expect(findEntry(db, 'late-parcel')!.revision).toBe(before);
    await open.close();
  });

  it('agents never see archived entries; leads do', async () => {
    const agent = await app.as('sam', 'agent');
    const lead = await app.as('amara', 'lead');
    expect((await agent.page('/entries/old-policy')).status).toBe(404);
    expect((await lead.page('/entries/old-policy')).status).toBe(200);
  });
});
