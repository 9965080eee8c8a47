import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WorkingCalendar } from './working-calendar';
import {
  DEFAULT_KZ_CALENDAR,
  KZ_PUBLIC_HOLIDAYS_2026,
  KZ_PUBLIC_HOLIDAYS_2027,
  addWorkingDayMinutes,
  addWorkingMinutes,
  calendarProblems,
  isWorkingDay,
  isWorkingTime,
  localDate,
  localToUtc,
  subtractWorkingDayMinutes,
  subtractWorkingMinutes,
  workingCalendarSchema,
} from './working-calendar';

const KZ = DEFAULT_KZ_CALENDAR;
const local = (m: number, d: number, h = 0, min = 0, y = 2026) => localToUtc(KZ, y, m, d, h, min);

describe('time zone arithmetic', () => {
  it('reads 17:30 in Astana as 12:30 UTC, without Intl', () => {
    expect(local(2, 27, 17, 30)).toBe(Date.UTC(2026, 1, 27, 12, 30));
    expect(localDate(KZ, Date.UTC(2026, 1, 27, 19, 0))).toBe('2026-02-28'); // 00:00 local next day
    expect(localDate(KZ, Date.UTC(2026, 1, 27, 18, 59))).toBe('2026-02-27');
  });

  it('knows working days and hours in local time', () => {
    expect(isWorkingDay(KZ, local(2, 27, 12))).toBe(true); // Friday
    expect(isWorkingDay(KZ, local(2, 28, 12))).toBe(false); // Saturday
    expect(isWorkingDay(KZ, local(3, 23, 12))).toBe(false); // Nauryz, a Monday
    expect(isWorkingTime(KZ, local(3, 2, 9, 0))).toBe(true);
    expect(isWorkingTime(KZ, local(3, 2, 18, 0))).toBe(false);
    expect(isWorkingTime(KZ, local(3, 2, 8, 59))).toBe(false);
  });
});

describe('addWorkingMinutes (working hours)', () => {
  it('counts inside one day and lands on 18:00 rather than the next morning', () => {
    expect(addWorkingMinutes(KZ, local(3, 2, 10), 240)).toBe(local(3, 2, 14));
    expect(addWorkingMinutes(KZ, local(3, 2, 17), 60)).toBe(local(3, 2, 18));
    expect(addWorkingMinutes(KZ, local(3, 2, 17), 61)).toBe(local(3, 3, 9, 1));
  });

  it('waits for the morning when started before or after hours', () => {
    expect(addWorkingMinutes(KZ, local(3, 2, 7), 240)).toBe(local(3, 2, 13));
    expect(addWorkingMinutes(KZ, local(3, 2, 20), 240)).toBe(local(3, 3, 13));
  });

  it('crosses a weekend: Friday 17:30 + 4 h = Monday 12:30', () => {
    expect(addWorkingMinutes(KZ, local(2, 27, 17, 30), 240)).toBe(local(3, 2, 12, 30));
  });

  it('crosses a holiday: Friday 6 March 17:30 + 4 h skips the weekend and Monday 9 March', () => {
    expect(addWorkingMinutes(KZ, local(3, 6, 17, 30), 240)).toBe(local(3, 10, 12, 30));
  });

  it('crosses the five Nauryz days off', () => {
    expect(addWorkingMinutes(KZ, local(3, 20, 16), 4 * 60)).toBe(local(3, 26, 11));
  });

  it('returns the start for zero minutes and refuses bad input', () => {
    expect(addWorkingMinutes(KZ, local(3, 1, 3), 0)).toBe(local(3, 1, 3));
    expect(() => addWorkingMinutes(KZ, 0, -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(KZ, 0, Number.NaN)).toThrow(RangeError);
    const broken: WorkingCalendar = { ...KZ, workStartMinute: 1080, workEndMinute: 540 };
    expect(() => addWorkingMinutes(broken, 0, 10)).toThrow(/Invalid working calendar/);
  });

  it('subtracts symmetrically, landing on 09:00 rather than the evening before', () => {
    expect(subtractWorkingMinutes(KZ, local(3, 3, 9, 30), 60)).toBe(local(3, 2, 17, 30));
    expect(subtractWorkingMinutes(KZ, local(3, 3, 9, 30), 30)).toBe(local(3, 3, 9, 0));
    expect(subtractWorkingMinutes(KZ, local(3, 2, 12, 30), 240)).toBe(local(2, 27, 17, 30));
  });

  it('round-trips: subtract(add(t, m), m) = t for any start inside working hours', () => {
    const starts = fc.integer({ min: 0, max: 400 * 24 * 60 }).map((m) => local(1, 1) + m * 60_000);
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 5000 }), (start, minutes) => {
        fc.pre(isWorkingTime(KZ, start));
        const end = addWorkingMinutes(KZ, start, minutes);
        expect(end).toBeGreaterThan(start);
        expect(subtractWorkingMinutes(KZ, end, minutes)).toBe(start);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addWorkingDayMinutes (around the clock, working days only)', () => {
  it('skips the weekend: Friday 10:00 + 24 h = Monday 10:00', () => {
    expect(addWorkingDayMinutes(KZ, local(2, 27, 10), 24 * 60)).toBe(local(3, 2, 10));
    expect(subtractWorkingDayMinutes(KZ, local(3, 2, 10), 24 * 60)).toBe(local(2, 27, 10));
  });

  it('skips holidays: Friday 20 March 15:00 + 24 h = Thursday 26 March 15:00 (Nauryz)', () => {
    expect(addWorkingDayMinutes(KZ, local(3, 20, 15), 24 * 60)).toBe(local(3, 26, 15));
  });

  it('starts at the next working midnight when confirmed on a day off', () => {
    expect(addWorkingDayMinutes(KZ, local(2, 28, 15), 60)).toBe(local(3, 2, 1));
  });
});

describe('DEFAULT_KZ_CALENDAR', () => {
  it('is valid and UTC+5, Monday to Friday 09:00-18:00', () => {
    expect(calendarProblems(KZ)).toEqual([]);
    expect(workingCalendarSchema.safeParse(KZ).success).toBe(true);
    expect(KZ).toMatchObject({ utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080 });
  });

  it('holds both years of public holidays, each a real date, no duplicates', () => {
    expect(KZ_PUBLIC_HOLIDAYS_2026.every((d) => d.startsWith('2026-'))).toBe(true);
    expect(KZ_PUBLIC_HOLIDAYS_2027.every((d) => d.startsWith('2027-'))).toBe(true);
    expect(new Set(KZ.holidays).size).toBe(KZ.holidays.length);
    for (const d of ['2026-01-01', '2026-03-09', '2026-03-23', '2026-05-11', '2026-12-16', '2027-01-04', '2027-03-22', '2027-12-16']) {
      expect(KZ.holidays).toContain(d);
    }
  });

  it('explains what is wrong with a bad calendar', () => {
    const bad = { ...KZ, workingDays: [], holidays: ['2026-02-30', 'soon'] };
    const problems = calendarProblems(bad);
    expect(problems.some((p) => p.startsWith('workingDays'))).toBe(true);
    expect(problems).toContain('holidays: 2026-02-30 is not a real date');
    expect(problems.some((p) => p.includes('YYYY-MM-DD'))).toBe(true);
  });
});
