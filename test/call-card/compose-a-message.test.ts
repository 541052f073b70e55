import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillMessage, messageTemplate, scriptFor, writtenDate } from '../../server/call-card/compose-message.ts';
import { scriptLines, unquoted } from '../../server/entries/script-lines.ts';
import { timelinePromises } from '../../server/call-card/timeline-promises.ts';
import { localToday } from '../../server/call-card/working-days.ts';
import { leadSentence } from '../../server/entries/entry-view.ts';
import { startSeededApp, type RunningApp } from '../support/app.ts';
import { makeEntry } from '../support/entries.ts';

describe('what to say, line by line', () => {
  it('makes each list item and each paragraph one line, as plain text without Markdown', () => {
    const lines = scriptLines('- "I can **see** it."\n- "Two [links](https://example.com)."\n\nA closing *paragraph*\nover two lines.');
    expect(lines.map((l) => l.text)).toEqual(['"I can see it."', '"Two links."', 'A closing paragraph over two lines.']);
    expect(lines[0]!.html).toBe('<p>"I can <strong>see</strong> it."</p>');
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
    expect(scriptLines('')).toEqual([]);
  });

  it('says a script without its quotation marks', () => {
    expect(unquoted('"Hello there."')).toBe('Hello there.');
    expect(unquoted('“Hello there.”')).toBe('Hello there.');
    expect(unquoted('Hello "there".')).toBe('Hello "there".');
  });

  it('puts the first sentence of a longer summary on top', () => {
    expect(leadSentence('Use this when it is **late**. Then check the carrier.')).toBe('Use this when it is late.');
    expect(leadSentence('Use when the promised date has **passed**.')).toBe('');
  });
});

describe('the composed message', () => {
  const entry = makeEntry({
    id: 'late',
    title: 'Late',
    category: 'Delivery',
    solutions: [{ title: 'Trace the parcel', body: 'Open the carrier page.' }],
    alternatives: [{ title: 'Refund the shipping fee', body: 'As an apology.' }],
    whatToSay: '- "I will trace your parcel with the carrier now."\n- "I am refunding the shipping fee as an apology."',
    timeline: 'A new date within **2–3 working days**.',
    followUp: 'Call back the next working day.',
  });
  const lines = scriptLines(entry.whatToSay);

  it('picks the script that goes with the option', () => {
    expect(scriptFor(entry.solutions[0]!, lines)!.number).toBe(1);
    expect(scriptFor(entry.alternatives[0]!, lines)!.number).toBe(2);
    expect(scriptFor({ title: 'Nothing alike', body: '' }, lines)!.number).toBe(1);
  });

  it('keeps [name], [order] and [date] until they are filled in', () => {
    const template = messageTemplate(entry, entry.alternatives[0]!, lines[1], true);
    expect(template).toBe(
      [
        'Hello [name],',
        'Thank you for contacting us about your order [order].',
        'I am refunding the shipping fee as an apology.',
        'What we will do: Refund the shipping fee\nWhen: by [date]. A new date within 2–3 working days.\nWhat happens next: Call back the next working day.',
        'Kind regards',
      ].join('\n\n'),
    );
    expect(fillMessage(template, { name: 'Maria', order: '', date: writtenDate('2026-12-04') })).toMatch(
      /^Hello Maria,\n\nThank you for contacting us about your order \[order\]\.[\s\S]*When: by Friday, 4 December 2026\./,
    );
  });
});

describe('compose on the entry page, without JavaScript', () => {
  let app: RunningApp;
  beforeAll(async () => ({ app } = await startSeededApp({ readAccess: 'open' })));
  afterAll(() => app.close());

  it('shows the message for the first option with the promised date from the timeline', async () => {
    const { html } = await app.page('/entries/late-parcel');
    const compose = html.querySelector('details.compose')!;
    expect(compose.hasAttribute('open')).toBe(false);
    const date = timelinePromises('A new date within **2 working days**.', localToday())[0]!.date;
    expect(compose.querySelector('input[name=promised]')!.getAttribute('value')).toBe(date);
    const message = compose.querySelector('.compose__message')!.text;
    expect(message).toContain('Hello [name],');
    expect(message).toContain('What we will do: Trace the parcel');
    expect(message).toContain(`When: by ${writtenDate(date)}.`);
    expect(compose.querySelectorAll('input[name=option]').map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4']);
  });

  it('fills in what the agent sent and keeps the panel open', async () => {
    const { status, html } = await app.page('/entries/late-parcel?compose=1&option=3&name=Maria+Rossi&order=A-1&promised=2027-01-05');
    expect(status).toBe(200);
    const compose = html.querySelector('details.compose')!;
    expect(compose.hasAttribute('open')).toBe(true);
    expect(compose.querySelector('input[name=option][checked]')!.getAttribute('value')).toBe('3');
    const message = compose.querySelector('.compose__message')!.text;
    expect(message).toMatch(/^Hello Maria Rossi,\n\nThank you for contacting us about your order A-1\./);
    expect(message).toContain('What we will do: Offer a pickup point');
    expect(message).toContain(`When: by ${writtenDate('2027-01-05')}.`);
  });

  it('falls back to the first option and the timeline date on nonsense', async () => {
    expect((await app.page('/entries/late-parcel?compose=1&promised=2027-13-45&option=x')).status).toBe(200);
    expect((await app.page('/entries/late-parcel?compose=1&promised[a]=1&name[b]=2')).status).toBe(200);
    const { status, html } = await app.page('/entries/late-parcel?compose=1&option=99&promised=2027-02-31&name=' + 'x'.repeat(500));
    expect(status).toBe(200);
    expect(html.querySelector('input[name=option][checked]')!.getAttribute('value')).toBe('1');
    const date = timelinePromises('within **2 working days**', localToday())[0]!.date;
    expect(html.querySelector('input[name=promised]')!.getAttribute('value')).toBe(date);
    expect(html.querySelector('input[name=name]')!.getAttribute('value')).toHaveLength(120);
  });
});
