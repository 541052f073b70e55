import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { findEntry, latestRevision } from '../../server/entries/entry-queries.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { addDays, today } from '../../server/dates/days.ts';
import type { Client } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { clientsByRole, EVERYONE, refusal, type Who } from '../support/roles.ts';

let db: Db;
let as: Record<Who, Client>;
function build(db: Db) {
  seedKnowledgeBase(db); // boat-delivery's review was due in 2020 and it has no owner; late-parcel's is in 2027
  const save = (id: string, owner: string | null, reviewBy: string | null, status: 'vetted' | 'draft' = 'vetted') =>
    saveEntry(db, makeEntry({ id, title: `Stale ${id}`, owner, reviewBy, status }), { author: 'amara', summary: 'First' });
  save('due-soon-leo', 'leo', addDays(today(), 10));
  save('overdue-leo', 'leo', '2021-06-01');
  save('overdue-other', 'amara', '2019-01-01');
  save('due-later', 'leo', addDays(today(), 60));
  save('overdue-draft', 'leo', '2019-01-01', 'draft');
  save('no-date', 'leo', null);
}
// READ_ACCESS=login
freshAppForEachTest({ build, signIn: clientsByRole }, (fresh) => ({ db, people: as } = fresh));

const verifications = () => db.prepare('SELECT count(*) FROM verifications').pluck().get() as number;
const verify = (client: Client, id: string, body: object = {}) => client.json(`/api/entries/${id}/verify`, { method: 'POST', body });

describe('verifying an entry', () => {
  it('shows readers "Review overdue" on an entry whose review date has passed', async () => {
    const { html } = await as.agent.page('/entries/boat-delivery');
    expect(html.querySelector('.entry__badges .badge--overdue')!.text).toBe('Review overdue');
    expect(html.querySelector('.badge--verified')).toBeNull();
    expect(html.querySelector('form.verify-form')).toBeNull();
  });

  it('gives leads a Verify button on the entry page that works without JavaScript', async () => {
    const { html } = await as.lead.page('/entries/boat-delivery');
    const form = html.querySelector('form.verify-form')!;
    expect(form.getAttribute('action')).toBe('/entries/boat-delivery/verify');
    expect(form.querySelector('button')!.text).toBe('Verify');
    expect(form.querySelector('input[name="reviewBy"]')!.getAttribute('type')).toBe('date');

    const posted = await as.lead.form('/entries/boat-delivery/verify', { reviewBy: '' });
    expect(posted.status).toBe(302);
    expect(posted.location).toBe('/entries/boat-delivery');
    const { entry } = findEntry(db, 'boat-delivery')!;
    expect(entry.reviewBy! > today()).toBe(true);
    expect(entry.owner).toBe('leo'); // it had no owner: the verifying lead takes it
    expect(latestRevision(db, 'boat-delivery')).toMatchObject({ author: 'leo', summary: 'Verified by leo' });

    const after = await as.agent.page('/entries/boat-delivery');
    expect(after.html.querySelector('.badge--overdue')).toBeNull();
    expect(after.html.querySelector('.entry__badges .badge--verified')!.text).toMatch(/^Verified on \d{1,2} \w+ \d{4} by leo$/);
  });

  it('takes the date a lead picks, through the API, and records who verified it', async () => {
    const before = verifications();
    const revision = findEntry(db, 'late-parcel')!.revision;
    const { status, body } = await verify(as.admin, 'late-parcel', { reviewBy: '2031-02-03' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'late-parcel', reviewBy: '2031-02-03', owner: 'amara', revision: revision + 1, verifiedBy: 'ada' });
    expect(findEntry(db, 'late-parcel')!.entry.reviewBy).toBe('2031-02-03');
    expect(verifications()).toBe(before + 1);
    const row = db.prepare('SELECT verified_by, review_by, revision FROM verifications ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ verified_by: 'ada', review_by: '2031-02-03', revision: revision + 1 });
  });

  it.each([
    ['2020-01-01', 'reviewBy must be a date after today'],
    ['next week', 'reviewBy must be a date written YYYY-MM-DD'],
    ['2031-02-30x', 'reviewBy must be a date written YYYY-MM-DD'],
  ])('refuses reviewBy %s and changes nothing', async (reviewBy, error) => {
    const before = findEntry(db, 'charged-twice')!;
    const { status, body } = await verify(as.lead, 'charged-twice', { reviewBy });
    expect(status).toBe(400);
    expect(body).toEqual({ error, field: 'reviewBy' });
    expect(findEntry(db, 'charged-twice')!.revision).toBe(before.revision);
  });

  it('shows the refused date again on the entry page with the error', async () => {
    const { status, html } = await as.lead.form('/entries/charged-twice/verify', { reviewBy: '2001-01-01' });
    expect(status).toBe(400);
    expect(html.querySelector('form.verify-form input[name="reviewBy"]')!.getAttribute('value')).toBe('2001-01-01');
    expect(html.querySelector('form.verify-form .field__error')!.text).toBe('reviewBy must be a date after today');
  });

  it('verifies only vetted entries', async () => {
    const { status } = await verify(as.lead, 'overdue-draft');
    expect(status).toBe(409);
    const { html } = await as.lead.page('/entries/overdue-draft');
    expect(html.querySelector('form.verify-form')).toBeNull();
  });
});

describe('the stale list', () => {
  // Out of the way: the fixture's overdue boat-delivery, verified as in the tests above, leaves the entries made for this file.
  beforeEach(async () => expect((await verify(as.lead, 'boat-delivery')).status).toBe(200));

  it("lists vetted entries overdue or due within 14 days, the reader's own first", async () => {
    const { status, body } = await as.lead.json('/api/stale');
    expect(status).toBe(200);
    const ids = body.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual(['overdue-leo', 'due-soon-leo', 'overdue-other']);
    expect(body.entries[0]).toMatchObject({ mine: true, overdue: true, owner: 'leo', reviewBy: '2021-06-01' });
    expect(body.entries[1]).toMatchObject({ mine: true, overdue: false });
    expect(body.entries[1].daysLeft).toBeGreaterThan(0);
    expect(body.entries[2]).toMatchObject({ mine: false, overdue: true });
  });

  it('shows the same on the stale page, in two groups, with a Verify button that comes back to it', async () => {
    const { html } = await as.lead.page('/stale');
    const titles = (section: number) =>
      html.querySelectorAll('section.panel')[section]!.querySelectorAll('.stale-table__title').map((a) => a.text);
    expect(titles(0)).toEqual(['Stale overdue-leo', 'Stale due-soon-leo']);
    expect(titles(1)).toEqual(['Stale overdue-other']);
    expect(html.querySelector('.stale-table .badge--overdue')!.text).toMatch(/^Overdue by \d+ days$/);
    const form = html.querySelector('.stale-table form')!;
    expect(form.getAttribute('action')).toBe('/entries/overdue-leo/verify');
    const posted = await as.lead.form('/entries/overdue-leo/verify', { next: '/stale' });
    expect(posted.location).toBe('/stale');
    const after = await as.lead.json('/api/stale');
    expect(after.body.entries.map((e: { id: string }) => e.id)).not.toContain('overdue-leo');
  });

  it("counts the lead's own stale entries in the header", async () => {
    await verify(as.lead, 'overdue-leo'); // as on the stale page above: due-soon-leo is left
    const { html } = await as.lead.page('/');
    expect(html.querySelector('a[href="/stale"] .count')!.text).toBe('1');
  });
});

describe('who may verify and see the stale list (READ_ACCESS=login)', () => {
  const allowedRoles: Who[] = ['lead', 'admin'];

  it.each(EVERYONE)('as %s', async (who) => {
    const allowed = allowedRoles.includes(who);
    const before = findEntry(db, 'overdue-other')!;
    const events = verifications();
    const { status } = await verify(as[who], 'overdue-other', { reviewBy: '2032-01-01' });
    expect(status).toBe(allowed ? 200 : refusal(who));
    expect((await as[who].json('/api/stale')).status).toBe(allowed ? 200 : refusal(who));
    expect((await as[who].page('/stale')).status).toBe(allowed ? 200 : who === 'anonymous' ? 302 : 403);
    if (!allowed) {
      const formPost = await as[who].form('/entries/overdue-other/verify', {});
      expect(formPost.status).toBe(who === 'anonymous' ? 302 : 403);
      expect(findEntry(db, 'overdue-other')).toEqual(before);
      expect(verifications()).toBe(events);
    }
  });
});
