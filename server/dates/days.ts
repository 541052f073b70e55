/**
 * Calendar days and whole-day spans, in one place. A day is a YYYY-MM-DD string read in UTC (as
 * entry files write review dates), so it has the same date and weekday wherever the server runs.
 * A ground module: it imports nothing of Plan B.
 */

/** One day in milliseconds, for ages and time windows counted in days. */
export const DAY_MS = 86_400_000;

/** Midnight (UTC) at the start of `day`, in milliseconds; NaN when `day` is not a date. */
export function startOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day (UTC) a moment falls on. */
export function dayOf(moment: Date | number): string {
  return new Date(moment).toISOString().slice(0, 10);
}

/** Today (UTC). */
export function today(now: Date = new Date()): string {
  return dayOf(now);
}

/** The day `days` calendar days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return dayOf(startOfDay(day) + days * DAY_MS);
}

/** Whole days from one day to another: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
}

/** The moment exactly `days` days after `moment` (before it when negative). */
export function daysAfter(moment: Date | number, days: number): Date {
  return new Date(new Date(moment).getTime() + days * DAY_MS);
}
