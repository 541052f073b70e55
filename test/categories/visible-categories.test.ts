import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { entrySchema } from '../../server/entries/entry.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { startSeededApp, type Client, type RunningApp } from '../support/app.ts';

let db: Db;
let app: RunningApp;
beforeAll(async () => {
  ({ db, app } = await startSeededApp({ readAccess: 'open' }));
  const draft = entrySchema.parse({
    id: 'secret-merger', title: 'Merger questions', category: 'Project Falcon', status: 'draft',
    solutions: [{ title: 'Say nothing yet', body: '' }],
  });
  saveEntry(db, draft, { author: 'lead', summary: 'draft' });
});
afterAll(() => app.close());

/** The editor's category suggestions (read from the raw page: the HTML parser drops datalist options). */
async function editorCategories(client: Client): Promise<string[]> {
  const html = await (await client.fetch('/entries/new', { headers: { accept: 'text/html' } })).text();
  const list = /<datalist id="category-list">(.*?)<\/datalist>/s.exec(html)![1]!;
  return [...list.matchAll(/<option value="([^"]*)">/g)].map((m) => m[1]!);
}

const vettedCount = () => db.prepare("SELECT count(*) FROM entries WHERE status = 'vetted'").pluck().get() as number;

describe('categories show only what the reader may see', () => {
  it('a draft-only category shows nowhere to visitors and agents: home, counts, its page, the editor', async () => {
    const agent = await app.as('ari', 'agent');
    for (const reader of [app.anonymous(), agent]) {
      const home = await reader.page('/');
      expect(home.html.querySelectorAll('.category-card__name').map((n) => n.text)).not.toContain('Project Falcon');
      expect(home.html.querySelector('.hero__stats')!.text).toMatch(new RegExp(`^${vettedCount()} entries`));
      expect((await reader.page('/categories/project-falcon')).status).toBe(404);
    }
    expect(await editorCategories(agent)).not.toContain('Project Falcon');
    expect(await editorCategories(agent)).toContain('Delivery');
  });

  it('leads see it, with its count', async () => {
    const lead = await app.as('lu', 'lead');
    const home = await lead.page('/');
    const card = home.html.querySelectorAll('.category-card').find((c) => c.text.includes('Project Falcon'));
    expect(card!.querySelector('.category-card__count')!.text).toBe('1');
    expect((await lead.page('/categories/project-falcon')).status).toBe(200);
    expect(await editorCategories(lead)).toContain('Project Falcon');
  });
});
