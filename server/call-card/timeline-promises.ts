import { addDays } from '../dates/days.ts';
import { addWorkingDays } from './working-days.ts';

/**
 * The durations a timeline names ("within 3–5 working days", "2 business days", "in 10 days",
 * "about two weeks", "the next working day") and the day to promise for each: the end of the
 * range, so the customer is promised the latest date (under-promise, then beat it).
 */
export interface TimelinePromise {
  /** The words as written, e.g. "3–5 working days". */
  phrase: string;
  from: number;
  to: number;
  /** Working days skip Saturdays and Sundays; calendar days and weeks do not. */
  unit: 'working days' | 'days' | 'weeks';
  /** YYYY-MM-DD: `to` units after today. */
  date: string;
}

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
};
const NUMBER = `(\\d{1,3}|${Object.keys(WORDS).join('|')})`;
const RANGE = `${NUMBER}(?:\\s*(?:–|—|-|to|or)\\s*${NUMBER})?`;
const UNIT = '(working|business)?\\s*(days?|weeks?)';
const DURATION = new RegExp(`\\b(?:${RANGE}\\s+(?:more\\s+)?${UNIT}|(next|following)\\s+(working|business)?\\s*day)\\b`, 'gi');

const count = (word: string) => WORDS[word.toLowerCase()] ?? Number(word);

export function timelinePromises(timeline: string, today: string): TimelinePromise[] {
  const promises: TimelinePromise[] = [];
  for (const match of timeline.matchAll(DURATION)) {
    const [phrase, low, high, working, unitWord, next, nextWorking] = match;
    let from: number;
    let to: number;
    let unit: TimelinePromise['unit'];
    if (next) {
      from = to = 1;
      unit = nextWorking ? 'working days' : 'days';
    } else {
      from = count(low!);
      to = high ? count(high) : from;
      if (to < from) [from, to] = [to, from];
      unit = /^week/i.test(unitWord!) ? 'weeks' : working ? 'working days' : 'days';
    }
    if (!(to > 0) || to > 366) continue;
    const date =
      unit === 'working days' ? addWorkingDays(today, to) : addDays(today, unit === 'weeks' ? to * 7 : to);
    promises.push({ phrase, from, to, unit, date });
  }
  return promises;
}
