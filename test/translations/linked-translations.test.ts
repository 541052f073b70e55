import { describe, expect, it } from 'vitest';
import { importContent } from '../../server/content/import-content.ts';
import type { Db } from '../../server/db/connection.ts';
import type { Client, RunningApp } from '../support/app.ts';
import { appTemplate, type FreshApp } from '../support/fresh-app.ts';

/** Linked translations through the real app, over the real starter content. */

let db: Db;
let lead: Client;
let agent: Client;
const starterContent = appTemplate({
  build: (db) => {
    importContent(db, { entriesDir: 'content/entries' });
  },
  signIn: async (app: RunningApp) => ({ lead: await app.as('lena', 'lead'), agent: await app.as('ari', 'agent') }),
});
const use = (fresh: FreshApp<{ lead: Client; agent: Client }>) => ({ db, people: { lead, agent } } = fresh);

const entry = async (id: string) => (await agent.json(`/api/entries/${id}`)).body;
const languageOf = (id: string) => (db.prepare('SELECT language FROM entries WHERE id = ?').pluck().get(id) as string);
const groupOf = (id: string) => (db.prepare('SELECT coalesce(translation_of, id) FROM entries WHERE id = ?').pluck().get(id) as string);

/** A lead edits an entry through the API (a new revision). */
async function edit(id: string, change: Record<string, unknown>) {
  const current = await entry(id);
  const saved = await lead.json(`/api/entries/${id}/revisions`, { method: 'POST', body: { ...current, ...change, baseRevision: current.revision } });
  expect(saved.status).toBe(201);
}

describe('GET /api/entries/:id', () => {
  starterContent.sharedByTests(use); // these tests only read

  it('gives a source its translations, each with its language and whether it is outdated', async () => {
    const source = await entry('track-my-order');
    expect(source.translationOf).toBeNull();
    expect(source.translations).toEqual([
      { id: 'track-my-order-ca', language: 'ca', outdated: false },
      { id: 'track-my-order-it', language: 'it', outdated: false },
      { id: 'track-my-order-ru', language: 'ru', outdated: false },
    ]);
  });

  it('gives a translation its source and the other members of the group', async () => {
    const italian = await entry('track-my-order-it');
    expect(italian.translationOf).toBe('track-my-order');
    expect(italian.translations.map((t: { id: string }) => t.id)).toEqual(['track-my-order', 'track-my-order-ca', 'track-my-order-ru']);
  });

  it('gives an entry outside any group an empty list', async () => {
    expect((await entry('speak-to-the-ceo')).translations).toEqual([]);
  });
});

describe('the entry page', () => {
  starterContent.sharedByTests(use); // these tests only read

  it('says "Also in" with each language named in itself, linking to each version', async () => {
    const { html } = await agent.page('/entries/refund-not-received-yet-ca');
    const line = html.querySelector('.also-in')!;
    expect(line.textContent.replace(/\s+/g, ' ')).toContain('Also in: English original · Italiano · Русский');
    expect(line.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href'), a.getAttribute('lang')])).toEqual([
      ['English', '/entries/refund-not-received-yet', 'en'],
      ['Italiano', '/entries/refund-not-received-yet-it', 'it'],
      ['Русский', '/entries/refund-not-received-yet-ru', 'ru'],
    ]);
    expect(html.querySelector('.notice--outdated')).toBeNull();
  });

  it('shows no "Also in" line on an entry without translations', async () => {
    expect((await agent.page('/entries/speak-to-the-ceo')).html.querySelector('.also-in')).toBeNull();
  });
});

describe('outdated translations', () => {
  starterContent.freshForEachTest(use);

  const outdatedIds = async () => (await lead.json('/api/translations/outdated')).body.translations.map((t: { id: string }) => t.id);
  const SOURCE_CHANGE = { caveats: 'Transit damage must be reported within 14 days of delivery.' };
  const RUSSIAN_CHANGE = { caveats: 'О повреждении при доставке нужно сообщить в течение 14 дней.' };
  const verifyItalian = () => lead.json('/api/entries/parcel-arrived-damaged-it/verify', { method: 'POST', body: {} });

  /** What the first test does: the source of parcel-arrived-damaged changes, then the Italian is verified and the Russian saved. */
  async function onlyTheCatalanLeftOutdated() {
    await edit('parcel-arrived-damaged', SOURCE_CHANGE);
    expect((await verifyItalian()).status).toBe(200);
    await edit('parcel-arrived-damaged-ru', RUSSIAN_CHANGE);
  }

  it('are marked after the source gets a new revision, and cleared by a lead who verifies or saves them', async () => {
    expect(await outdatedIds()).toEqual([]);
    await edit('parcel-arrived-damaged', SOURCE_CHANGE);

    expect(await outdatedIds()).toEqual(['parcel-arrived-damaged-ca', 'parcel-arrived-damaged-it', 'parcel-arrived-damaged-ru']);
    expect((await entry('parcel-arrived-damaged')).translations.every((t: { outdated: boolean }) => t.outdated)).toBe(true);
    const { html } = await agent.page('/entries/parcel-arrived-damaged-it');
    const notice = html.querySelector('.notice--outdated')!;
    expect(notice.text).toContain('This translation may be out of date');
    expect(notice.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/entries/parcel-arrived-damaged/diff?from=1&to=2');
    const diff = await agent.json('/api/entries/parcel-arrived-damaged/diff?from=1&to=2');
    expect(diff.body.sections.map((s: { heading: string }) => s.heading)).toEqual(['Caveats']);

    expect((await verifyItalian()).status).toBe(200);
    await edit('parcel-arrived-damaged-ru', RUSSIAN_CHANGE);
    expect(await outdatedIds()).toEqual(['parcel-arrived-damaged-ca']);
    expect((await agent.page('/entries/parcel-arrived-damaged-it')).html.querySelector('.notice--outdated')).toBeNull();
  });

  it('are not marked when the source is only verified (its content did not change)', async () => {
    expect((await lead.json('/api/entries/request-a-callback/verify', { method: 'POST', body: {} })).status).toBe(200);
    expect(await outdatedIds()).not.toContain('request-a-callback-ca');
  });

  it('are listed for leads on a page linked from the stale page, and refused to agents', async () => {
    await onlyTheCatalanLeftOutdated();
    const page = await lead.page('/translations/outdated');
    expect(page.status).toBe(200);
    const rows = page.html.querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('a')!.getAttribute('href'))).toEqual(['/entries/parcel-arrived-damaged-ca']);
    expect(rows[0]!.text).toContain('Català');
    expect(rows[0]!.querySelector('a[href^="/entries/parcel-arrived-damaged/diff"]')).not.toBeNull();
    expect((await lead.page('/stale')).html.querySelector('a[href="/translations/outdated"]')!.text).toContain('Outdated translations (1)');
    expect((await agent.json('/api/translations/outdated')).status).toBe(403);
  });
});

describe('saving a translation link', () => {
  starterContent.freshForEachTest(use);

  const newEntry = (translationOf: string, language = 'it') => ({
    id: `test-translation-${language}-${translationOf}`,
    title: 'Una prova di traduzione',
    category: 'Orders',
    language,
    translationOf,
    status: 'vetted',
    solutions: [{ title: 'Fai la cosa giusta', body: 'Subito.' }],
  });

  it('refuses an unknown id, the same language, or a second translation into one language, naming the field', async () => {
    for (const [body, message] of [
      [newEntry('no-such-entry'), 'no entry has the id "no-such-entry"'],
      [newEntry('speak-to-the-ceo', 'en'), 'is in the same language (en)'],
      [newEntry('track-my-order'), 'track-my-order-it already translates track-my-order into it'],
      [newEntry('track-my-order-it', 'de'), 'track-my-order-it is itself a translation'],
    ] as const) {
      const answer = await lead.json('/api/entries', { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: expect.stringContaining(message), field: 'translationOf' });
    }
  });

  it('shows the problem next to the editor field and keeps what was typed', async () => {
    const page = await lead.form('/entries/new', {
      title: 'Prova', category: 'Orders', language: 'it', translationOf: 'nessuna-voce', status: 'vetted',
      solutionTitle: 'Una soluzione', solutionBody: 'Testo.',
    });
    expect(page.status).toBe(400);
    const field = page.html.querySelector('input[name="translationOf"]')!;
    expect(field.getAttribute('value')).toBe('nessuna-voce');
    expect(field.parentNode!.querySelector('.field__error')!.text).toContain('no entry has the id "nessuna-voce"');
  });

  it('links a new translation from the editor', async () => {
    const page = await lead.form('/entries/new', {
      title: "Voglio parlare con l'amministratore delegato", category: 'Complaints and escalation', language: 'it',
      translationOf: 'speak-to-the-ceo', status: 'vetted', solutionTitle: 'Ascolta e proponi un responsabile', solutionBody: 'Con calma.',
    });
    expect(page.status).toBe(302);
    // The editor names a new entry after its title.
    const id = 'voglio-parlare-con-l-amministratore-delegato';
    expect(page.location).toBe(`/entries/${id}`);
    expect((await entry('speak-to-the-ceo')).translations).toEqual([{ id, language: 'it', outdated: false }]);
  });
});

describe('search', () => {
  starterContent.sharedByTests(use); // these tests only read

  const search = async (q: string, lang?: string) =>
    (await agent.json(`/api/search?q=${encodeURIComponent(q)}&limit=10${lang ? `&lang=${lang}` : ''}`)).body.results.map((r: { id: string }) => r.id) as string[];

  it('shows one result per translation group, and counts a group once', async () => {
    for (const query of ['where is my order', 'dove il mio ordine', 'refund not received', 'посылка опаздывает']) {
      const groups = (await search(query)).map(groupOf);
      expect(new Set(groups).size, query).toBe(groups.length);
    }
    const all = (await agent.json('/api/search?q=tracking%20tracciamento%20отслеживание&limit=50')).body;
    expect(all.total).toBeLessThan(50);
    expect(all.total).toBe(all.results.length);
    expect(new Set(all.results.map((r: { id: string }) => groupOf(r.id))).size).toBe(all.total);
  });

  it('finds the Italian version for an Italian query', async () => {
    expect((await search('il pacco doveva arrivare ieri'))[0]).toBe('parcel-late-after-promised-date-it');
    expect((await search('il pacco doveva arrivare ieri'))).not.toContain('parcel-late-after-promised-date');
  });

  it('with lang=, prefers that language’s version even when the words matched another one', async () => {
    const english = await search('where is my order, I want to track it');
    expect(english[0]).toBe('track-my-order');
    const inItalian = await search('where is my order, I want to track it', 'it');
    expect(inItalian[0]).toBe('track-my-order-it');
    expect(inItalian.map(languageOf).every((l) => l === 'it')).toBe(true);
    const inCatalan = await search('where is my order, I want to track it', 'ca');
    expect(inCatalan[0]).toBe('track-my-order-ca');
  });
});
