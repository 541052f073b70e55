import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import { startApp, type Client } from '../support/app.ts';
import { countFlags, flagEntry } from '../support/flags.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';
import { clientsByRole, EVERYONE, refusal, type Who } from '../support/roles.ts';

let db: Db;
let as: Record<Who, Client>;
// READ_ACCESS=login
freshAppForEachTest({ build: seedKnowledgeBase, signIn: clientsByRole }, (fresh) => ({ db, people: as } = fresh));

const flagCount = (state = 'open') => countFlags(db, state);
const flag = (entry: string, reason?: string, comment?: string) => flagEntry(as.agent, entry, reason, comment);

describe('flagging an entry from its page', () => {
  it('takes two clicks: the Flag control reveals the reasons, and each reason is a submit button', async () => {
    const { html } = await as.agent.page('/entries/late-parcel');
    const control = html.querySelector('details.flag-control')!;
    expect(control.querySelector('summary')!.text.trim()).toBe('Flag');
    const form = control.querySelector('form')!;
    expect(form.getAttribute('action')).toBe('/entries/late-parcel/flags');
    expect(form.querySelector('textarea[name="comment"]')).not.toBeNull();
    const reasons = form.querySelectorAll('button[name="reason"]');
    expect(reasons.map((b) => [b.getAttribute('value'), b.getAttribute('type'), b.text])).toEqual([
      ['wrong', 'submit', 'Wrong'],
      ['outdated', 'submit', 'Outdated'],
      ['missing_alternative', 'submit', 'Missing alternative'],
      ['unclear', 'submit', 'Unclear'],
    ]);
  });

  it('posts without JavaScript, then shows the open flag on the entry to every reader', async () => {
    const posted = await as.agent.form('/entries/charged-twice/flags', { reason: 'wrong', comment: 'The refund takes 5 days now' });
    expect(posted.status).toBe(302);
    expect(posted.location).toBe('/entries/charged-twice#flash');
    for (const who of ['agent', 'lead', 'admin'] as const) {
      const { html } = await as[who].page('/entries/charged-twice');
      const shown = html.querySelector('#flags')!;
      expect(shown.querySelector('.badge--flag')!.text).toBe('Wrong');
      expect(shown.querySelector('.entry-flags__comment')!.text).toBe('“The refund takes 5 days now”');
      expect(shown.querySelector('.entry-flags__who')!.text).toContain('agnes');
    }
    const agentView = await as.agent.page('/entries/charged-twice');
    expect(agentView.html.querySelector('.entry-flags__queue')).toBeNull();
    const leadView = await as.lead.page('/entries/charged-twice');
    expect(leadView.html.querySelector('.entry-flags__queue')!.getAttribute('href')).toBe('/flags#entry-charged-twice');
  });

  it('keeps what was typed when the flag is refused', async () => {
    const long = 'x'.repeat(1001);
    const before = flagCount();
    const { status, html } = await as.agent.form('/entries/late-parcel/flags', { reason: 'unclear', comment: long });
    expect(status).toBe(400);
    expect(html.querySelector('details.flag-control')!.hasAttribute('open')).toBe(true);
    expect(html.querySelector('.flag-control textarea[name="comment"]')!.text).toBe(long);
    expect(html.querySelector('.flag-control .field__error')!.text).toContain('at most 1000');
    expect(flagCount()).toBe(before);
  });

  it('refuses a bad reason through the API, naming the field', async () => {
    const { status, body } = await as.agent.json('/api/entries/late-parcel/flags', { method: 'POST', body: { reason: 'boring' } });
    expect(status).toBe(400);
    expect(body.field).toBe('reason');
  });

  it('answers 404 for an entry the person may not see (archived, for an agent)', async () => {
    const { status } = await as.agent.json('/api/entries/old-policy/flags', { method: 'POST', body: { reason: 'wrong' } });
    expect(status).toBe(404);
  });
});

describe('who may flag (READ_ACCESS=login)', () => {
  const mayFlag: Who[] = ['agent', 'lead', 'admin'];

  it.each(EVERYONE)('flagging, as %s', async (who) => {
    const before = flagCount();
    const { status } = await as[who].json('/api/entries/late-parcel/flags', { method: 'POST', body: { reason: 'unclear' } });
    expect(status).toBe(mayFlag.includes(who) ? 201 : refusal(who));
    expect(flagCount()).toBe(before + (mayFlag.includes(who) ? 1 : 0));
  });

  it('lets anonymous readers see open flags when READ_ACCESS=open, without the flag control', async () => {
    await flag('late-parcel', 'unclear');
    const open = await startApp(db, { readAccess: 'open' });
    try {
      const { html } = await open.anonymous().page('/entries/late-parcel');
      expect(html.querySelector('#flags .badge--flag')).not.toBeNull();
      expect(html.querySelector('details.flag-control')).toBeNull();
    } finally {
      await open.close();
    }
  });
});
