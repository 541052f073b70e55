import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { findRevision, listRevisions } from '../../server/revisions/revision-queries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { startApp, type RunningApp } from '../support/app.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { saveLateParcelThreeTimes } from './several-saves.ts';

let db: Db;
let app: RunningApp;
function build(db: Db) {
  seedKnowledgeBase(db);
  saveLateParcelThreeTimes(db);
}
freshAppForEachTest({ build, config: { readAccess: 'login' } }, (fresh) => ({ db, app } = fresh));

const fts = (word: string) =>
  db
    .prepare('SELECT e.id FROM entries_fts JOIN entries e ON e.entry_no = entries_fts.rowid WHERE entries_fts MATCH ? ORDER BY e.id')
    .pluck()
    .all(`"${word}"`);

/** Everything a restore could touch, to show a refused one touched nothing. */
const stateOf = () => ({
  revisions: listRevisions(db, 'late-parcel'),
  entry: findEntry(db, 'late-parcel')!.entry,
  changes: db.prepare('SELECT count(*) FROM changes').pluck().get(),
});

describe('restoring a revision', () => {
  it('saves the old snapshot as a new revision; nothing is overwritten, and search sees it', async () => {
    const lead = await app.as('lena', 'lead');
    expect(fts('warehouse')).toEqual([]);
    expect((await lead.json('/api/search?q=warehouse')).body.total).toBe(0);

    const { status, location } = await lead.form('/entries/late-parcel/revisions/1/restore', {});
    expect(status).toBe(302);
    expect(location).toBe('/entries/late-parcel');
    const entryPage = await lead.page('/entries/late-parcel');
    expect(entryPage.html.querySelector('.flash')!.text).toBe('Restored revision 1: it is now the live version, as revision 5.');

    const revisions = listRevisions(db, 'late-parcel');
    expect(revisions.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(revisions[0]).toMatchObject({ author: 'lena', summary: 'Restored revision 1' });
    expect(findRevision(db, 'late-parcel', 5)!.entry).toEqual(findRevision(db, 'late-parcel', 1)!.entry);
    expect(findEntry(db, 'late-parcel')!.entry).toEqual(findRevision(db, 'late-parcel', 1)!.entry);
    // Revisions 2–4 are still there to restore in turn.
    expect(findRevision(db, 'late-parcel', 4)!.entry.alternatives.map((o) => o.title)).toContain('Send a voucher');

    expect(fts('warehouse')).toEqual(['late-parcel']);
    expect(fts('voucher')).toEqual([]);
    expect((await lead.json('/api/search?q=warehouse')).body.results.map((r: any) => r.id)).toEqual(['late-parcel']);

    const history = await lead.page('/entries/late-parcel/history');
    expect(history.html.querySelector('.history__summary')!.text.trim()).toMatch(/^Restored revision 1/);
  });

  it('records nothing when the revision says what the entry already says, and says so', async () => {
    const lead = await app.as('lena', 'lead');
    const before = stateOf();
    const { status, body } = await lead.json('/api/entries/late-parcel/revisions/4/restore', { method: 'POST' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'late-parcel', restored: 4, revision: 4, changed: false });
    expect(body.message).toMatch(/nothing was recorded/);
    expect(stateOf()).toEqual(before);

    await lead.form('/entries/late-parcel/revisions/4/restore', {});
    expect((await lead.page('/entries/late-parcel')).html.querySelector('.flash')!.text).toMatch(/nothing was recorded/);
    expect(stateOf()).toEqual(before);
  });

  it('POST /api/entries/:id/revisions/:n/restore answers 201 with the new revision', async () => {
    const admin = await app.as('ines', 'admin');
    const { status, body } = await admin.json('/api/entries/late-parcel/revisions/2/restore', { method: 'POST' });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: 'late-parcel',
      restored: 2,
      revision: 5,
      changed: true,
      message: 'Restored revision 2: it is now the live version, as revision 5.',
      url: '/entries/late-parcel',
    });
    expect((await admin.json('/api/entries/late-parcel')).body.revision).toBe(5);
    const diff = (await admin.json('/api/entries/late-parcel/diff?from=2&to=5')).body;
    expect(diff.sections).toEqual([]);
  });

  it.each([
    ['/api/entries/late-parcel/revisions/abc/restore', 400, 'revision'],
    ['/api/entries/late-parcel/revisions/0/restore', 400, 'revision'],
    ['/api/entries/late-parcel/revisions/6/restore', 404, 'revision'],
  ])('POST %s → %i naming %s, and changes nothing', async (path, status, field) => {
    const lead = await app.as('lena', 'lead');
    const before = stateOf();
    const { status: got, body } = await lead.json(path, { method: 'POST' });
    expect(got).toBe(status);
    expect(body.field).toBe(field);
    expect(stateOf()).toEqual(before);
  });

  it('answers 404 for an entry that does not exist', async () => {
    const lead = await app.as('lena', 'lead');
    expect((await lead.json('/api/entries/nope/revisions/1/restore', { method: 'POST' })).status).toBe(404);
  });
});

describe('who may restore', () => {
  it.each([
    ['agent', 403],
    ['lead', 201],
    ['admin', 201],
  ] as const)('through the API, a signed-in %s gets %i', async (role, expected) => {
    const client = await app.as(`${role}-person`, role);
    const before = stateOf();
    const { status } = await client.json('/api/entries/late-parcel/revisions/1/restore', { method: 'POST' });
    expect(status).toBe(expected);
    if (expected === 403) expect(stateOf()).toEqual(before);
    else expect(stateOf().revisions).toHaveLength(5);
  });

  it('through the page, an agent gets 403 and changes nothing', async () => {
    const agent = await app.as('ada', 'agent');
    const before = stateOf();
    const { status, html } = await agent.form('/entries/late-parcel/revisions/1/restore', {});
    expect(status).toBe(403);
    expect(html.querySelector('h1')!.text).toMatch(/may not/);
    expect(stateOf()).toEqual(before);
  });

  it('nobody signed in gets 401 from the API, the sign-in page from the form, and changes nothing', async () => {
    const anonymous = app.anonymous();
    const before = stateOf();
    expect((await anonymous.json('/api/entries/late-parcel/revisions/1/restore', { method: 'POST' })).status).toBe(401);
    const form = await anonymous.form('/entries/late-parcel/revisions/1/restore', {});
    expect(form.status).toBe(302);
    expect(form.location).toMatch(/^\/login/);
    expect(stateOf()).toEqual(before);
  });

  it('nobody signed in gets 401 with READ_ACCESS=open too', async () => {
    const open = await startApp(db, { readAccess: 'open' });
    try {
      const before = stateOf();
      expect((await open.anonymous().json('/api/entries/late-parcel/revisions/1/restore', { method: 'POST' })).status).toBe(401);
      expect(stateOf()).toEqual(before);
    } finally {
      await open.close();
    }
  });

  it('a lead without the CSRF token is refused and nothing changes', async () => {
    const lead = await app.as('lena', 'lead');
    const before = stateOf();
    const { status } = await lead.form('/entries/late-parcel/revisions/1/restore', {}, { csrf: false });
    expect(status).toBe(403);
    expect(stateOf()).toEqual(before);
  });
});
