import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import type { RunningApp } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
function build(db: Db) {
  seedKnowledgeBase(db);
  saveEntry(db, makeEntry({ id: 'draft-voucher', title: 'Voucher from a partner shop', status: 'draft' }), { author: 'amara', summary: 'Draft' });
}
freshAppForEachTest({ build }, (fresh) => ({ db, app } = fresh));

const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id);

describe('what search shows depends on who is asking', () => {
  it('agents find only vetted entries; leads also find drafts; nobody finds archived ones in search', async () => {
    const agent = await app.as('sam', 'agent');
    const lead = await app.as('amara', 'lead');
    expect(ids((await agent.json('/api/search?q=voucher+partner')).body)).toEqual([]);
    expect(ids((await lead.json('/api/search?q=voucher+partner')).body)).toEqual(['draft-voucher']);
    const page = await agent.page('/search?q=voucher+partner');
    expect(page.html.querySelectorAll('.result')).toHaveLength(0);
    expect(ids((await lead.json('/api/search?q=old+parcel+policy')).body)).not.toContain('old-policy');
  });

  it('records who searched in the search log', async () => {
    const agent = await app.as('sam', 'agent');
    await agent.json('/api/search?q=parcel');
    await agent.page('/search?q=boat');
    expect(db.prepare('SELECT query, user, source FROM search_log ORDER BY id').all()).toEqual([
      { query: 'parcel', user: 'sam', source: 'api' },
      { query: 'boat', user: 'sam', source: 'page' },
    ]);
  });
});
