import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.ts';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let db: Db;
let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ db, app } = fresh));

describe('the lead dashboard', () => {
  it('shows searches, the zero-result rate, gaps and overdue reviews', async () => {
    const log = db.prepare(
      "INSERT INTO search_log (query, filters, result_count, took_ms, searched_at, source) VALUES (?, '{}', ?, 1, ?, 'page')",
    );
    const now = new Date().toISOString();
    log.run('gift wrap', 0, now);
    log.run('parcel', 2, now);
    log.run('parcel', 2, now);
    log.run('parcel', 1, now);
    const lead = await app.as('amara', 'lead');
    const { status, html } = await lead.page('/dashboard');
    expect(status).toBe(200);
    const figures = Object.fromEntries(html.querySelectorAll('.figure').map((f) => [f.querySelector('.figure__label')!.text, f.querySelector('.figure__value')!.text]));
    expect(figures).toMatchObject({ 'searches, last 30 days': '4', 'found nothing': '25%', 'reviews overdue': '1' });
    expect(html.querySelectorAll('svg.chart rect.chart__bar--warn')).toHaveLength(1);
    expect(html.querySelector('.chart--bars .chart__label')!.text).toBe('gift wrap');
    expect(html.querySelector('.compact-list a')!.text).toBe('Deliver to my boat');
  });

  it('shows open flags and ranks options by how often they worked on calls', async () => {
    const agent = await app.as('sam', 'agent');
    await agent.json('/api/entries/late-parcel/flags', { method: 'POST', body: { reason: 'outdated', comment: 'Carrier changed' } });
    const report = (option: number, worked: boolean) =>
      agent.json('/api/entries/late-parcel/feedback', { method: 'POST', body: { option, worked } });
    for (const worked of [true, true, true]) await report(1, worked);
    for (const worked of [false, false, true]) await report(3, worked);
    await report(2, true); // one report is too few to rank
    const lead = await app.as('amara', 'lead');
    const { html } = await lead.page('/dashboard');
    const figure = html.querySelectorAll('.figure').find((f) => f.text.includes('open flags'))!;
    expect(figure.querySelector('.figure__value')!.text).toBe('1');
    expect(html.querySelector('.compact-list a[href="/entries/late-parcel"]')!.text).toBe('My parcel is late');
    const [best, worst] = html.querySelectorAll('.chart--bars');
    expect(best!.querySelectorAll('.chart__value').map((v) => v.text)).toEqual(['100% of 3']);
    expect(best!.querySelector('.chart__label')!.text).toMatch(/^Trace the parcel/);
    expect(worst!.querySelectorAll('.chart__value').map((v) => v.text)).toEqual(['33% of 3']);
    expect(worst!.querySelector('.chart__label')!.text).toMatch(/^Offer a pickup point/);
  });

  it('is for leads only', async () => {
    const agent = await app.as('sam', 'agent');
    expect((await agent.page('/dashboard')).status).toBe(403);
  });
});
