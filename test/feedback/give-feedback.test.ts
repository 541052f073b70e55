import { beforeEach, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import type { Db } from '../../server/db/connection.ts';
import { findEntry } from '../../server/entries/entry-queries.ts';
import { saveEntry } from '../../server/entries/save-entry.ts';
import { startApp, type Client } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { clientsByRole, EVERYONE, refusal, type Who } from '../support/roles.ts';

let db: Db;
let as: Record<Who, Client>;
function build(db: Db) {
  seedKnowledgeBase(db);
  // An entry of its own for these tests: late-parcel's options, in page order 1-4.
  const { entry } = findEntry(db, 'late-parcel')!;
  saveEntry(db, { ...entry, id: 'late-parcel-2', title: 'My parcel is late again' }, { author: 'amara', summary: 'Copy' });
}
// READ_ACCESS=login
freshAppForEachTest({ build, signIn: clientsByRole }, (fresh) => ({ db, people: as } = fresh));

const ENTRY = '/entries/late-parcel-2';
const feedbackRows = () => db.prepare('SELECT count(*) FROM option_feedback').pluck().get() as number;
const helpfulRows = () => db.prepare('SELECT * FROM entry_helpful ORDER BY voter').all();

const give = (client: Client, option: unknown, worked: unknown) =>
  client.json(`/api${ENTRY}/feedback`, { method: 'POST', body: { option, worked } });

/** What agents report in the first test below: [option, worked]. */
const AGENT_VOTES = [[1, true], [1, true], [1, false], [3, true], [4, false], [4, false]] as const;

/**
 * The counts the first two tests below leave (the agents' votes, the lead's "worked" on option 4
 * and a "didn't work" on option 2): 1 and 3 lead their lists, by success.
 */
async function votesSoFar() {
  for (const [option, worked] of AGENT_VOTES) await give(as.agent, option, worked);
  await give(as.lead, 4, true);
  await give(as.agent, 2, false);
}

/** Each option card's number, title and counts as the page shows them. */
function optionCards(html: HTMLElement) {
  return html.querySelectorAll('li.option').map((li) => ({
    number: Number(li.querySelector('.option__number')!.text),
    title: li.querySelector('.option__title')!.text,
    worked: Number(li.querySelector('[data-count="worked"]')!.text),
    failed: Number(li.querySelector('[data-count="failed"]')!.text),
  }));
}

describe('"worked / didn\'t work" on each option', () => {
  it('counts per option, in page order (solutions then alternatives), shown on each option', async () => {
    for (const [option, worked] of AGENT_VOTES) {
      expect((await give(as.agent, option, worked)).status).toBe(201);
    }
    const answer = await give(as.lead, 4, true);
    expect(answer.body).toEqual({
      option: 4, kind: 'alternative', title: 'Refund the shipping fee', worked: true, counts: { worked: 1, failed: 2, total: 3 },
    });
    const { html } = await as.agent.page(ENTRY);
    expect(optionCards(html)).toEqual([
      { number: 1, title: 'Trace the parcel', worked: 2, failed: 1 },
      { number: 2, title: 'Reship at our cost', worked: 0, failed: 0 },
      { number: 3, title: 'Offer a pickup point', worked: 1, failed: 0 },
      { number: 4, title: 'Refund the shipping fee', worked: 1, failed: 2 },
    ]);
    const counts = await as.agent.json(`/api${ENTRY}/feedback`);
    expect(counts.body.options.map((o: { option: number; counts: { worked: number } }) => [o.option, o.counts.worked])).toEqual([
      [1, 2], [2, 0], [3, 1], [4, 1],
    ]);
  });

  it('has one small form per option that works without JavaScript', async () => {
    const { html } = await as.agent.page(ENTRY);
    const form = html.querySelector('#option-2 form.option-feedback__form')!;
    expect(form.getAttribute('action')).toBe(`${ENTRY}/feedback`);
    expect(form.querySelector('input[name="option"]')!.getAttribute('value')).toBe('2');
    expect(form.querySelectorAll('button[name="worked"]').map((b) => [b.getAttribute('value'), b.text])).toEqual([
      ['true', 'Worked'],
      ['false', "Didn't work"],
    ]);
    const posted = await as.agent.form(`${ENTRY}/feedback`, { option: '2', title: 'Reship at our cost', worked: 'false' });
    expect(posted.status).toBe(302);
    expect(posted.location).toBe(`${ENTRY}#option-2`);
    const after = await as.agent.page(ENTRY);
    expect(optionCards(after.html)[1]).toMatchObject({ number: 2, failed: 1 });
  });

  it('keeps counts on the right option when a lead reorders the options', async () => {
    await votesSoFar();
    const { entry } = findEntry(db, 'late-parcel-2')!;
    const [a, b] = entry.solutions;
    saveEntry(db, { ...entry, solutions: [b!, a!] }, { author: 'leo', summary: 'Reship first' });
    const { html } = await as.agent.page(ENTRY);
    expect(optionCards(html).slice(0, 2)).toEqual([
      { number: 1, title: 'Reship at our cost', worked: 0, failed: 1 },
      { number: 2, title: 'Trace the parcel', worked: 2, failed: 1 },
    ]);
    saveEntry(db, { ...entry, solutions: [a!, b!] }, { author: 'leo', summary: 'Back again' });
  });

  it('records nothing when a page opened before a reorder sends a title that no longer has that number', async () => {
    const before = feedbackRows();
    const stale = await as.agent.json(`/api${ENTRY}/feedback`, { method: 'POST', body: { option: 1, worked: true, title: 'Offer a pickup point' } });
    expect(stale.status).toBe(409);
    expect(stale.body.field).toBe('option');
    expect(feedbackRows()).toBe(before);
  });

  it.each([
    [0, true, 'option'],
    [5, true, 'option'],
    [1.5, true, 'option'],
    ['two', true, 'option'],
    [undefined, true, 'option'],
    [1, 'yes', 'worked'],
    [1, undefined, 'worked'],
  ])('refuses option %s, worked %s with a 400 naming %s', async (option, worked, field) => {
    const before = feedbackRows();
    const { status, body } = await give(as.agent, option, worked);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(feedbackRows()).toBe(before);
  });

  it('says which numbers exist when N is past the last option', async () => {
    const { body } = await give(as.agent, 5, true);
    expect(body.error).toBe('option must be a number from 1 to 4');
  });
});

describe('sorting options by success (leads)', () => {
  beforeEach(votesSoFar);

  it('orders each list by success and keeps the page-order numbers', async () => {
    const { html } = await as.lead.page(`${ENTRY}?sort=success`);
    expect(html.querySelector('.option-sort a[aria-current]')!.text).toBe('success on calls');
    const cards = optionCards(html).map((c) => c.number);
    // Solutions: 1 (2 of 3 worked) before 2 (0 of 1); alternatives: 3 (1 of 1) before 4 (1 of 3).
    expect(cards).toEqual([1, 2, 3, 4]);
    // Make 2 the best solution and check the order flips while the numbers stay.
    for (let i = 0; i < 6; i++) await give(as.lead, 2, true);
    const again = await as.lead.page(`${ENTRY}?sort=success`);
    expect(optionCards(again.html).map((c) => [c.number, c.title])).toEqual([
      [2, 'Reship at our cost'],
      [1, 'Trace the parcel'],
      [3, 'Offer a pickup point'],
      [4, 'Refund the shipping fee'],
    ]);
    expect(again.html.querySelector('#option-2 input[name="sort"]')!.getAttribute('value')).toBe('success');
  });

  it('is for leads: agents keep page order and see no sort control', async () => {
    const { html } = await as.agent.page(`${ENTRY}?sort=success`);
    expect(html.querySelector('.option-sort')).toBeNull();
    expect(optionCards(html).map((c) => c.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('"Was this entry helpful?"', () => {
  it('counts one vote per person, which they can change', async () => {
    const vote = (client: Client, helpful: unknown) => client.json(`/api${ENTRY}/helpful`, { method: 'POST', body: { helpful } });
    expect((await vote(as.agent, true)).body).toEqual({ helpful: true, yes: 1, no: 0 });
    expect((await vote(as.agent, true)).body).toEqual({ helpful: true, yes: 1, no: 0 });
    expect((await vote(as.lead, false)).body).toEqual({ helpful: false, yes: 1, no: 1 });
    expect((await vote(as.agent, false)).body).toEqual({ helpful: false, yes: 0, no: 2 });
    const bad = await vote(as.agent, 'maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('helpful');

    const posted = await as.lead.form(`${ENTRY}/helpful`, { helpful: 'true' });
    expect(posted.location).toBe(`${ENTRY}#helpful`);
    const { html } = await as.lead.page(ENTRY);
    const panel = html.querySelector('#helpful')!;
    expect(panel.querySelector('[data-count="yes"]')!.text).toBe('1');
    expect(panel.querySelector('[data-count="no"]')!.text).toBe('1');
    expect(panel.querySelector('button[value="true"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(panel.querySelector('button[value="false"]')!.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('who may give feedback (READ_ACCESS=login)', () => {
  const mayGive: Who[] = ['agent', 'lead', 'admin'];

  it.each(EVERYONE)('as %s', async (who) => {
    const rows = feedbackRows();
    const votes = helpfulRows();
    const allowed = mayGive.includes(who);
    expect((await give(as[who], 1, true)).status).toBe(allowed ? 201 : refusal(who));
    expect(feedbackRows()).toBe(rows + (allowed ? 1 : 0));
    const voted = await as[who].json(`/api${ENTRY}/helpful`, { method: 'POST', body: { helpful: true } });
    expect(voted.status).toBe(allowed ? 200 : refusal(who));
    if (!allowed) expect(helpfulRows()).toEqual(votes);
    const page = await as[who].page(ENTRY);
    expect(page.html.querySelectorAll('form.option-feedback__form').length).toBe(allowed ? 4 : 0);
  });

  it('shows counts but no buttons to anonymous readers when READ_ACCESS=open', async () => {
    const open = await startApp(db, { readAccess: 'open' });
    try {
      const reader = open.anonymous();
      const { html } = await reader.page(ENTRY);
      expect(optionCards(html)).toHaveLength(4);
      expect(html.querySelector('form.option-feedback__form')).toBeNull();
      expect(html.querySelector('form.helpful__form')).toBeNull();
      const before = feedbackRows();
      expect((await give(reader, 1, true)).status).toBe(401);
      expect(feedbackRows()).toBe(before);
    } finally {
      await open.close();
    }
  });

  it('answers 404 for an entry the person may not see', async () => {
    saveEntry(db, makeEntry({ id: 'secret-draft', status: 'draft' }), { author: 'leo', summary: 'Draft' });
    expect((await give(as.agent, 1, true)).status).toBe(201);
    const hidden = await as.agent.json('/api/entries/secret-draft/feedback', { method: 'POST', body: { option: 1, worked: true } });
    expect(hidden.status).toBe(404);
  });
});
