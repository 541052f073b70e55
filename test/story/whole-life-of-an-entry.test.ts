import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { startSeededApp, type RunningApp } from '../support/app.ts';

// The "done when" of the workflow issue, through the JSON API: a new agent proposes an entry, a
// lead approves it, it becomes searchable, an agent flags it, the lead fixes it, and its history
// shows all of it with diffs.
let db: Db;
let app: RunningApp;
beforeAll(async () => {
  ({ db, app } = await startSeededApp());
});
afterAll(() => app.close());

describe('the life of an entry, through the API', () => {
  it('propose → approve → search → flag → fix → history', async () => {
    const admin = await app.as('root', 'admin');
    const { body: created } = await admin.json('/api/users', { method: 'POST', body: { name: 'newagent', role: 'agent' } });
    const agent = app.anonymous();
    expect((await agent.json('/api/session', { method: 'POST', body: { name: 'newagent', password: created.password } })).status).toBe(201);

    const proposed = await agent.json('/api/entries', {
      method: 'POST',
      body: {
        id: 'gift-card-balance',
        title: 'How much is left on my gift card?',
        category: 'Billing and payments',
        phrasings: ['gift card balance', 'check my voucher balance'],
        solutions: [{ title: 'Read the balance from the card lookup', body: 'Ask for the 16-digit number.' }],
        alternatives: [{ title: 'Email a statement', body: 'Within 1 hour.' }, { title: 'Check at a till', body: 'Any shop.' }],
        timeline: 'At once.',
        why: 'Asked four times today',
      },
    });
    expect(proposed.status).toBe(202);

    const lead = await app.as('amara', 'lead');
    expect((await lead.json('/api/entries/gift-card-balance/review', { method: 'POST', body: { decision: 'approve' } })).body.state).toBe('approved');

    const found = await agent.json('/api/search?q=gift+card+balance');
    expect(found.body.results[0].id).toBe('gift-card-balance');

    const flag = await agent.json('/api/entries/gift-card-balance/flags', { method: 'POST', body: { reason: 'outdated', comment: 'Statements now take 24 hours' } });
    expect(flag.status).toBe(201);

    const { body: live } = await lead.json('/api/entries/gift-card-balance');
    const fixed = await lead.json('/api/entries/gift-card-balance/revisions', {
      method: 'POST',
      body: {
        ...live,
        baseRevision: live.revision,
        alternatives: [{ title: 'Email a statement', body: 'Within 24 hours.' }, live.alternatives[1]],
        why: 'Statements are slower now',
        resolvesFlags: [flag.body.id],
      },
    });
    expect(fixed).toMatchObject({ status: 201, body: { revision: 2 } });
    expect((await lead.json('/api/flags')).body.flags.map((f: { entryId: string }) => f.entryId)).not.toContain('gift-card-balance');

    const history = await agent.json('/api/entries/gift-card-balance/revisions');
    expect(history.body.revisions.map((r: { number: number; author: string; summary: string }) => [r.number, r.author, r.summary])).toEqual([
      [2, 'amara', 'Statements are slower now'],
      [1, 'newagent', 'Asked four times today (approved by amara)'],
    ]);
    const diff = await agent.json('/api/entries/gift-card-balance/diff?from=1&to=2');
    expect(diff.body.sections.map((s: { heading: string }) => s.heading)).toEqual(['Alternatives']);
    expect(diff.body.sections[0].html).toContain('Within <del>1</del><ins>24</ins> <del>hour</del><ins>hours</ins>');
    expect(db.prepare("SELECT state, fixed_in_revision FROM flags WHERE entry_id = 'gift-card-balance'").get()).toEqual({ state: 'resolved', fixed_in_revision: 2 });
  });
});
