import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { sundayDelivery as newEntry } from '../support/entries.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

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
