// Edges of the working calendar that a mutation run showed no test reading: the words of its
// refusals, impossible dates, a local day that starts the evening before in UTC, zero-minute
// walks outside working time, and walks long enough to need their whole day budget.
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './working-calendar';
import {
  DEFAULT_KZ_CALENDAR,
  addWorkingMinutes,
  calendarProblems,
  isWorkingDay,
  localToUtc,
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
