// Edges of the working calendar that a mutation run showed no test reading: the words of its
// refusals, impossible dates, a local day that starts the evening before in UTC, zero-minute
// walks outside working time, and walks long enough to need their whole day budget.
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './working-calendar';
import {
  DEFAULT_KZ_CALENDAR,
  addWorkingDayMinutes,
  addWorkingMinutes,
  calendarProblems,
  isWorkingDay,
  localToUtc,
  subtractWorkingDayMinutes,
  subtractWorkingMinutes,
} from './working-calendar';

const KZ = DEFAULT_KZ_CALENDAR; // UTC+5, Monday to Friday 09:00-18:00
const PLAIN: WorkingCalendar = { utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: [] };

describe('working calendar: what is wrong, in words', () => {
  it('refuses a day that ends when it starts', () => {
    const cal = { ...PLAIN, workStartMinute: 600, workEndMinute: 600 };
    expect(calendarProblems(cal)).toEqual(['calendar: the working day must start before it ends']);
    expect(() => addWorkingMinutes(cal, 0, 60)).toThrow(new RangeError('Invalid working calendar: calendar: the working day must start before it ends'));
  });

  it('names holiday dates that do not exist, and takes a real 29 February', () => {
    const cal = { ...PLAIN, holidays: ['2026-02-30', '2026-04-31', '2025-02-29', '2026-13-01', '2024-02-29'] };
    expect(calendarProblems(cal)).toEqual([
      'holidays: 2026-02-30 is not a real date',
      'holidays: 2026-04-31 is not a real date',
      'holidays: 2025-02-29 is not a real date',
      'holidays: 2026-13-01 is not a real date',
    ]);
  });

  it('names the minutes it cannot count', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingMinutes(PLAIN, 0, bad)).toThrow(new RangeError(`Minutes must be a finite number >= 0, got ${String(bad)}`));
    }
  });
});

describe('working calendar: local days and long walks', () => {
  it('counts a Monday that began on Sunday evening in UTC as a working day', () => {
    const mondayOneAm = localToUtc(KZ, 2026, 3, 2, 1, 0); // Sunday 20:00 UTC
    expect(new Date(mondayOneAm).getUTCDay()).toBe(0);
    expect(isWorkingDay(KZ, mondayOneAm)).toBe(true);
    const saturdayOneAm = localToUtc(KZ, 2026, 3, 7, 1, 0); // Friday 20:00 UTC
    expect(isWorkingDay(KZ, saturdayOneAm)).toBe(false);
  });

  it('takes away no time at all from a Sunday instant', () => {
    const sunday = localToUtc(PLAIN, 2026, 3, 8, 12, 0);
    expect(subtractWorkingMinutes(PLAIN, sunday, 0)).toBe(sunday);
    expect(addWorkingMinutes(PLAIN, sunday, 0)).toBe(sunday);
  });

  it('walks 1,000 working hours forward and back (about 22 weeks)', () => {
    const start = localToUtc(PLAIN, 2026, 3, 2, 9, 0);
    const end = addWorkingMinutes(PLAIN, start, 60_000);
    // 1,000 h = 111 days of 9 h + 1 h: 22 weeks and 1 day, then one hour on the next.
    expect(end).toBe(localToUtc(PLAIN, 2026, 8, 4, 10, 0));
    expect(subtractWorkingMinutes(PLAIN, end, 60_000)).toBe(start);
  });
});

describe('working calendar: holidays that are not dates', () => {
  it('names a badly written holiday once, at its place in the list', () => {
    const cal = { ...PLAIN, holidays: ['1 March', 'x2026-01-01', '2026-01-01 ', '2026-01-01'] };
    expect(calendarProblems(cal)).toEqual([
      'holidays.0: holiday dates are YYYY-MM-DD',
      'holidays.1: holiday dates are YYYY-MM-DD',
      'holidays.2: holiday dates are YYYY-MM-DD',
    ]);
  });

  it('names a holiday that is not a string (a hand-edited list in a list) only as such', () => {
    const cal = { ...PLAIN, holidays: [['2026-02-30']] } as unknown as WorkingCalendar;
    const problems = calendarProblems(cal);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^holidays\.0: /);
    expect(problems[0]).not.toContain('real date');
  });

  it('names a missing holiday list instead of failing on it', () => {
    const cal = { ...PLAIN, holidays: null } as unknown as WorkingCalendar;
    const problems = calendarProblems(cal);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^holidays: /);
  });

  it('refuses a two-digit year rather than reading it as 19xx', () => {
    expect(calendarProblems({ ...PLAIN, holidays: ['0050-01-01', '1950-01-01'] })).toEqual(['holidays: 0050-01-01 is not a real date']);
  });

  it('lists every problem of a calendar it refuses to count with', () => {
    const cal = { ...PLAIN, workingDays: [], holidays: ['2026-02-30'] };
    expect(() => addWorkingMinutes(cal, 0, 60)).toThrow(
      new RangeError('Invalid working calendar: workingDays: Too small: expected array to have >=1 items; holidays: 2026-02-30 is not a real date'),
    );
  });
});

describe('working calendar: a sparse week', () => {
  // One working day a week and ten of those days off in a row: the next working time is ten
  // weeks away, and both walks must reach it (a day budget of "one day per holiday" did not).
  const MONDAYS: WorkingCalendar = {
    ...PLAIN,
    workingDays: [1],
    holidays: ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27', '2026-05-04'],
  };

  it('walks past ten Monday holidays to the next working Monday and back', () => {
    const start = localToUtc(MONDAYS, 2026, 3, 2, 9, 0);
    const end = addWorkingMinutes(MONDAYS, start, 60);
    expect(end).toBe(localToUtc(MONDAYS, 2026, 5, 11, 10, 0));
    expect(subtractWorkingMinutes(MONDAYS, end, 60)).toBe(localToUtc(MONDAYS, 2026, 5, 11, 9, 0));
    const tuesdayAfter = localToUtc(MONDAYS, 2026, 5, 12, 12, 0);
    expect(subtractWorkingMinutes(MONDAYS, tuesdayAfter, 9 * 60 + 30)).toBe(localToUtc(MONDAYS, 2026, 2, 23, 17, 30));
  });

  it('counts whole days the same way', () => {
    const start = localToUtc(MONDAYS, 2026, 3, 2, 12, 0);
    expect(addWorkingDayMinutes(MONDAYS, start, 60)).toBe(localToUtc(MONDAYS, 2026, 5, 11, 1, 0));
    expect(subtractWorkingDayMinutes(MONDAYS, localToUtc(MONDAYS, 2026, 5, 12, 12, 0), 25 * 60)).toBe(localToUtc(MONDAYS, 2026, 2, 23, 23, 0));
  });
});
