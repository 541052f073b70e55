import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { freshDatabase } from '../support/database.ts';
import { makeEntry } from '../support/entries.ts';
import { startApp, type RunningApp } from '../support/app.ts';

let app: RunningApp;
beforeAll(async () => {
  const db = freshDatabase();
  const save = (entry: ReturnType<typeof makeEntry>) => saveEntry(db, entry, { author: 't', summary: 't' });
  save(makeEntry({ id: 'late-parcel', title: 'My parcel is late', phrasings: ['parcel late', 'where is my parcel'] }));
  for (const n of [1, 2, 3]) {
    save(makeEntry({ id: `other-${n}`, title: `Unrelated request ${n}`, caveats: 'A parcel may be mentioned here in passing.' }));
  }
  app = await startApp(db, { readAccess: 'open' });
});
afterAll(() => app.close());

describe('the results page', () => {
  it('shows the close matches and folds away entries that only share a word', async () => {
    const { html } = await app.page('/search?q=my+parcel+is+late');
    expect(html.querySelectorAll('.results > .result-list .result__title').map((a) => a.text)).toEqual(['My parcel is late']);
    expect(html.querySelectorAll('.loose-results .result')).toHaveLength(3);
    expect(html.querySelector('.loose-results summary')!.text).toBe('3 more entries share a word with the search');
  });
});
