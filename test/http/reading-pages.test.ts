import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededApp, type RunningApp } from '../support/app.ts';

let app: RunningApp;
beforeAll(async () => {
  ({ app } = await startSeededApp({ readAccess: 'open' }));
});
afterAll(() => app.close());

const texts = (html: Awaited<ReturnType<RunningApp['page']>>['html'], selector: string) =>
  html.querySelectorAll(selector).map((el) => el.text.trim());

describe('home page', () => {
  it('has a focused search box, categories with counts, recent entries and the guides', async () => {
    const { status, html } = await app.page('/');
    expect(status).toBe(200);
    const input = html.querySelector('form[action="/search"] input[name="q"]')!;
    expect(input.hasAttribute('autofocus')).toBe(true);
    expect(texts(html, '.category-card')).toEqual(['Billing and payments1', 'Delivery2']);
    expect(texts(html, '.entry-list__title')).toContain('My parcel is late');
    expect(texts(html, '.entry-list__title')).not.toContain('Old parcel policy');
    expect(texts(html, '.guide-list__title')).toEqual(['Setting expectations', 'Handling a complaint']);
  });
});

describe('search page', () => {
  it('lists matches with count, kind, category and highlighted words', async () => {
    const { status, html } = await app.page('/search?q=parcel');
    expect(status).toBe(200);
    expect(html.querySelector('.results__count')!.text).toMatch(/^1 close match for/);
    const result = html.querySelector('.result')!;
    // A visitor's search is not logged, so the link goes straight to the entry.
    expect(result.querySelector('.result__title')!.getAttribute('href')).toBe('/entries/late-parcel');
    expect(result.querySelector('.result__title mark')!.text).toBe('parcel');
    expect(result.querySelector('.result__meta')!.text).toContain('Delivery');
    expect(result.querySelector('.badge--common')).not.toBeNull();
  });

  it('keeps the chosen filters selected and applies them', async () => {
    const { html } = await app.page('/search?q=parcel+boat&kind=unusual&category=Delivery');
    expect(texts(html, '.result__title')).toEqual(['Deliver to my boat']);
    expect(html.querySelector('select[name="kind"] option[selected]')!.getAttribute('value')).toBe('unusual');
    expect(html.querySelector('select[name="category"] option[selected]')!.getAttribute('value')).toBe('Delivery');
    expect(html.querySelector('.filters__clear')).not.toBeNull();
  });

  it('says so when nothing matches', async () => {
    const { html } = await app.page('/search?q=zebra');
    expect(html.querySelector('.results__count')!.text).toMatch(/^Nothing matches/);
    expect(html.querySelector('.empty')).not.toBeNull();
  });

  it('answers a bad filter with a clear page, not a crash', async () => {
    const { status, html } = await app.page('/search?q=parcel&kind=weird');
    expect(status).toBe(400);
    expect(html.querySelector('h1')!.text).toBe('kind must be common or unusual');
  });
});

describe('entry page', () => {
  it('shows the summary, numbered solutions then alternatives, and every section', async () => {
    const { status, html } = await app.page('/entries/late-parcel');
    expect(status).toBe(200);
    expect(html.querySelector('h1')!.text).toBe('My parcel is late');
    expect(html.querySelector('.entry__summary strong')!.text).toBe('passed');
    const options = html.querySelectorAll('.option').map((o) => [o.querySelector('.option__number')!.text, o.querySelector('.option__title')!.text]);
    expect(options).toEqual([
      ['1', 'Trace the parcel'],
      ['2', 'Reship at our cost'],
      ['3', 'Offer a pickup point'],
      ['4', 'Refund the shipping fee'],
    ]);
    expect(html.querySelectorAll('.options--alternatives .option')).toHaveLength(2);
    expect(texts(html, '.entry-section h2')).toEqual(['What to say', 'Timeline', 'Caveats', 'Follow-up']);
    expect(html.querySelector('.entry-section--timeline strong')!.text).toBe('2 working days');
    expect(texts(html, '.tag')).toEqual(['shipping', 'delay']);
    expect(html.querySelector('.facts')!.text).toMatch(/Owner\s*amara/);
    expect(html.querySelector('.facts')!.text).toMatch(/Revision\s*1 · .* by amara/);
    expect(html.querySelector('.badge--vetted')).not.toBeNull();
  });

  it('never lets Markdown inject a script', async () => {
    const { html } = await app.page('/entries/late-parcel');
    expect(html.querySelectorAll('main script')).toHaveLength(0);
    expect(html.querySelector('#option-4')!.text).toContain('As an apology.');
  });

  it('marks an entry whose review date has passed', async () => {
    const { html } = await app.page('/entries/boat-delivery');
    expect(html.querySelector('.badge--overdue')).not.toBeNull();
    expect(html.querySelector('.badge--unusual')).not.toBeNull();
  });

  it('is a 404 page for an unknown entry', async () => {
    const { status, html } = await app.page('/entries/nope');
    expect(status).toBe(404);
    expect(html.querySelector('h1')!.text).toBe('This page does not exist');
    expect(html.querySelector('form[action="/search"]')).not.toBeNull();
  });
});

describe('category and guide pages', () => {
  it('lists a category split into common and unusual requests, without archived entries', async () => {
    const { status, html } = await app.page('/categories/delivery');
    expect(status).toBe(200);
    expect(html.querySelector('h1')!.text).toBe('Delivery');
    expect(texts(html, '#common-heading + .entry-list .entry-list__title')).toEqual(['My parcel is late']);
    expect(texts(html, '#unusual-heading + .entry-list .entry-list__title')).toEqual(['Deliver to my boat']);
  });

  it('shows a guide with its rendered body and a link to the next one', async () => {
    const { html } = await app.page('/guides/setting-expectations');
    expect(html.querySelector('h1')!.text).toBe('Setting expectations');
    expect(html.querySelector('.prose h2')!.text).toBe('Why');
    expect(html.querySelector('.next-link')!.getAttribute('href')).toBe('/guides/handling-a-complaint');
  });

  it('lists the guides in order', async () => {
    const { html } = await app.page('/guides');
    expect(texts(html, '.guide-card__title')).toEqual(['Setting expectations', 'Handling a complaint']);
  });

  it.each(['/categories/nope', '/guides/nope', '/no/such/page'])('answers %s with a 404 page', async (path) => {
    const { status, html } = await app.page(path);
    expect(status).toBe(404);
    expect(html.querySelector('.error-page')).not.toBeNull();
  });
});
