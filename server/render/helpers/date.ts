import { startOfDay } from '../../dates/days.ts';

/** {{date updatedAt}} → "22 Nov 2026": an ISO timestamp or YYYY-MM-DD as a readable date. */
export function date(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const parsed = new Date(value.length === 10 ? startOfDay(value) : value);
  if (Number.isNaN(parsed.getTime())) return value;
  return parsed.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
