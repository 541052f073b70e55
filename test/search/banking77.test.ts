import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContent } from '../../server/content/import-content.ts';
import { freshDatabase } from '../support/database.ts';
import { startApp, type RunningApp } from '../support/app.ts';

// The benchmark's knowledge base imports unchanged and answers a customer's own words.
let app: RunningApp;
beforeAll(async () => {
  const db = freshDatabase();
  expect(importContent(db, { entriesDir: 'scripts/bench/banking77/entries' }).created).toBe(77);
  app = await startApp(db, { readAccess: 'open' });
});
afterAll(() => app.close());

describe('BANKING77 entries', () => {
  it('finds card-arrival for "I am still waiting on my card"', async () => {
    const { body } = await app.json(`/api/search?q=${encodeURIComponent('I am still waiting on my card')}`);
    expect(body.results.map((r: { id: string }) => r.id)).toContain('card-arrival');
  });
});
