// A time of day as people type it, "HH:MM" on the 24-hour clock, and as it is stored,
// minutes after local midnight (0-1439). One rule for the mutator, the API and the settings form.
import { z } from 'zod';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" from 00:00 to 23:59. */
export const timeOfDaySchema = z.string().regex(HH_MM, 'a time of day from 00:00 to 23:59 (HH:MM)');

/** "09:30" -> 570; null when it is not a 24-hour time from 00:00 to 23:59. */
export function minuteOfTime(time: string): number | null {
  const m = HH_MM.exec(time);
  return m === null ? null : Number(m[1]) * 60 + Number(m[2]);
}

/** 570 -> "09:30" (minute 0-1439). */
export function timeOfMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
