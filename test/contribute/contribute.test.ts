import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { startApp, startSeededApp, type RunningApp } from '../support/app.ts';

let db: Db;
let app: RunningApp;
beforeEach(async () => {
  ({ db, app } = await startSeededApp());
  return () => app.close();
});

const newEntry = (id: string) => ({
  id,
  title: 'Customer wants delivery on a Sunday',
  category: 'Delivery',
  status: 'vetted',
  phrasings: ['deliver on sunday'],
  solutions: [{ title: 'Book a Saturday slot', body: 'Closest we can do.' }],
  alternatives: [{ title: 'Pickup locker', body: 'Open 7 days.' }, { title: 'Neighbour', body: 'Name a neighbour.' }],
});

describe('proposing a new entry', () => {
  it('an agent proposal waits for review and the entry is not live until a lead approves it', async () => {
    const agent = await app.as('sam', 'agent');
    const proposed = await agent.json('/api/entries', { method: 'POST', body: { ...newEntry('sunday-delivery'), why: 'Asked twice today' } });
    expect(proposed).toMatchObject({ status: 202, body: { id: 'sunday-delivery', state: 'pending' } });
    expect(findEntry(db, 'sunday-delivery')).toBeUndefined();
    expect((await agent.json('/api/proposals?mine')).body.proposals).toHaveLength(1);

    const lead = await app.as('amara', 'lead');
    const approved = await lead.json('/api/entries/sunday-delivery/review', { method: 'POST', body: { decision: 'approve' } });
    expect(approved).toMatchObject({ status: 200, body: { state: 'approved', revision: 1 } });
    const live = findEntry(db, 'sunday-delivery')!;
    expect(live.entry).toMatchObject({ status: 'vetted', owner: 'amara' });
    expect(live.createdBy).toBe('sam');
    expect(db.prepare('SELECT author, summary FROM revisions WHERE entry_id = ?').get('sunday-delivery')).toEqual({
      author: 'sam',
      summary: 'Asked twice today (approved by amara)',
    });
    const found = await agent.json('/api/search?q=sunday');
    expect(found.body.results.map((r: { id: string }) => r.id)).toContain('sunday-delivery');
  });

  it('a lead saves a new entry directly', async () => {
    const lead = await app.as('amara', 'lead');
    expect(await lead.json('/api/entries', { method: 'POST', body: newEntry('sunday-delivery') })).toMatchObject({
      status: 201,
      body: { id: 'sunday-delivery', revision: 1 },
    });
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ solutions: [] }, 'solutions'],
    [{ kind: 'weird' }, 'kind'],
    [{ id: 'Not A Slug' }, 'id'],
    [{ id: 'late-parcel' }, 'id'],
  ])('refuses %j naming the field', async (change, field) => {
    const agent = await app.as('sam', 'agent');
    const { status, body } = await agent.json('/api/entries', { method: 'POST', body: { ...newEntry('x-entry'), ...change } });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(body.field).toBe(field);
  });

  it('answers malformed JSON with a 400, not a crash', async () => {
    const agent = await app.as('sam', 'agent');
    const { status, body } = await agent.json('/api/entries', { method: 'POST', body: '{"title": ' });
    expect(status).toBe(400);
    expect(body.error).toMatch(/not valid JSON/);
  });
});

describe('editing an entry', () => {
  it('a stale base never overwrites: 409 with both versions, and nothing changes', async () => {
    const lead = await app.as('amara', 'lead');
    const { body: entry } = await lead.json('/api/entries/late-parcel');
    const first = await lead.json('/api/entries/late-parcel/revisions', {
      method: 'POST',
      body: { ...entry, baseRevision: 1, title: 'My parcel is very late' },
    });
    expect(first).toMatchObject({ status: 201, body: { revision: 2 } });

    const agent = await app.as('sam', 'agent');
    const stale = await agent.json('/api/entries/late-parcel/revisions', {
      method: 'POST',
      body: { ...entry, baseRevision: 1, summary: 'My better summary' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.field).toBe('baseRevision');
    expect(stale.body.current).toMatchObject({ revision: 2, title: 'My parcel is very late' });
    expect(stale.body.yours).toMatchObject({ summary: 'My better summary' });
    expect(findEntry(db, 'late-parcel')!.revision).toBe(2);
  });

  it("an agent's edit is a proposal; the vetted version stays live; changes requested, revised, then approved", async () => {
    const agent = await app.as('sam', 'agent');
    const { body: entry } = await agent.json('/api/entries/late-parcel');
    const proposed = await agent.json('/api/entries/late-parcel/revisions', {
      method: 'POST',
      body: { ...entry, baseRevision: entry.revision, timeline: 'New date within 1 working day.', why: 'Carrier is faster now' },
    });
    expect(proposed.status).toBe(202);
    expect(findEntry(db, 'late-parcel')!.entry.timeline).toBe('A new date within **2 working days**.');

    const lead = await app.as('amara', 'lead');
    const noComment = await lead.json('/api/entries/late-parcel/review', { method: 'POST', body: { decision: 'request_changes' } });
    expect(noComment).toMatchObject({ status: 400, body: { field: 'comment' } });
    await lead.json('/api/entries/late-parcel/review', { method: 'POST', body: { decision: 'request_changes', comment: 'Say which carrier' } });

    const drafts = await agent.page('/my/drafts');
    expect(drafts.html.querySelector('.queue__comment')!.text).toContain('Say which carrier');
    expect(drafts.html.querySelector('.badge--state-changes_requested')).not.toBeNull();

    const revised = await agent.json(`/api/proposals/${proposed.body.proposal}`, {
      method: 'POST',
      body: { ...entry, timeline: 'With DPD: a new date within 1 working day.', why: 'Named the carrier' },
    });
    expect(revised.status).toBe(200);
    const approved = await lead.json('/api/entries/late-parcel/review', { method: 'POST', body: { decision: 'approve' } });
    expect(approved.body).toMatchObject({ state: 'approved', revision: 2 });
    expect(findEntry(db, 'late-parcel')!.entry.timeline).toBe('With DPD: a new date within 1 working day.');
    expect(findEntry(db, 'late-parcel')!.entry.status).toBe('vetted');
  });

  it('a rejected proposal changes nothing and the author sees the reason', async () => {
    const agent = await app.as('sam', 'agent');
    const { body: entry } = await agent.json('/api/entries/late-parcel');
    await agent.json('/api/entries/late-parcel/revisions', { method: 'POST', body: { ...entry, baseRevision: 1, title: 'Whatever' } });
    const lead = await app.as('amara', 'lead');
    await lead.json('/api/entries/late-parcel/review', { method: 'POST', body: { decision: 'reject', comment: 'Title must be the customer’s words' } });
    expect(findEntry(db, 'late-parcel')!.entry.title).toBe('My parcel is late');
    const { body } = await agent.json('/api/proposals?mine');
    expect(body.proposals[0]).toMatchObject({ state: 'rejected' });
    expect(body.proposals[0].events.at(-1)).toMatchObject({ decision: 'reject', comment: 'Title must be the customer’s words' });
  });
});

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
