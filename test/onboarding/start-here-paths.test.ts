import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { findPath } from '../../server/onboarding/onboarding-queries.ts';
import { startSeededApp, type Client, type RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { makeEntry } from '../support/entries.ts';
import { saveFirstWeek } from '../support/paths.ts';
import { clientsByRole, refusal, type Who } from '../support/roles.ts';

let db: Db;
let as: Record<Who, Client>;
let bea: Client;
function build(db: Db) {
  seedKnowledgeBase(db);
  saveFirstWeek(db, [
    ['guide', 'setting-expectations', 'Promise what you can keep.'],
    ['entry', 'late-parcel', 'The most common call.'],
    ['entry', 'old-policy', 'Archived: nobody but leads sees it.'],
    ['entry', 'charged-twice', 'Money worries.'],
  ]);
}
const signIn = async (app: RunningApp) => ({ ...(await clientsByRole(app)), bea: await app.as('bea', 'agent') });
freshAppForEachTest({ build, signIn }, (fresh) => {
  db = fresh.db;
  ({ bea, ...as } = fresh.people);
});

const onboarding = async (client: Client) => (await client.json('/api/onboarding')).body;
const markDone = (client: Client, body: unknown) => client.json('/api/onboarding/done', { method: 'POST', body });
/** What agnes, the agent, has done in the tests of her progress below: one item of three. */
const agnesReadLateParcel = async () => expect((await markDone(as.agent, { kind: 'entry', id: 'late-parcel' })).status).toBe(200);
const itemsOnPage = async (client: Client) => {
  const { html } = await client.page('/start');
  return html.querySelectorAll('#path-first-week .start-item').map((li) => ({
    title: li.querySelector('.start-item__title')!.text,
    done: li.classList.contains('start-item--done'),
    button: li.querySelector('button')!.text.trim(),
  }));
};

describe('a new hire’s path with progress', () => {
  it('GET /api/onboarding answers exactly the contract, with only the items this person may open', async () => {
    expect(await onboarding(as.agent)).toEqual({
      paths: [{
        id: 'first-week',
        title: 'Your first week',
        items: [
          { kind: 'guide', id: 'setting-expectations', title: 'Setting expectations', done: false },
          { kind: 'entry', id: 'late-parcel', title: 'My parcel is late', done: false },
          { kind: 'entry', id: 'charged-twice', title: 'I was charged twice', done: false },
        ],
      }],
    });
    expect((await onboarding(as.lead)).paths[0].items.map((i: { id: string }) => i.id)).toContain('old-policy');
    expect((await as.anonymous.json('/api/onboarding')).status).toBe(401);
  });

  it('an item marked done by one agent is done for that agent only (API and page)', async () => {
    const { status, body } = await markDone(as.agent, { kind: 'entry', id: 'late-parcel' });
    expect(status).toBe(200);
    expect(body).toEqual({ kind: 'entry', id: 'late-parcel', title: 'My parcel is late', done: true });
    expect((await onboarding(as.agent)).paths[0].items.map((i: { done: boolean }) => i.done)).toEqual([false, true, false]);
    expect((await onboarding(bea)).paths[0].items.map((i: { done: boolean }) => i.done)).toEqual([false, false, false]);

    expect(await itemsOnPage(as.agent)).toEqual([
      { title: 'Setting expectations', done: false, button: 'Mark as done' },
      { title: 'My parcel is late', done: true, button: 'Undo' },
      { title: 'I was charged twice', done: false, button: 'Mark as done' },
    ]);
    const { html } = await as.agent.page('/start');
    expect(html.querySelector('#path-first-week .start-path__progress')!.text).toBe('1 of 3 done');
    expect((await bea.page('/start')).html.querySelector('#path-first-week .start-path__progress')!.text).toBe('0 of 3 done');
  });

  it('the "Mark as done" form works without JavaScript, and Undo takes it back', async () => {
    const done = await bea.form('/start/done', { kind: 'guide', id: 'setting-expectations' });
    expect(done.status).toBe(302);
    expect(done.location).toBe('/start#item-guide-setting-expectations');
    expect((await itemsOnPage(bea))[0]).toEqual({ title: 'Setting expectations', done: true, button: 'Undo' });
    expect((await itemsOnPage(as.agent))[0]!.done).toBe(false);
    await bea.form('/start/done', { kind: 'guide', id: 'setting-expectations', done: 'false' });
    expect((await itemsOnPage(bea))[0]!.done).toBe(false);
  });

  it('refuses bad items with a message naming the field, and changes nothing', async () => {
    const before = await onboarding(as.agent);
    expect(await markDone(as.agent, { kind: 'video', id: 'late-parcel' })).toEqual({ status: 400, body: { error: 'kind must be entry or guide', field: 'kind' } });
    expect(await markDone(as.agent, { kind: 'entry' })).toEqual({ status: 400, body: { error: 'id is required', field: 'id' } });
    expect(await markDone(as.agent, { kind: 'entry', id: 'no-such-entry' })).toEqual({ status: 404, body: { error: 'No such entry: no-such-entry', field: 'id' } });
    expect(await markDone(as.agent, { kind: 'entry', id: 'old-policy' })).toMatchObject({ status: 404, body: { field: 'id' } });
    expect(await markDone(as.agent, { kind: 'entry', id: 'boat-delivery' })).toEqual({
      status: 400, body: { error: '“Deliver to my boat” is on no Start here path, so there is nothing to mark', field: 'id' },
    });
    expect((await markDone(as.anonymous, { kind: 'entry', id: 'late-parcel' })).status).toBe(401);
    expect(await onboarding(as.agent)).toEqual(before);
    const page = await as.agent.form('/start/done', { kind: 'entry', id: 'boat-delivery' });
    expect(page.status).toBe(400);
    expect(page.html.querySelector('.form-error')!.text).toContain('is on no Start here path');
  });
});

describe('new and changed since you last looked', () => {
  it('lists entries read at an older revision and new entries, until the person marks them seen', async () => {
    expect((await bea.page('/entries/late-parcel')).status).toBe(200);
    expect((await bea.json('/api/onboarding/changes')).body).toEqual({ changed: [], created: [] });

    const read = findEntry(db, 'late-parcel')!;
    saveEntry(db, { ...read.entry, summary: 'Use when the promised date has passed by a day or more.' }, { author: 'leo', summary: 'Clearer summary' });
    saveEntry(db, makeEntry({ id: 'parcel-to-locker', title: 'Deliver to a parcel locker' }), { author: 'leo', summary: 'New' });

    const { body } = await bea.json('/api/onboarding/changes');
    expect(body.changed.map((e: { id: string; readRevision: number; revision: number }) => [e.id, e.readRevision, e.revision]))
      .toEqual([['late-parcel', read.revision, read.revision + 1]]);
    expect(body.created.map((e: { id: string }) => e.id)).toEqual(['parcel-to-locker']);
    const { html } = await bea.page('/start');
    expect(html.querySelectorAll('#changes a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
      ['My parcel is late', `/entries/late-parcel/diff?from=${read.revision}&to=${read.revision + 1}`],
      ['Deliver to a parcel locker', '/entries/parcel-to-locker'],
    ]);
    // Someone who never read the entry sees no change to it.
    expect((await as.agent.json('/api/onboarding/changes')).body.changed).toEqual([]);

    await bea.form('/start/seen', {});
    expect((await bea.json('/api/onboarding/changes')).body).toEqual({ changed: [], created: [] });
    expect((await bea.page('/start')).html.querySelector('#changes')).toBeNull();
  });
});

describe('leads curate the paths', () => {
  /** Sends the editor form as a browser would: every field as the page shows it, changed by `change`, and the button pressed. */
  async function press(action: string, change: Record<string, string | string[]> = {}) {
    const { html } = await as.lead.page('/start/paths/billing-basics');
    const value = (selector: string) => html.querySelectorAll(selector).map((input) => input.getAttribute('value') ?? '');
    const fields = { title: value('input[name=title]')[0]!, summary: value('input[name=summary]')[0]!, why: value('input[name=why]'), ...change };
    return as.lead.form('/start/paths/billing-basics', { ...fields, action });
  }

  it('creates, fills, reorders, renames and deletes a path through the pages, and keeps typed text on refusal', async () => {
    const empty = await as.lead.form('/start/paths', { title: '  ', summary: 'For the billing team' });
    expect(empty.status).toBe(400);
    expect(empty.html.querySelector('#title-error')!.text).toBe('title is required');
    expect(empty.html.querySelector('input[name=summary]')!.getAttribute('value')).toBe('For the billing team');

    const created = await as.lead.form('/start/paths', { title: 'Billing basics', summary: 'For the billing team' });
    expect(created.location).toBe('/start/paths/billing-basics');
    for (const item of ['entry:charged-twice', 'guide:handling-a-complaint', 'entry:late-parcel']) {
      expect((await press('add', { item, addWhy: `Because of ${item}` })).status).toBe(302);
    }
    const unknown = await press('add', { item: 'entry:nope', addWhy: 'Typed why', why: ['One', 'Two', 'Three'] });
    expect(unknown.status).toBe(400);
    expect(unknown.html.querySelector('#add .form-error')!.text).toContain('No entry has the id “nope”');
    expect(unknown.html.querySelector('#add input[name=addWhy]')!.getAttribute('value')).toBe('Typed why');
    expect(unknown.html.querySelectorAll('input[name=why]').map((i) => i.getAttribute('value'))).toEqual(['One', 'Two', 'Three']);
    expect(findPath(db, 'billing-basics')!.items.map((i) => i.why)).toEqual([
      'Because of entry:charged-twice', 'Because of guide:handling-a-complaint', 'Because of entry:late-parcel',
    ]);
    const twice = await press('add', { item: 'entry:late-parcel' });
    expect(twice.html.querySelector('#add .form-error')!.text).toContain('already on this path');

    // A why too long, sent with a removal: nothing is removed, everything typed comes back.
    const long = 'x'.repeat(201);
    const tooLong = await press('remove:1', { why: ['First', long, 'Third'], title: 'Billing, renamed' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html.querySelector('#why-2-error')!.text).toContain('why must be one line of at most 200 characters');
    expect(tooLong.html.querySelectorAll('input[name=why]').map((i) => i.getAttribute('value'))).toEqual(['First', long, 'Third']);
    expect(tooLong.html.querySelector('input[name=title]')!.getAttribute('value')).toBe('Billing, renamed');
    expect(findPath(db, 'billing-basics')!.items).toHaveLength(3);

    // Every button saves what was typed first, then acts.
    await press('up:3', { why: ['Money first', 'Complaints', 'Read it before your first delivery call'] });
    await press('remove:1');
    await press('save', { title: 'Billing and delivery basics', summary: '' });
    expect(findPath(db, 'billing-basics')).toEqual({
      id: 'billing-basics',
      title: 'Billing and delivery basics',
      summary: '',
      order: 2,
      items: [
        { kind: 'entry', id: 'late-parcel', why: 'Read it before your first delivery call' },
        { kind: 'guide', id: 'handling-a-complaint', why: 'Complaints' },
      ],
    });
    const editor = await as.lead.page('/start/paths/billing-basics');
    expect(editor.html.querySelectorAll('.path-item__title').map((a) => a.text)).toEqual(['My parcel is late', 'Handling a complaint']);
    expect(editor.html.querySelector('#item-1 button[value="up:1"]')!.hasAttribute('disabled')).toBe(true);
    // The form's first button, the one Enter presses, is Save.
    expect(editor.html.querySelector('form.path-editor button')!.getAttribute('value')).toBe('save');

    // Someone else changed the path meanwhile: refused, typed text kept.
    const stale = await press('save', { why: ['Only one why'] });
    expect(stale.status).toBe(409);
    expect(stale.html.querySelector('.form-error')!.text).toContain('changed this path meanwhile');
    expect(stale.html.querySelector('input[name=why]')!.getAttribute('value')).toBe('Only one why');

    expect((await as.lead.form('/start/paths/billing-basics/delete', {})).location).toBe('/start/paths');
    expect(findPath(db, 'billing-basics')).toBeUndefined();
  });

  it('has JSON twins with the same rules, and only leads and admins may curate', async () => {
    const created = await as.admin.json('/api/onboarding/paths', { method: 'POST', body: { title: 'Returns week' } });
    expect(created).toEqual({ status: 201, body: { id: 'returns-week', title: 'Returns week', summary: '', order: 2, items: [] } });
    const added = await as.admin.json('/api/onboarding/paths/returns-week/items', { method: 'POST', body: { kind: 'entry', id: 'late-parcel', why: 'Start here' } });
    expect(added.body.items).toEqual([{ kind: 'entry', id: 'late-parcel', why: 'Start here' }]);
    expect(await as.admin.json('/api/onboarding/paths/returns-week/items', { method: 'POST', body: { kind: 'entry', id: 'old-policy' } }))
      .toMatchObject({ status: 400, body: { field: 'id' } });
    expect(await as.admin.json('/api/onboarding/paths/returns-week/items', { method: 'POST', body: { kind: 'guide', id: 'setting-expectations', why: 'one\ntwo' } }))
      .toEqual({ status: 400, body: { error: 'why must be one line', field: 'why' } });
    expect(await as.admin.json('/api/onboarding/paths/returns-week/items/1/move', { method: 'POST', body: { direction: 'sideways' } }))
      .toEqual({ status: 400, body: { error: 'direction must be up or down', field: 'direction' } });
    expect((await as.admin.json('/api/onboarding/paths/returns-week/items/9', { method: 'DELETE' })).status).toBe(404);
    expect((await as.admin.json('/api/onboarding/paths/returns-week', { method: 'POST', body: { title: '' } })).body).toEqual({ error: 'title is required', field: 'title' });
    expect((await as.admin.json('/api/onboarding/paths/returns-week', { method: 'DELETE' })).status).toBe(204);

    for (const who of ['anonymous', 'agent'] as const) {
      expect((await as[who].json('/api/onboarding/paths', { method: 'POST', body: { title: 'Mine' } })).status).toBe(refusal(who));
      expect((await as[who].json('/api/onboarding/progress')).status).toBe(refusal(who));
    }
    expect((await as.agent.page('/start/paths')).status).toBe(403);
    expect((await as.agent.form('/start/paths', { title: 'Mine' })).status).toBe(403);
  });

  it('see each person’s progress: people × paths, and one person’s items', async () => {
    await agnesReadLateParcel();
    const { body } = await as.lead.json('/api/onboarding/progress');
    const agnes = body.people.find((p: { name: string }) => p.name === 'agnes');
    expect(agnes).toEqual({ name: 'agnes', role: 'agent', paths: [{ id: 'first-week', title: 'Your first week', done: 1, total: 3 }] });
    const { html } = await as.lead.page('/start/progress');
    const row = html.querySelectorAll('.progress-table tbody tr').find((tr) => tr.querySelector('th a')!.text === 'agnes')!;
    expect(row.querySelector('.progress-table__count')!.text).toBe('1 / 3');
    const detail = await as.lead.page('/start/progress/agnes');
    expect(detail.html.querySelectorAll('.start-item').map((li) => [li.querySelector('.start-item__title')!.text, li.querySelector('.start-item__state')!.text]))
      .toEqual([['Setting expectations', 'Not done'], ['My parcel is late', 'Done'], ['I was charged twice', 'Not done']]);
    expect((await as.lead.json('/api/onboarding/progress/agnes')).body.paths[0].items[1]).toEqual({ kind: 'entry', id: 'late-parcel', title: 'My parcel is late', done: true });
    expect((await as.lead.page('/start/progress/nobody')).status).toBe(404);
  });
});

describe('Start here in the header and on the home page', () => {
  it('links to the paths, shows progress on the home page, and keeps the guides one click away', async () => {
    await agnesReadLateParcel();
    const { html } = await as.agent.page('/');
    expect(html.querySelector('.site-nav a[href="/start"]')!.text).toBe('Start here');
    expect(html.querySelector('.start-summary__count')!.text).toMatch(/^1 of 3 done · next: Setting expectations$/);
    expect(html.querySelector('.start-summary__more a[href="/guides"]')).not.toBeNull();
    expect((await as.agent.page('/start')).html.querySelector('.start-links a[href="/guides"]')).not.toBeNull();
  });
});

describe('Start here for visitors when READ_ACCESS=open', () => {
  it('shows the paths without progress or buttons, and a way to sign in', async () => {
    const open = await startSeededApp({ readAccess: 'open' });
    try {
      saveFirstWeek(open.db, [['guide', 'setting-expectations', 'Promise what you can keep.'], ['entry', 'old-policy', 'Archived']]);
      const { status, html } = await open.app.anonymous().page('/start');
      expect(status).toBe(200);
      expect(html.querySelectorAll('.start-item__title').map((a) => a.text)).toEqual(['Setting expectations']);
      expect(html.querySelector('.start-item form')).toBeNull();
      expect(html.querySelector('progress')).toBeNull();
      expect(html.querySelector('.start-signin a')!.getAttribute('href')).toBe('/login?next=/start');
    } finally {
      await open.app.close();
    }
  });
});
