import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

const filledForm = {
  title: 'Can you gift-wrap my order?',
  kind: 'unusual',
  category: 'Orders',
  language: 'en',
  tags: 'gift, wrapping',
  phrasings: 'gift wrap\nwrap it as a present',
  summary: 'When a customer asks for gift wrapping.',
  solutionTitle: ['Add a gift note'],
  solutionBody: ['Free on every order.'],
  alternativeTitle: ['Gift bag', ''],
  alternativeBody: ['Sold at checkout.', ''],
  whatToSay: '"We can add a note."',
  timeline: 'Same day.',
  caveats: 'No wrapping paper.',
  followUp: 'None.',
  why: 'Asked often in December',
};

const values = (html: Awaited<ReturnType<RunningApp['page']>>['html'], selector: string) =>
  html.querySelectorAll(selector).map((el) => el.getAttribute('value') ?? el.text);

describe('the entry editor', () => {
  it('keeps everything typed and names each problem when the form is incomplete', async () => {
    const agent = await app.as('sam', 'agent');
    const { status, html } = await agent.form('/entries/new', { ...filledForm, title: '', solutionTitle: [''], solutionBody: ['Only a body'] });
    expect(status).toBe(400);
    expect(html.querySelector('.form-error')!.text).toMatch(/Everything you typed is still here/);
    expect(html.querySelector('input[name="title"]')!.parentNode!.querySelector('.field__error')!.text).toBe('title is required');
    expect(html.querySelector('.editor-option--invalid .field__error')!.text).toMatch(/option title is required/);
    expect(html.querySelector('textarea[name="phrasings"]')!.text).toBe('gift wrap\nwrap it as a present');
    expect(values(html, 'textarea[name="solutionBody"]')).toEqual(['Only a body']);
    expect(html.querySelector('input[name="why"]')!.getAttribute('value')).toBe('Asked often in December');
  });

  it('adds, moves and removes options without losing text', async () => {
    const agent = await app.as('sam', 'agent');
    const added = await agent.form('/entries/new', { ...filledForm, action: 'add:solutions' });
    expect(values(added.html, 'input[name="solutionTitle"]')).toEqual(['Add a gift note', '']);
    const moved = await agent.form('/entries/new', { ...filledForm, alternativeTitle: ['Gift bag', 'Card'], alternativeBody: ['a', 'b'], action: 'down:alternatives:0' });
    expect(values(moved.html, 'input[name="alternativeTitle"]')).toEqual(['Card', 'Gift bag']);
    expect(values(moved.html, 'textarea[name="alternativeBody"]')).toEqual(['b', 'a']);
    const removed = await agent.form('/entries/new', { ...filledForm, action: 'remove:alternatives:0' });
    expect(values(removed.html, 'input[name="alternativeTitle"]')).toEqual(['']);
  });

  it('previews the entry as it will look, without saving', async () => {
    const agent = await app.as('sam', 'agent');
    const { html } = await agent.form('/entries/new', { ...filledForm, action: 'preview' });
    expect(html.querySelector('.preview__title')!.text).toBe('Can you gift-wrap my order?');
    expect(html.querySelectorAll('.preview .option__title').map((o) => o.text)).toEqual(['Add a gift note', 'Gift bag']);
    expect(findEntry(db, 'can-you-gift-wrap-my-order')).toBeUndefined();
  });

  it("sends an agent's new entry to review and shows it in My drafts", async () => {
    const agent = await app.as('sam', 'agent');
    const sent = await agent.form('/entries/new', filledForm);
    expect(sent).toMatchObject({ status: 302, location: '/my/drafts' });
    const drafts = await agent.page('/my/drafts');
    expect(drafts.html.querySelector('.flash')!.text).toMatch(/Sent for review/);
    expect(drafts.html.querySelector('.queue__title')!.text).toBe('Can you gift-wrap my order?');
    const lead = await app.as('amara', 'lead');
    const queue = await lead.page('/review');
    expect(queue.html.querySelector('.queue__title')!.text).toBe('Can you gift-wrap my order?');
    expect(queue.html.querySelector('a[href="/review"] .count')!.text).toBe('1');
  });

  it('shows both versions on a conflicting edit and keeps what the person typed', async () => {
    const lead = await app.as('amara', 'lead');
    const form = await lead.page('/entries/late-parcel/edit');
    const base = form.html.querySelector('input[name="baseRevision"]')!.getAttribute('value');
    expect(base).toBe('1');
    const { body: entry } = await lead.json('/api/entries/late-parcel');
    await lead.json('/api/entries/late-parcel/revisions', { method: 'POST', body: { ...entry, baseRevision: 1, caveats: 'Someone else was faster.' } });

    const fields = {
      title: 'My parcel is late', kind: 'common', category: 'Delivery', language: 'en', tags: 'shipping', phrasings: '',
      summary: 'Mine.', solutionTitle: ['Trace the parcel'], solutionBody: ['x'], alternativeTitle: [], alternativeBody: [],
      whatToSay: '', timeline: 'My timeline', caveats: '', followUp: '', status: 'vetted', owner: 'amara', reviewBy: '2027-03-01',
      why: 'Mine', baseRevision: base!,
    };
    const conflict = await lead.form('/entries/late-parcel/edit', fields);
    expect(conflict.status).toBe(409);
    expect(conflict.html.querySelector('.conflict h2')!.text).toMatch(/revision 2/);
    expect(conflict.html.querySelectorAll('.conflict .diff-section h3').map((h) => h.text)).toContain('Caveats');
    expect(conflict.html.querySelector('textarea[name="timeline"]')!.text).toBe('My timeline');
    expect(conflict.html.querySelector('input[name="baseRevision"]')!.getAttribute('value')).toBe('2');
    expect(findEntry(db, 'late-parcel')!.entry.caveats).toBe('Someone else was faster.');

    const merged = await lead.form('/entries/late-parcel/edit', { ...fields, baseRevision: '2' });
    expect(merged).toMatchObject({ status: 302, location: '/entries/late-parcel' });
    expect(findEntry(db, 'late-parcel')).toMatchObject({ revision: 3, entry: { timeline: 'My timeline' } });
  });
});
