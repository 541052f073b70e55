import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelinePromises } from '../../server/call-card/timeline-promises.ts';
import { addWorkingDays, isWeekend, localToday, weekday } from '../../server/call-card/working-days.ts';
import { addDays } from '../../server/dates/days.ts';

// 2026-12-01 is a Tuesday.
const TUESDAY = '2026-12-01';

/** The obviously correct version: step a day at a time, counting Monday to Friday. */
function slowWorkingDays(day: string, days: number): string {
  let at = day;
  for (let left = days; left > 0; ) {
    at = addDays(at, 1);
    if (!isWeekend(at)) left--;
  }
  return at;
}

const anyDay = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('working days', () => {
  it('skips weekends, counting from the day after today', () => {
    expect(weekday(TUESDAY)).toBe(2);
    expect(addWorkingDays(TUESDAY, 3)).toBe('2026-12-04'); // Friday
    expect(addWorkingDays(TUESDAY, 5)).toBe('2026-12-08'); // next Tuesday
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Saturday → Monday
    expect(addWorkingDays('2026-12-06', 5)).toBe('2026-12-11'); // Sunday → Friday
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04'); // across the year
    expect(addWorkingDays(TUESDAY, 0)).toBe(TUESDAY);
  });

  it('matches counting one day at a time, and never lands on a weekend', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), (day, days) => {
        const fast = addWorkingDays(day, days);
        expect(fast).toBe(slowWorkingDays(day, days));
        expect(isWeekend(fast)).toBe(false);
        expect(fast > day).toBe(true);
        // Never sooner than the same number of calendar days, never later than two weeks per ten.
        expect(fast >= addDays(day, days)).toBe(true);
        expect(fast <= addDays(day, Math.ceil((days * 7) / 5) + 2)).toBe(true);
      }),
    );
  });

  it('grows with the number of days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (day, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(day, low) <= addWorkingDays(day, high)).toBe(true);
      }),
    );
  });

  it("takes today's date where the server runs", () => {
    expect(localToday(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
    expect(localToday(new Date(2027, 0, 9, 0, 1))).toBe('2027-01-09');
  });
});

describe('promises read from a timeline', () => {
  const phrases = (text: string) => timelinePromises(text, TUESDAY).map((p) => [p.phrase, p.unit, p.date]);

  it('promises the end of each range, in working days where it says so', () => {
    expect(phrases('Refunds reach the card within 3–5 working days; some banks take 2 more days.')).toEqual([
      ['3–5 working days', 'working days', '2026-12-08'],
      ['2 more days', 'days', '2026-12-03'],
    ]);
    expect(phrases('Answer in 2 business days, delivery in 10 days.')).toEqual([
      ['2 business days', 'working days', '2026-12-03'],
      ['10 days', 'days', '2026-12-11'],
    ]);
    expect(phrases('About two weeks, or 4-6 weeks for old models.')).toEqual([
      ['two weeks', 'weeks', '2026-12-15'],
      ['4-6 weeks', 'weeks', '2027-01-12'],
    ]);
    expect(phrases('Callback before 17:00 the next working day.')).toEqual([['next working day', 'working days', '2026-12-02']]);
    expect(phrases('Usually 8 to 12 working days in total.')).toEqual([['8 to 12 working days', 'working days', '2026-12-17']]);
  });

  it('finds nothing where no duration is named', () => {
    expect(phrases('Today, on the call. A few hours at most.')).toEqual([]);
    expect(phrases('')).toEqual([]);
  });

  it('never promises a weekend for working days, nor anything before the lower bound', () => {
    const unit = fc.constantFrom('working days', 'business days', 'days', 'weeks');
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }), unit, (day, low, spread, words) => {
        const [promise] = timelinePromises(`We answer within ${low}–${low + spread} ${words}.`, day);
        expect(promise).toMatchObject({ from: low, to: low + spread });
        const perUnit = words === 'weeks' ? 7 : 1;
        const lowest = words.endsWith('working days') || words.startsWith('business')
          ? addWorkingDays(day, low)
          : addDays(day, low * perUnit);
        expect(promise!.date >= lowest).toBe(true);
        if (promise!.unit === 'working days') expect(isWeekend(promise!.date)).toBe(false);
      }),
    );
  });
});
