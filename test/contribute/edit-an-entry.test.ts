import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

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
