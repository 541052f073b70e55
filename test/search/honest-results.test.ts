import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStarterContentIfEmpty } from '../../server/content/starter-content.ts';
import { isStopWord } from '../../server/search/query/query-terms.ts';
import { freshDatabase } from '../support/database.ts';
import { startApp, type Client, type RunningApp } from '../support/app.ts';

/** The results pages over the starter knowledge base, as an agent sees them. */
let app: RunningApp;
let agent: Client;
beforeAll(async () => {
  const db = freshDatabase();
  importStarterContentIfEmpty(db, 'content');
  app = await startApp(db);
  agent = await app.as('sam', 'agent');
});
afterAll(() => app.close());

const marked = (html: Awaited<ReturnType<Client['page']>>['html']) => html.querySelectorAll('mark').map((m) => m.text.toLowerCase());

describe('honest results', () => {
  it('says first that nothing fits closely, offers to propose the entry, and labels the rest as loosely related', async () => {
    const { html } = await agent.page('/search?q=can+you+deliver+on+sunday');
    const heading = html.querySelector('h1.results__count')!.text;
    expect(heading).toBe('Nothing fits can you deliver on sunday closely');
    expect(heading).not.toMatch(/\d/);
    const propose = html.querySelector('a[data-propose]')!;
    expect(propose.text).toBe("Propose an entry in the customer's words");
    const prefilled = new URL(propose.getAttribute('href')!, app.url);
    expect(prefilled.pathname).toBe('/entries/new');
    expect(prefilled.searchParams.get('title')).toBe('can you deliver on sunday');
    expect(prefilled.searchParams.get('phrasing')).toBe('can you deliver on sunday');
    const loose = html.querySelector('.loose-results')!;
    expect(loose.querySelector('h2')!.text).toMatch(/^Loosely related/);
    expect(loose.querySelectorAll('.result').length).toBeGreaterThan(0);
    // The empty message comes before the loosely related entries.
    expect(html.toString().indexOf('class="empty"')).toBeLessThan(html.toString().indexOf('class="loose-results'));
  });

  it('the prefilled link opens the editor with the customer words as title and phrasing', async () => {
    const { html } = await agent.page('/search?q=can+you+deliver+on+sunday');
    const editor = await agent.page(html.querySelector('a[data-propose]')!.getAttribute('href')!.replace(/&amp;/g, '&'));
    expect(editor.html.querySelector('input[name=title]')!.getAttribute('value')).toBe('can you deliver on sunday');
    expect(editor.html.querySelector('textarea[name=phrasings]')!.text).toBe('can you deliver on sunday');
  });

  it('counts close matches only', async () => {
    const { html } = await agent.page('/search?q=my+parcel+is+late');
    const close = html.querySelectorAll('.results > .result-list > .result');
    expect(close.length).toBeGreaterThan(0);
    expect(html.querySelector('h1.results__count')!.text).toMatch(new RegExp(`^${close.length} close match(es)? for`));
    expect(html.querySelectorAll('.loose-results .result').length).toBeGreaterThan(0);
  });

  it('marks no stop word, in English or in the entry language', async () => {
    for (const q of ['can you deliver on sunday', 'can i get my money back on this', 'il pacco non è mai arrivato']) {
      const { html } = await agent.page(`/search?q=${encodeURIComponent(q)}`);
      const words = marked(html);
      expect(words.length, q).toBeGreaterThan(0);
      for (const word of words) expect(isStopWord(word), `${q}: ${word}`).toBe(false);
      // Words that only start like a stop word ("only", "once" for "on") are not marked either.
      expect(words.filter((w) => /^(on|can|you|il|non|e)$|^(only|once|one)$/.test(w)), q).toEqual([]);
    }
  });
});
