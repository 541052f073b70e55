import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../server/i18n/catalogues.ts';
import { formatDate, formatDateTime, formatNumber } from '../../server/i18n/format.ts';
import { startSeededApp, type Client, type RunningApp } from '../support/app.ts';

/** How the interface language is chosen: the account setting, else Accept-Language, else English. */

let app: RunningApp;
beforeAll(async () => {
  ({ app } = await startSeededApp({ readAccess: 'open' }));
});
afterAll(() => app.close());

async function langOf(client: Client, acceptLanguage?: string, path = '/') {
  const headers: Record<string, string> = { accept: 'text/html' };
  if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
  const html = await (await client.fetch(path, { headers })).text();
  return { lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
}

describe('Accept-Language, for anonymous readers (READ_ACCESS=open)', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['it', 'it'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
    ['ca-ES', 'ca'],
    ['fr-FR, de;q=0.9, it;q=0.2, en;q=0.1', 'it'],
    ['en;q=0.5, ca;q=0.9', 'ca'],
    ['it;q=0.3, ru;q=0.8, ca;q=0.5', 'ru'],
    ['de, fr', 'en'],
    ['ru;q=0, it;q=0.1', 'it'],
    ['*', 'en'],
    ['nonsense;;q=x', 'en'],
  ])('%j gives %s', async (header, expected) => {
    const { lang, html } = await langOf(app.anonymous(), header);
    expect(lang).toBe(expected);
    expect(html).toContain(translator(expected as 'en').call(null, 'header.signIn'));
  });

  it('gives a page in Russian its Russian words and the search box its Russian label', async () => {
    const page = await app.anonymous().fetch('/search?q=parcel', { headers: { accept: 'text/html', 'accept-language': 'ru' } });
    const html = await page.text();
    expect(html).toContain('placeholder="Поиск по статьям…"');
    expect(html).toContain('Поиск по базе знаний');
    expect(html).not.toContain('Search entries…');
  });

  it('leaves the JSON API in English whatever the browser asks for', async () => {
    const response = await app.anonymous().fetch('/api/entries/no-such-entry', { headers: { accept: 'application/json', 'accept-language': 'ru' } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/^No such/);
  });
});

describe('the account setting', () => {
  it('is offered on the account page, following the browser until chosen', async () => {
    const agent = await app.as('olga', 'agent');
    const { html } = await agent.page('/account');
    const select = html.querySelector('select[name="language"]')!;
    expect(select.querySelectorAll('option').map((o) => o.getAttribute('value'))).toEqual(['', 'en', 'it', 'ru', 'ca']);
    expect(select.querySelector('option[selected]')!.getAttribute('value')).toBe('');
    expect(select.querySelectorAll('option').map((o) => o.text).slice(1)).toEqual(['English', 'Italiano', 'Русский', 'Català']);
  });

  it('beats Accept-Language once saved, says so in the new language, and goes back to the browser when cleared', async () => {
    const agent = await app.as('ivan', 'agent');
    expect((await langOf(agent, 'it')).lang).toBe('it');

    const saved = await agent.form('/account/language', { language: 'ru' });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe('/account');
    const after = await langOf(agent, 'it-IT,it;q=0.9', '/account');
    expect(after.lang).toBe('ru');
    expect(after.html).toContain('Теперь Plan B говорит с вами по-русски.');
    expect(after.html).toMatch(/<option value="ru" lang="ru" selected>/);
    expect((await langOf(agent, 'ca')).lang).toBe('ru');
    expect((await langOf(agent)).lang).toBe('ru');

    await agent.form('/account/language', { language: '' });
    expect((await langOf(agent, 'ca')).lang).toBe('ca');
    expect((await langOf(agent)).lang).toBe('en');
  });

  it('refuses a language Plan B does not speak, with a clear page, and keeps the old choice', async () => {
    const agent = await app.as('marta', 'agent');
    await agent.form('/account/language', { language: 'ca' });
    const refused = await agent.form('/account/language', { language: 'xx' });
    expect(refused.status).toBe(400);
    expect(refused.html.querySelector('h1')!.text).toBe('Tria un dels idiomes de la llista.');
    expect((await langOf(agent, 'en')).lang).toBe('ca');
  });

  it('needs a signed-in person', async () => {
    const anonymous = await app.anonymous().form('/account/language', { language: 'it' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe('notices after an action', () => {
  it('come in the language of the person who acted', async () => {
    const agent = await app.as('chiara', 'agent');
    await agent.form('/account/language', { language: 'it' });
    const voted = await agent.form('/entries/late-parcel/helpful', { helpful: 'true' });
    expect(voted.status).toBe(302);
    const { html } = await langOf(agent, 'en', '/entries/late-parcel');
    expect(html).toContain('Grazie, siamo contenti che ti sia servita.');
  });
});

describe('counts, dates and numbers in the reader’s language', () => {
  it('uses the Russian plural forms (one, few, many)', () => {
    const t = translator('ru');
    const forms = [1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map((count) => t('search.closeMatches', { count, query: 'x' }));
    expect(forms).toEqual([
      '1 близкое совпадение по запросу <q>x</q>',
      '2 близких совпадения по запросу <q>x</q>',
      '4 близких совпадения по запросу <q>x</q>',
      '5 близких совпадений по запросу <q>x</q>',
      '11 близких совпадений по запросу <q>x</q>',
      '12 близких совпадений по запросу <q>x</q>',
      '21 близкое совпадение по запросу <q>x</q>',
      '22 близких совпадения по запросу <q>x</q>',
      '25 близких совпадений по запросу <q>x</q>',
      '111 близких совпадений по запросу <q>x</q>',
    ]);
  });

  it('counts on a Russian page: one close match', async () => {
    const { html } = await langOf(app.anonymous(), 'ru', '/search?q=parcel');
    expect(html).toContain('1 близкое совпадение по запросу');
  });

  it('writes dates, times and numbers as each language does', () => {
    expect(['en', 'it', 'ru', 'ca'].map((l) => formatDate('2027-03-01', l))).toEqual(['1 Mar 2027', '1 mar 2027', '1 мар. 2027 г.', '1 de març del 2027']);
    expect(formatDateTime('2026-11-22T14:05:00Z', 'it')).toBe('22 nov 2026, 14:05 UTC');
    expect(['en', 'it', 'ru', 'ca'].map((l) => formatNumber(12345, l))).toEqual(['12,345', '12.345', '12\u00a0345', '12.345']);
  });

  it('dates the entry page in the reader’s language', async () => {
    const { html } = await langOf(app.anonymous(), 'it', '/entries/late-parcel');
    expect(html).toContain('1 mar 2027');
    expect(html).not.toContain('1 Mar 2027');
  });
});
