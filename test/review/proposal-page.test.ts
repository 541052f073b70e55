import { describe, expect, it } from 'vitest';
import type { RunningApp } from '../support/app.ts';
import { seedKnowledgeBase } from '../support/fixtures.ts';
import { freshAppForEachTest } from '../support/fresh-app.ts';

let app: RunningApp;
freshAppForEachTest({ build: seedKnowledgeBase }, (fresh) => ({ app } = fresh));

const newEntry = {
  id: 'gift-wrap-after-dispatch',
  title: 'Gift-wrap an order that already shipped',
  kind: 'unusual',
  category: 'Delivery',
  tags: ['gift'],
  phrasings: ['forgot to tick gift wrap'],
  summary: 'Use this when the parcel has **already left**. We cannot open it in transit.',
  solutions: [{ title: 'Send a gift bag separately', body: '**When:** the order is in transit.\n\nPost a free gift bag.' }],
  alternatives: [{ title: 'Refund the wrapping fee', body: 'Refund it *now*.' }],
  whatToSay: '- "I can send a gift bag to go with it."\n- "I\'ve refunded the wrapping fee."',
  timeline: 'Posted **the next working day**.',
  why: 'Two calls this week',
};

/** The text a lead reads on the page, without tags. */
const visibleText = (html: { querySelector(s: string): { text: string } | null }) => html.querySelector('main')!.text;

describe('a proposal on the review page', () => {
  it('shows a new entry as agents will see it, in words, with its fields one switch away', async () => {
    const agent = await app.as('sam', 'agent');
    const proposed = await agent.json('/api/entries', { method: 'POST', body: newEntry });
    expect(proposed.status).toBe(202);
    const lead = await app.as('amara', 'lead');
    const { status, html } = await lead.page(`/proposals/${proposed.body.proposal}`);
    expect(status).toBe(200);

    const card = html.querySelector('.proposal-view__card')!;
    expect(card.querySelectorAll('.option__title').map((t) => t.text)).toEqual(['Send a gift bag separately', 'Refund the wrapping fee']);
    expect(card.querySelectorAll('.option__number').map((t) => t.text)).toEqual(['1', '2']);
    expect(card.querySelector('#option-1 .prose strong')!.text).toBe('When:');
    expect(card.querySelector('.entry__summary strong')!.text).toBe('already left');
    expect(card.querySelectorAll('.script-line__text').map((l) => l.text.trim())).toEqual(['"I can send a gift bag to go with it."', '"I\'ve refunded the wrapping fee."']);
    expect(card.querySelector('.entry-section--timeline strong')!.text).toBe('the next working day');
    // Its options start open: a lead reads the whole entry.
    expect(card.querySelectorAll('details.option__details[open]')).toHaveLength(2);

    const fields = html.querySelector('.proposal-view__fields')!;
    expect(fields.text).toMatch(/Kind\s*Unusual request/);
    expect(fields.text).toMatch(/Category\s*Delivery/);
    expect(fields.text).toContain('“forgot to tick gift wrap”');
    expect(html.querySelectorAll('input[name="proposal-view"]').map((r) => r.getAttribute('value'))).toEqual(['card', 'fields']);

    const words = visibleText(html);
    expect(words).toContain('Waiting for review');
    expect(words).not.toMatch(/in_review|Status:|\*\*|unusual\b(?! request)/);
  });

  it('shows an edit as what changes, section by section, without Markdown marks or internal values', async () => {
    const agent = await app.as('sam', 'agent');
    const live = (await agent.json('/api/entries/late-parcel')).body;
    const proposed = await agent.json('/api/entries/late-parcel/revisions', {
      method: 'POST',
      body: { ...live, baseRevision: live.revision, timeline: 'A new date within **3 working days**.', why: 'Carrier is slower now' },
    });
    expect(proposed.status).toBe(202);
    const lead = await app.as('amara', 'lead');
    const { html } = await lead.page(`/proposals/${proposed.body.proposal}`);
    expect(html.querySelector('.proposal-view')).toBeNull();
    expect(html.querySelectorAll('.diff-section h3').map((h) => h.text)).toEqual(['Timeline']);
    const diff = html.querySelector('.diff-section .diff')!;
    expect(diff.querySelector('ins')!.text).toBe('3');
    expect(diff.querySelector('del')!.text).toBe('2');
    expect(diff.text).toBe('A new date within 23 working days.');
    expect(visibleText(html)).not.toMatch(/\*\*|in_review/);
  });
});
