// A region's working calendar and time arithmetic on it. Local time is UTC + a fixed offset
// (Kazakhstan has one offset all year, UTC+5 since 2024), so this is plain arithmetic on the
// offset: no Intl, no IANA zones, and the same answer in Node, Electron and the browser.
// Calendars are data (the `regions` table); treat a calendar object as immutable once used,
// because its parsed form is cached by object identity.
import { z } from 'zod';

export interface WorkingCalendar {
  utcOffsetMinutes: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workingDays: readonly number[];
  /** Minutes after local midnight. */
  workStartMinute: number;
  workEndMinute: number;
  /** Local dates 'YYYY-MM-DD' that are days off even when their weekday is a working day. */
  holidays: readonly string[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const workingCalendarSchema = z
  .object({
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    workStartMinute: z.number().int().min(0).max(1439),
    workEndMinute: z.number().int().min(1).max(1440),
    holidays: z.array(z.string().regex(DATE_RE, 'holiday dates are YYYY-MM-DD')),
  })
  .refine((c) => c.workStartMinute < c.workEndMinute, { message: 'the working day must start before it ends' });

/**
 * Kazakhstan's public days off: fixed holidays, plus the next working day when a holiday falls
 * on a weekend (Labour Code; religious holidays, Orthodox Christmas and Kurban Ait, are not
 * carried over). Kurban Ait follows the lunar calendar and is announced yearly; the dates
 * here are the expected ones. Government decrees that swap single days are not known in
 * advance: admins add them to the region's calendar.
 */
export const KZ_PUBLIC_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01', '2026-01-02', // New Year
  '2026-01-07', // Orthodox Christmas
  '2026-03-08', '2026-03-09', // Women's Day (Sunday) + carried over
  '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25', // Nauryz (Sat, Sun, Mon) + two carried over
  '2026-05-01', // Unity Day
  '2026-05-07', // Defender of the Fatherland Day
  '2026-05-09', '2026-05-11', // Victory Day (Saturday) + carried over
  '2026-05-27', // Kurban Ait (expected)
  '2026-07-06', // Capital Day
  '2026-08-30', '2026-08-31', // Constitution Day (Sunday) + carried over
  '2026-10-25', '2026-10-26', // Republic Day (Sunday) + carried over
  '2026-12-16', // Independence Day
];

export const KZ_PUBLIC_HOLIDAYS_2027: readonly string[] = [
  '2027-01-01', '2027-01-02', '2027-01-04', // New Year (Fri, Sat) + carried over
  '2027-01-07', // Orthodox Christmas
  '2027-03-08', // Women's Day
  '2027-03-21', '2027-03-22', '2027-03-23', '2027-03-24', // Nauryz (Sun, Mon, Tue) + carried over
  '2027-05-01', '2027-05-03', // Unity Day (Saturday) + carried over
  '2027-05-07', // Defender of the Fatherland Day
  '2027-05-09', '2027-05-10', // Victory Day (Sunday) + carried over
  '2027-05-16', // Kurban Ait (expected; a Sunday, not carried over)
  '2027-07-06', // Capital Day
  '2027-08-30', // Constitution Day
  '2027-10-25', // Republic Day
  '2027-12-16', // Independence Day
];

/** Astana / Almaty: Monday to Friday, 09:00-18:00, UTC+5. */
export const DEFAULT_KZ_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 300,
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 9 * 60,
  workEndMinute: 18 * 60,
  holidays: [...KZ_PUBLIC_HOLIDAYS_2026, ...KZ_PUBLIC_HOLIDAYS_2027],
};

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or null when it is not a real date. */
function dayNumber(date: string): number | null {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // A date that does not exist (30 February, month 13) rolls over into another one, and Date.UTC
  // reads years 0-99 as 1900-1999: either way the date comes back different.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}

/** What is wrong with a calendar, in words; empty when it is usable. */
export function calendarProblems(cal: WorkingCalendar): string[] {
  const parsed = workingCalendarSchema.safeParse(cal);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'calendar'}: ${i.message}`);
  // Only well-formed date strings: the schema has already named anything else.
  const holidays: unknown = cal.holidays;
  if (Array.isArray(holidays)) {
    for (const h of holidays) if (typeof h === 'string' && DATE_RE.test(h) && dayNumber(h) === null) problems.push(`holidays: ${h} is not a real date`);
  }
  return problems;
}

interface PreparedCalendar {
  offsetMs: number;
  workingDays: ReadonlySet<number>;
  holidayDays: ReadonlySet<number>;
  startMs: number;
  endMs: number;
}

const prepared = new WeakMap<WorkingCalendar, PreparedCalendar>();

function prepare(cal: WorkingCalendar): PreparedCalendar {
  return prepared.get(cal) ?? remember(cal);
}

function remember(cal: WorkingCalendar): PreparedCalendar {
  const problems = calendarProblems(cal);
  if (problems.length > 0) throw new RangeError(`Invalid working calendar: ${problems.join('; ')}`);
  const p: PreparedCalendar = {
    offsetMs: cal.utcOffsetMinutes * MINUTE_MS,
    workingDays: new Set(cal.workingDays),
    holidayDays: new Set(cal.holidays.map((h) => dayNumber(h) as number)),
    startMs: cal.workStartMinute * MINUTE_MS,
    endMs: cal.workEndMinute * MINUTE_MS,
  };
  prepared.set(cal, p);
  return p;
}

/** ISO weekday (1 = Monday) of a local day number; 1970-01-01 was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function isWorkingDayNumber(p: PreparedCalendar, day: number): boolean {
  return p.workingDays.has(isoWeekday(day)) && !p.holidayDays.has(day);
}

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(cal: WorkingCalendar, ms: number): string {
  return new Date(ms + prepare(cal).offsetMs).toISOString().slice(0, 10);
}

/** Whether the instant falls on a local working day (weekday and not a holiday). */
export function isWorkingDay(cal: WorkingCalendar, ms: number): boolean {
  const p = prepare(cal);
  return isWorkingDayNumber(p, Math.floor((ms + p.offsetMs) / DAY_MS));
}

/** Whether the instant is inside working hours of a working day. */
export function isWorkingTime(cal: WorkingCalendar, ms: number): boolean {
  const p = prepare(cal);
  const local = ms + p.offsetMs;
  const day = Math.floor(local / DAY_MS);
  const inDay = local - day * DAY_MS;
  return isWorkingDayNumber(p, day) && inDay >= p.startMs && inDay < p.endMs;
}

/** The part of a working day that counts, [from, to) in local ms: working hours, or the whole day. */
type DayWindow = (p: PreparedCalendar, day: number) => readonly [number, number];

function workingHours(p: PreparedCalendar, day: number): readonly [number, number] {
  return [day * DAY_MS + p.startMs, day * DAY_MS + p.endMs];
}

function wholeDay(_p: PreparedCalendar, day: number): readonly [number, number] {
  return [day * DAY_MS, (day + 1) * DAY_MS];
}

function checkMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Minutes must be a finite number >= 0, got ${String(minutes)}`);
  }
}

// The walks need no bound: a valid calendar works at least one weekday (start before end) and
// has finitely many holidays, so working time lies ahead of and behind every instant.

function walkForward(cal: WorkingCalendar, window: DayWindow, startMs: number, minutes: number): number {
  checkMinutes(minutes);
  const p = prepare(cal);
  if (minutes === 0) return startMs;
  let remaining = minutes * MINUTE_MS;
  // Only the first day clips its window by the cursor: every later window lies wholly after it.
  const cursor = startMs + p.offsetMs;
  for (let day = Math.floor(cursor / DAY_MS); ; day++) {
    if (!isWorkingDayNumber(p, day)) continue;
    const [start, end] = window(p, day);
    const from = Math.max(cursor, start);
    // Nothing is left of a first window the cursor is already past.
    const available = Math.max(end - from, 0);
    // Landing exactly on the window's end returns the end (18:00), not the next morning.
    if (remaining <= available) return from + remaining - p.offsetMs;
    remaining -= available;
  }
}

function walkBackward(cal: WorkingCalendar, window: DayWindow, endMs: number, minutes: number): number {
  checkMinutes(minutes);
  const p = prepare(cal);
  if (minutes === 0) return endMs;
  let remaining = minutes * MINUTE_MS;
  // Only the first day clips its window by the cursor: every earlier window lies wholly before it.
  const cursor = endMs + p.offsetMs;
  for (let day = Math.floor(cursor / DAY_MS); ; day--) {
    if (!isWorkingDayNumber(p, day)) continue;
    const [start, end] = window(p, day);
    const to = Math.min(cursor, end);
    // Nothing is left of a first window the cursor is still before.
    const available = Math.max(to - start, 0);
    // Landing exactly on the window's start returns the start (09:00), not the evening before.
    if (remaining <= available) return to - remaining - p.offsetMs;
    remaining -= available;
  }
}

/**
 * The instant when `minutes` of working time (working hours of working days) have passed
 * since `startMs`. A start outside working hours waits for the next working morning.
 */
export function addWorkingMinutes(cal: WorkingCalendar, startMs: number, minutes: number): number {
  return walkForward(cal, workingHours, startMs, minutes);
}

/** The instant `minutes` of working time before `endMs` (inverse of addWorkingMinutes). */
export function subtractWorkingMinutes(cal: WorkingCalendar, endMs: number, minutes: number): number {
  return walkBackward(cal, workingHours, endMs, minutes);
}

/** Like addWorkingMinutes, but the clock runs around the clock on working days (weekends and holidays stop it). */
export function addWorkingDayMinutes(cal: WorkingCalendar, startMs: number, minutes: number): number {
  return walkForward(cal, wholeDay, startMs, minutes);
}

export function subtractWorkingDayMinutes(cal: WorkingCalendar, endMs: number, minutes: number): number {
  return walkBackward(cal, wholeDay, endMs, minutes);
}

/** Local wall-clock instant to UTC ms: localToUtc(cal, 2026, 3, 2, 17, 30) = 17:30 local on 2 March 2026. */
export function localToUtc(cal: WorkingCalendar, year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - cal.utcOffsetMinutes * MINUTE_MS;
}
