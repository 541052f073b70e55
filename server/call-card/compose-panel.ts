import { dayOf, startOfDay } from '../dates/days.ts';
import type { StoredEntry } from '../entries/entry-queries.ts';
import { fillMessage, messageTemplate, scriptFor, writtenDate } from './compose-message.ts';
import { scriptLines } from '../entries/script-lines.ts';
import { timelinePromises } from './timeline-promises.ts';

/** What the "Compose message" panel of the entry page starts from: its query, when sent without JavaScript. */
export interface ComposeQuery {
  compose?: unknown;
  option?: unknown;
  name?: unknown;
  order?: unknown;
  promised?: unknown;
}

/** YYYY-MM-DD naming a day that exists (not 2027-02-31). */
function isRealDay(day: string): boolean {
  const time = startOfDay(day);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time) && dayOf(time) === day;
}

/** The last value sent for a field (a date chip sends `promised` after the date box), trimmed and capped. */
function field(value: unknown, max = 120): string {
  const last = Array.isArray(value) ? value.at(-1) : value;
  return typeof last === 'string' ? last.trim().slice(0, max) : '';
}

/**
 * The compose panel: one message template per option (solutions then alternatives, numbered as
 * on the page), the dates the timeline promises counted from `today`, and the message as filled
 * in so far. The default date is the first promise in working days (or the first promise): the
 * timeline names the main one first, and conditions such as "up to 90 days after the order"
 * are not promises.
 */
export function composePanel(stored: StoredEntry, today: string, query: ComposeQuery) {
  const { entry } = stored;
  const lines = scriptLines(entry.whatToSay);
  const promises = timelinePromises(entry.timeline, today)
    .filter((p, i, all) => all.findIndex((q) => q.phrase === p.phrase) === i)
    .map((p) => ({ ...p, written: writtenDate(p.date) }));
  const main = promises.find((p) => p.unit === 'working days') ?? promises[0];
  const all = [...entry.solutions, ...entry.alternatives];
  const chosen = Number(field(query.option));
  const optionNumber = Number.isInteger(chosen) && chosen >= 1 && chosen <= all.length ? chosen : 1;
  const asked = field(query.promised);
  const promised = isRealDay(asked) ? asked : (main?.date ?? '');
  const options = all.map((option, i) => ({
    number: i + 1,
    title: option.title,
    isAlternative: i >= entry.solutions.length,
    template: messageTemplate(entry, option, scriptFor(option, lines), promises.length > 0),
    checked: i + 1 === optionNumber,
  }));
  const values = { name: field(query.name), order: field(query.order), date: promised ? writtenDate(promised) : '' };
  return {
    open: query.compose !== undefined,
    action: `/entries/${entry.id}`,
    options,
    promises,
    hasDate: promises.length > 0,
    promised,
    today,
    ...values,
    message: fillMessage(options[optionNumber - 1]!.template, values),
  };
}
