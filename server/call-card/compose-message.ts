import { startOfDay } from '../dates/days.ts';
import type { Entry } from '../entries/entry.ts';
import { markdownToText } from '../render/markdown.ts';
import { unquoted, type ScriptLine } from '../entries/script-lines.ts';

/**
 * The message to the customer after a call: the option agreed, what to say, when, and what
 * happens next, in plain text for chat or email. [name], [order] and [date] stay in the text
 * until the agent fills them in; the page (or call-card.js, as they type) puts the values in.
 */

export interface MessageValues {
  name: string;
  order: string;
  /** The promised day, already written out ("Tuesday 8 December 2026"), or '' for none. */
  date: string;
}

export function messageTemplate(entry: Entry, option: { title: string; body: string }, script: ScriptLine | undefined, promises: boolean) {
  const timeline = markdownToText(entry.timeline);
  const next = markdownToText(entry.followUp);
  const when = promises ? `When: by [date].${timeline ? ` ${timeline}` : ''}` : timeline && `When: ${timeline}`;
  return [
    'Hello [name],',
    'Thank you for contacting us about your order [order].',
    script && unquoted(script.text),
    [`What we will do: ${option.title}`, when, next && `What happens next: ${next}`].filter(Boolean).join('\n'),
    'Kind regards',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function fillMessage(template: string, values: MessageValues): string {
  return template
    .replaceAll('[name]', values.name || '[name]')
    .replaceAll('[order]', values.order || '[order]')
    .replaceAll('[date]', values.date || '[date]');
}

/** "Tuesday 8 December 2026", the same words call-card.js writes for a date the agent picks. */
export function writtenDate(day: string): string {
  return new Date(startOfDay(day)).toLocaleDateString('en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });
}

const STOP = new Set(['that', 'this', 'with', 'your', 'they', 'them', 'their', 'have', 'will', 'from', 'what', 'when', 'then', 'there', 'would', 'which', 'about', 'into', 'it\'s', 'can\'t', 'don\'t']);

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}']+/u)
      .filter((w) => w.length > 3 && !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );

/** The script line that shares most words with an option (the first line when none does). */
export function scriptFor(option: { title: string; body: string }, lines: ScriptLine[]): ScriptLine | undefined {
  const optionWords = words(`${option.title} ${markdownToText(option.body)}`);
  let best = lines[0];
  let bestScore = 0;
  for (const line of lines) {
    const score = [...words(line.text)].filter((w) => optionWords.has(w)).length;
    if (score > bestScore) [best, bestScore] = [line, score];
  }
  return best;
}
