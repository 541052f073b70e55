import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { Client } from '../support/app.ts';
import { countFlags, flagEntry } from '../support/flags.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { clientsByRole, EVERYONE, refusal, type Who } from '../support/roles.ts';

let db: Db;
let as: Record<Who, Client>;
// READ_ACCESS=login
freshAppForEachTest({ build: seedKnowledgeBase, signIn: clientsByRole }, (fresh) => ({ db, people: as } = fresh));

const flagCount = (state = 'open') => countFlags(db, state);
const flag = (entry: string, reason?: string, comment?: string) => flagEntry(as.agent, entry, reason, comment);
const flagStates = () => db.prepare('SELECT state, count(*) AS n FROM flags GROUP BY state ORDER BY state').all();
const flagState = (id: number) => db.prepare('SELECT state FROM flags WHERE id = ?').pluck().get(id);
/** A new revision of the entry through the API, based on its current one, with `changes`. */
async function reviseThroughApi(client: Client, entryId: string, changes: Record<string, unknown>) {
  const { revision, ...entry } = (await client.json(`/api/entries/${entryId}`)).body;
  return client.json(`/api/entries/${entryId}/revisions`, { method: 'POST', body: { ...entry, baseRevision: revision, ...changes } });
}

describe('the flags queue', () => {
  it('lists open flags by entry for leads, with a count in the header', async () => {
    const { id } = await flag('boat-delivery', 'missing_alternative', 'Marinas can hold parcels');
    const { status, html } = await as.lead.page('/flags');
    expect(status).toBe(200);
    const group = html.querySelector('#entry-boat-delivery')!;
    expect(group.querySelector('.flag-group__title')!.text).toBe('Deliver to my boat');
    expect(group.querySelector(`#flag-${id} .flag__comment`)!.text).toBe('“Marinas can hold parcels”');
    expect(group.querySelector('a.button')!.getAttribute('href')).toBe(`/entries/boat-delivery/edit?resolves=${id}`);
    const headerCount = html.querySelector('.site-nav a[href="/flags"] .count')!;
    expect(Number(headerCount.text)).toBe(flagCount());
  });

  it('resolves a flag with a note: it leaves the queue and the entry page', async () => {
    const { id } = await flag('boat-delivery', 'outdated');
    const done = await as.lead.form(`/flags/${id}/resolve`, { note: 'Updated the marina list' });
    expect(done.status).toBe(302);
    expect(done.location).toBe('/flags');
    const { html } = await as.lead.page('/flags');
    expect(html.querySelector(`#flag-${id}`)).toBeNull();
    const closed = html.querySelectorAll('.flags-closed .queue__item').map((li) => li.text);
    expect(closed.some((t) => t.includes('Updated the marina list') && t.includes('Resolved'))).toBe(true);
    const entry = await as.agent.page('/entries/boat-delivery');
    expect(entry.html.querySelectorAll('#flags li').map((li) => li.text).join()).not.toContain('Outdated');
  });

  it('dismisses only with a reason, keeping what was typed otherwise', async () => {
    const { id } = await flag('late-parcel', 'wrong', 'I think it is wrong');
    const refused = await as.lead.form(`/flags/${id}/dismiss`, { reason: '   ' });
    expect(refused.status).toBe(400);
    const item = refused.html.querySelector(`#flag-${id}`)!;
    expect(item.querySelectorAll('details.flag-action')[1]!.hasAttribute('open')).toBe(true);
    expect(item.querySelector('.field__error')!.text).toBe('say why the flag is dismissed');
    expect(flagState(id)).toBe('open');

    const done = await as.lead.form(`/flags/${id}/dismiss`, { reason: 'The entry is right: checked with billing' });
    expect(done.status).toBe(302);
    const row = db.prepare('SELECT state, closed_by, close_note FROM flags WHERE id = ?').get(id);
    expect(row).toEqual({ state: 'dismissed', closed_by: 'leo', close_note: 'The entry is right: checked with billing' });
    const { html } = await as.lead.page('/flags');
    expect(html.querySelector(`#flag-${id}`)).toBeNull();
  });

  it('does the same through the API, and refuses to close a flag twice', async () => {
    const { id } = await flag('late-parcel', 'unclear');
    const open = await as.lead.json('/api/flags');
    expect(open.body.flags.map((f: { id: number }) => f.id)).toContain(id);
    const missing = await as.lead.json(`/api/flags/${id}/dismiss`, { method: 'POST', body: {} });
    expect(missing).toEqual({ status: 400, body: { error: 'reason is required', field: 'reason' } });
    const resolved = await as.lead.json(`/api/flags/${id}/resolve`, { method: 'POST', body: { note: 'Rewrote step 2' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id, state: 'resolved', closedBy: 'leo', note: 'Rewrote step 2' });
    const again = await as.lead.json(`/api/flags/${id}/dismiss`, { method: 'POST', body: { reason: 'late' } });
    expect(again.status).toBe(409);
    const after = await as.lead.json('/api/flags');
    expect(after.body.flags.map((f: { id: number }) => f.id)).not.toContain(id);
    expect((await as.lead.json('/api/flags/999999/resolve', { method: 'POST', body: {} })).status).toBe(404);
  });
});

describe('resolving flags by editing the entry', () => {
  it('lets a lead tick the open flags an edit fixes; saving resolves them with the revision', async () => {
    const fixed = await flag('charged-twice', 'outdated', 'Five days, not three');
    const kept = await flag('charged-twice', 'unclear', 'Which card?');
    const editor = await as.lead.page(`/entries/charged-twice/edit?resolves=${fixed.id}`);
    const boxes = editor.html.querySelectorAll('input[name="resolvesFlag"]');
    expect(boxes.map((b) => [Number(b.getAttribute('value')), b.hasAttribute('checked')])).toEqual(
      expect.arrayContaining([[fixed.id, true], [kept.id, false]]),
    );
    // What the editor form posts, with one of the flags ticked.
    const stored = findEntry(db, 'charged-twice')!;
    const { entry } = stored;
    const fields = {
      baseRevision: String(stored.revision), title: entry.title, kind: entry.kind, category: entry.category,
      tags: entry.tags.join(', '), language: entry.language, status: entry.status, owner: entry.owner ?? '',
      reviewBy: entry.reviewBy ?? '', phrasings: entry.phrasings.join('\n'), summary: entry.summary,
      solutionTitle: entry.solutions.map((o) => o.title), solutionBody: entry.solutions.map((o) => o.body),
      alternativeTitle: entry.alternatives.map((o) => o.title), alternativeBody: entry.alternatives.map((o) => o.body),
      whatToSay: entry.whatToSay, timeline: 'Refunds show within 5 working days.', caveats: entry.caveats, followUp: entry.followUp,
      why: 'Refund time is five days now', action: 'save', resolvesFlag: String(fixed.id),
    };
    const refused = await as.lead.form('/entries/charged-twice/edit', { ...fields, title: '' });
    expect(refused.status).toBe(400);
    expect(refused.html.querySelector(`input[name="resolvesFlag"][value="${fixed.id}"]`)!.hasAttribute('checked')).toBe(true);
    expect(flagState(fixed.id)).toBe('open');
    const saved = await as.lead.form('/entries/charged-twice/edit', fields);
    expect(saved.status).toBe(302);
    const revision = findEntry(db, 'charged-twice')!.revision;
    const row = db.prepare('SELECT state, fixed_in_revision AS rev, close_note AS note FROM flags WHERE id = ?').get(fixed.id);
    expect(row).toEqual({ state: 'resolved', rev: revision, note: `Fixed in revision ${revision}` });
    expect(flagState(kept.id)).toBe('open');
  });

  it('does the same through POST /api/entries/:id/revisions with resolvesFlags', async () => {
    const { id } = await flag('boat-delivery', 'wrong');
    const saved = await reviseThroughApi(as.lead, 'boat-delivery', { summary: 'Now with marinas', why: 'Fix', resolvesFlags: [id] });
    expect(saved.status).toBe(201);
    expect(saved.body.resolvedFlags).toBe(1);
    expect(flagState(id)).toBe('resolved');
  });

  it("does not resolve anything with an agent's edit, which is only a proposal", async () => {
    const { id } = await flag('late-parcel', 'wrong');
    const proposed = await reviseThroughApi(as.agent, 'late-parcel', { summary: 'Agent idea', resolvesFlags: [id] });
    expect(proposed.status).toBe(202);
    expect(flagState(id)).toBe('open');
    const editor = await as.agent.page('/entries/late-parcel/edit');
    expect(editor.html.querySelector('input[name="resolvesFlag"]')).toBeNull();
  });
});

describe('who may work the flags queue (READ_ACCESS=login)', () => {
  const mayResolve: Who[] = ['lead', 'admin'];

  it.each(EVERYONE)('the queue, listing, resolving and dismissing, as %s', async (who) => {
    const { id } = await flag('late-parcel', 'wrong');
    const states = flagStates();
    const allowed = mayResolve.includes(who);
    expect((await as[who].json('/api/flags')).status).toBe(allowed ? 200 : refusal(who));
    const page = await as[who].page('/flags');
    expect(page.status).toBe(allowed ? 200 : who === 'anonymous' ? 302 : 403);
    if (!allowed) {
      expect((await as[who].json(`/api/flags/${id}/resolve`, { method: 'POST', body: { note: 'x' } })).status).toBe(refusal(who));
      expect((await as[who].json(`/api/flags/${id}/dismiss`, { method: 'POST', body: { reason: 'x' } })).status).toBe(refusal(who));
      const formPost = await as[who].form(`/flags/${id}/dismiss`, { reason: 'x' });
      expect(formPost.status).toBe(who === 'anonymous' ? 302 : 403);
      expect(flagStates()).toEqual(states);
    } else {
      expect((await as[who].json(`/api/flags/${id}/resolve`, { method: 'POST', body: {} })).status).toBe(200);
    }
  });
});
