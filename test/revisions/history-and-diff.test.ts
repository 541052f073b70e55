import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { startApp, type Client, type RunningApp } from '../support/app.ts';
import { saveLateParcelThreeTimes } from './several-saves.ts';

let app: RunningApp;
let agent: Client;
let lead: Client;
beforeAll(async () => {
  const db = freshDatabase();
  seedKnowledgeBase(db);
  saveLateParcelThreeTimes(db);
  app = await startApp(db, { readAccess: 'login' });
  agent = await app.as('ada', 'agent');
  lead = await app.as('lena', 'lead');
});
afterAll(() => app.close());

type Page = Awaited<ReturnType<Client['page']>>['html'];
const texts = (html: Page, selector: string) => html.querySelectorAll(selector).map((el) => el.text.trim());
/** Each changed section's heading with its kind of change, e.g. "Timeline: changed". */
const changes = (html: Page) =>
  html.querySelectorAll('.diff-section h3').map((h) => `${h.childNodes[0]!.text.trim()}: ${h.querySelector('.diff-change')!.text}`);

describe('history page', () => {
  it('lists every revision newest first: number, who, why', async () => {
    const { status, html } = await agent.page('/entries/late-parcel/history');
    expect(status).toBe(200);
    expect(html.querySelectorAll('.history__item').map((li) => li.getAttribute('data-revision'))).toEqual(['4', '3', '2', '1']);
    expect(texts(html, '.history__number')).toEqual(['4', '3', '2', '1']);
    expect(texts(html, '.history__author')).toEqual(['omar', 'lena', 'lena', 'amara']);
    expect(texts(html, '.history__summary')[0]).toMatch(/^Add a voucher/);
    expect(texts(html, '.history__summary')[3]).toBe('First version');
    expect(html.querySelector('.history__item--current')!.getAttribute('data-revision')).toBe('4');
    expect(html.querySelectorAll('.history time')).toHaveLength(4);
  });

  it('offers to compare any two, starting with the latest change', async () => {
    const { html } = await agent.page('/entries/late-parcel/history');
    const form = html.querySelector('form#compare')!;
    expect(form.getAttribute('action')).toBe('/entries/late-parcel/diff');
    expect(form.getAttribute('method')).toBe('get');
    expect(html.querySelectorAll('input[type=radio][name=from][form=compare]')).toHaveLength(4);
    expect(html.querySelectorAll('input[type=radio][name=to][form=compare]')).toHaveLength(4);
    expect(html.querySelector('input[name=from][checked]')!.getAttribute('value')).toBe('3');
    expect(html.querySelector('input[name=to][checked]')!.getAttribute('value')).toBe('4');
    expect(html.querySelectorAll('.history__changes').map((a) => a.getAttribute('href'))).toEqual([
      '/entries/late-parcel/diff?to=4',
      '/entries/late-parcel/diff?to=3',
      '/entries/late-parcel/diff?to=2',
      '/entries/late-parcel/diff?to=1',
    ]);
  });

  it('shows Restore buttons on older revisions to leads only', async () => {
    const forAgent = await agent.page('/entries/late-parcel/history');
    expect(forAgent.html.querySelectorAll('form[action$="/restore"]')).toHaveLength(0);
    const forLead = await lead.page('/entries/late-parcel/history');
    const actions = forLead.html.querySelectorAll('form[action$="/restore"]').map((f) => f.getAttribute('action'));
    expect(actions).toEqual([
      '/entries/late-parcel/revisions/3/restore',
      '/entries/late-parcel/revisions/2/restore',
      '/entries/late-parcel/revisions/1/restore',
    ]);
    const form = forLead.html.querySelector('form[action$="/revisions/1/restore"]')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.querySelector('input[name=_csrf]')!.getAttribute('value')).toBe(lead.csrfToken);
    expect(form.querySelector('button')!.text.trim()).toBe('Restore this revision');
  });

  it('is linked from the entry page', async () => {
    const { html } = await agent.page('/entries/late-parcel');
    expect(html.querySelector('.facts a.entry__history')!.getAttribute('href')).toBe('/entries/late-parcel/history');
  });

  it('follows the entry page on who may see it', async () => {
    expect((await agent.page('/entries/old-policy/history')).status).toBe(404);
    expect((await agent.page('/entries/no-such-entry/history')).status).toBe(404);
    expect((await lead.page('/entries/old-policy/history')).status).toBe(200);
    const anonymous = await app.anonymous().page('/entries/late-parcel/history');
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe('diff page', () => {
  it('shows only the sections that changed between two chosen revisions', async () => {
    const { status, html } = await agent.page('/entries/late-parcel/diff?from=2&to=3');
    expect(status).toBe(200);
    expect(changes(html)).toEqual(['Timeline: changed']);
    const diff = html.querySelector('.diff-section .diff')!;
    expect(diff.querySelector('ins')!.text).toContain('3');
    expect(diff.querySelector('del')!.text).toContain('2');
    expect(html.querySelector('select[name=from] option[selected]')!.getAttribute('value')).toBe('2');
    expect(html.querySelector('select[name=to] option[selected]')!.getAttribute('value')).toBe('3');
  });

  it('compares the previous revision with the latest by default', async () => {
    const { html } = await agent.page('/entries/late-parcel/diff');
    expect(texts(html, '.compare-bar__revision')).toEqual(['Revision 3', 'Revision 4 Live']);
    expect(changes(html)).toEqual(['Alternatives: added']);
    expect(html.querySelector('.diff-section ins')!.text).toContain('Send a voucher');
  });

  it('compares across several revisions, in page order, and in either direction', async () => {
    const forward = await agent.page('/entries/late-parcel/diff?from=1&to=4');
    expect(changes(forward.html)).toEqual(['Alternatives: added', 'What to say: changed', 'Timeline: changed']);
    const backward = await agent.page('/entries/late-parcel/diff?from=4&to=1');
    expect(changes(backward.html)).toEqual(['Alternatives: removed', 'What to say: changed', 'Timeline: changed']);
    expect(backward.html.querySelector('.diff-section del')!.text).toContain('Send a voucher');
  });

  it('shows the first revision against nothing, and says when two revisions are the same', async () => {
    const first = await agent.page('/entries/late-parcel/diff?to=1');
    expect(texts(first.html, '.compare-bar__revision')[0]).toBe('Nothing yet');
    expect(changes(first.html)).toContain('Title: added');
    const same = await agent.page('/entries/late-parcel/diff?from=2&to=2');
    expect(same.html.querySelectorAll('.diff-section')).toHaveLength(0);
    expect(same.html.querySelector('.diff-panel .empty')).not.toBeNull();
  });

  it('offers a lead to undo the changes shown by restoring the older revision', async () => {
    const forLead = await lead.page('/entries/late-parcel/diff?from=2&to=4');
    expect(forLead.html.querySelector('form.diff-restore')!.getAttribute('action')).toBe('/entries/late-parcel/revisions/2/restore');
    expect((await lead.page('/entries/late-parcel/diff?from=2&to=3')).html.querySelector('form.diff-restore')).toBeNull();
    expect((await agent.page('/entries/late-parcel/diff?from=2&to=4')).html.querySelector('form.diff-restore')).toBeNull();
  });

  it.each([
    ['from=abc', 400, /^from must be a revision number/],
    ['to=0', 400, /^to must be a revision number/],
    ['from=1&from=2', 400, /^from must be a revision number/],
    ['from=1.5', 400, /^from must be a revision number/],
    ['from=99', 404, /^from asks for revision 99, but this entry has revisions 1 to 4/],
    ['to=7', 404, /^to asks for revision 7/],
  ])('answers ?%s with a clear %i page naming the parameter', async (query, status, message) => {
    const page = await agent.page(`/entries/late-parcel/diff?${query}`);
    expect(page.status).toBe(status);
    expect(page.html.querySelector('h1')!.text).toMatch(message);
  });

  it('follows the entry page on who may see it', async () => {
    expect((await agent.page('/entries/old-policy/diff')).status).toBe(404);
    expect((await lead.page('/entries/old-policy/diff')).status).toBe(200);
  });
});

describe('JSON twins', () => {
  it('GET /api/entries/:id/revisions lists them newest first', async () => {
    const { status, body } = await agent.json('/api/entries/late-parcel/revisions');
    expect(status).toBe(200);
    expect(body.id).toBe('late-parcel');
    expect(body.current).toBe(4);
    expect(body.revisions.map((r: any) => r.number)).toEqual([4, 3, 2, 1]);
    expect(body.revisions[3]).toEqual({
      number: 1,
      author: 'amara',
      summary: 'First version',
      createdAt: expect.any(String),
      url: '/api/entries/late-parcel/revisions/1',
    });
  });

  it('GET /api/entries/:id/revisions/:n gives the whole entry as it was', async () => {
    const { status, body } = await agent.json('/api/entries/late-parcel/revisions/1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ number: 1, author: 'amara', summary: 'First version' });
    expect(body.entry.id).toBe('late-parcel');
    expect(body.entry.whatToSay).toContain('warehouse');
    expect(body.entry.alternatives).toHaveLength(2);
  });

  it('GET /api/entries/:id/diff gives the changed sections with html, added and removed', async () => {
    const { status, body } = await agent.json('/api/entries/late-parcel/diff?from=2&to=3');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'late-parcel', from: 2, to: 3 });
    expect(body.sections).toHaveLength(1);
    expect(body.sections[0]).toMatchObject({ heading: 'Timeline', added: expect.any(Number), removed: expect.any(Number) });
    expect(body.sections[0].added).toBeGreaterThan(0);
    expect(body.sections[0].html).toMatch(/<del>2<\/del><ins>3<\/ins>|<ins>3<\/ins>/);
    expect((await agent.json('/api/entries/late-parcel/diff')).body).toMatchObject({ from: 3, to: 4 });
    expect((await agent.json('/api/entries/late-parcel/diff?to=1')).body.from).toBeNull();
  });

  it.each([
    ['/api/entries/late-parcel/diff?from=x', 400, 'from'],
    ['/api/entries/late-parcel/diff?to=-1', 400, 'to'],
    ['/api/entries/late-parcel/diff?from=12', 404, 'from'],
    ['/api/entries/late-parcel/diff?to=5', 404, 'to'],
    ['/api/entries/late-parcel/revisions/zero', 400, 'revision'],
    ['/api/entries/late-parcel/revisions/0', 400, 'revision'],
    ['/api/entries/late-parcel/revisions/9', 404, 'revision'],
  ])('GET %s → %i naming %s', async (path, status, field) => {
    const { status: got, body } = await agent.json(path);
    expect(got).toBe(status);
    expect(body.field).toBe(field);
    expect(body.error).toMatch(new RegExp(`^${field} `));
  });

  it('hides what the entry page hides', async () => {
    for (const path of ['/api/entries/old-policy/revisions', '/api/entries/old-policy/revisions/1', '/api/entries/old-policy/diff']) {
      expect((await agent.json(path)).status, path).toBe(404);
      expect((await lead.json(path)).status, path).toBe(200);
    }
    expect((await agent.json('/api/entries/nope/revisions')).body).toEqual({ error: 'No such entry' });
    expect((await app.anonymous().json('/api/entries/late-parcel/revisions')).status).toBe(401);
  });
});
