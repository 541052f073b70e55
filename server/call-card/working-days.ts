import { addDays, startOfDay } from '../dates/days.ts';

/**
 * Working days for promises made on a call. Days are YYYY-MM-DD strings (calendar days in
 * dates/days.ts); weekdays are worked out in UTC from the date alone, so a day is a Saturday
 * wherever the server runs.
 */

/** Today's date where the server runs (its time zone), which is the day the agent is on the call. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => new Date(startOfDay(day)).getUTCDay();
export const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/**
 * The day by which `days` working days (Monday to Friday) have passed after `day`: the day itself
 * does not count, so 1 working day after a Friday or a Saturday is the Monday. 0 is `day` itself.
 */
export function addWorkingDays(day: string, days: number): string {
  if (days <= 0) return day;
  // Move to the last working day at or before `day` (a weekend counts from its Friday), then
  // whole weeks of five, then the rest one by one, never landing on a weekend.
  const back = [2, 0, 0, 0, 0, 0, 1][weekday(day)]!;
  let at = addDays(day, -back);
  at = addDays(at, Math.floor((days - 1) / 5) * 7);
  for (let left = ((days - 1) % 5) + 1; left > 0; ) {
    at = addDays(at, 1);
    if (!isWeekend(at)) left--;
  }
  return at;
}
