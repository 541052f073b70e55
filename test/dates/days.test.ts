import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, addDays, dayOf, daysAfter, daysBetween, startOfDay, today } from '../../server/dates/days.ts';

/** The obviously correct calendar: month lengths and the leap-year rule, one day at a time. */
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function slowAddDays(day: string, days: number): string {
  let [year, month, date] = day.split('-').map(Number) as [number, number, number];
  for (let left = days; left > 0; left--) {
    if (date < daysInMonth(year, month)) date++;
    else if (month < 12) [month, date] = [month + 1, 1];
    else [year, month, date] = [year + 1, 1, 1];
  }
  for (let left = days; left < 0; left++) {
    if (date > 1) date--;
    else if (month > 1) [month, date] = [month - 1, daysInMonth(year, month - 1)];
    else [year, month, date] = [year - 1, 12, 31];
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

const anyDay = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), date: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, date }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(date, daysInMonth(year, month)), 2)}`);
const anySpan = fc.integer({ min: -1500, max: 1500 });
const anyMoment = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) });

describe('calendar days', () => {
  it('adds days as counting one day at a time on the calendar does', () => {
    fc.assert(
      fc.property(anyDay, anySpan, (day, days) => {
        expect(addDays(day, days)).toBe(slowAddDays(day, days));
      }),
    );
  });

  it('counts the days between two days as the steps from one to the other', () => {
    fc.assert(
      fc.property(anyDay, anySpan, (day, days) => {
        const later = slowAddDays(day, days);
        expect(daysBetween(day, later)).toBe(days);
        expect(daysBetween(later, day)).toBe(0 - days); // not -days: toBe tells -0 from 0
      }),
    );
  });

  it('crosses month ends, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('puts a moment on its UTC day, which starts at midnight UTC', () => {
    fc.assert(
      fc.property(anyMoment, (time) => {
        const start = startOfDay(dayOf(time));
        expect(start).toBeLessThanOrEqual(time);
        expect(time).toBeLessThan(start + DAY_MS);
      }),
    );
    expect(today(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(Number.isNaN(startOfDay('2026-13-01'))).toBe(true);
  });

  it('moves a moment by whole days, landing on the day addDays gives', () => {
    fc.assert(
      fc.property(anyMoment, anySpan, (time, days) => {
        const moved = daysAfter(time, days);
        expect(moved.getTime() - time).toBe(days * DAY_MS);
        expect(dayOf(moved)).toBe(addDays(dayOf(time), days));
      }),
    );
  });
});
