// Times on screen are the region's wall clock (Kazakhstan: UTC+5 all year), whatever zone the
// dispatcher's computer is set to. A fixed offset rather than an IANA zone: older tz databases
// still put Almaty at UTC+6, and the domain calendar states the offset plainly.
import type { Translator } from './translate';

export const DEFAULT_UTC_OFFSET_MINUTES = 5 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The wall-clock fields of `ms` in a zone `offsetMinutes` east of UTC. */
export function wallClock(ms: number, offsetMinutes: number) {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** "14:05" */
export function formatClock(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const w = wallClock(ms, offsetMinutes);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "14:05:09" */
export function formatClockSeconds(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const w = wallClock(ms, offsetMinutes);
  return `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** "25.11.2025 14:05" (the same numeric form reads fine in Russian and English). */
export function formatDateTime(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const w = wallClock(ms, offsetMinutes);
  return `${pad2(w.day)}.${pad2(w.month)}.${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "14:05" when `ms` is on the same local day as `now`, else "24.11 14:05". */
export function formatShortDateTime(ms: number, now: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const a = wallClock(ms, offsetMinutes);
  const b = wallClock(now, offsetMinutes);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  const clock = `${pad2(a.hour)}:${pad2(a.minute)}`;
  return sameDay ? clock : `${pad2(a.day)}.${pad2(a.month)} ${clock}`;
}

/**
 * A duration in words, two units at most: "2 d 4 h", "1 h 12 min", "12 min", "45 s".
 * Seconds appear only under a minute so "overdue" text doesn't jitter every second.
 */
export function formatDuration(ms: number, t: Translator): string {
  const abs = Math.max(0, Math.floor(Math.abs(ms)));
  if (abs < MINUTE) return t('duration.s', { n: Math.floor(abs / 1000) });
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) {
    return hours > 0 ? `${t('duration.d', { n: days })} ${t('duration.h', { n: hours })}` : t('duration.d', { n: days });
  }
  if (hours > 0) {
    return minutes > 0 ? `${t('duration.h', { n: hours })} ${t('duration.min', { n: minutes })}` : t('duration.h', { n: hours });
  }
  return t('duration.min', { n: minutes });
}

/**
 * A ticking "time left": "3:07:45" under a day (the seconds visibly move), "2 d 4 h" beyond.
 * Negative input is treated as zero; callers show overdue orders with formatDuration.
 */
export function formatTimer(ms: number, t: Translator): string {
  const abs = Math.max(0, Math.floor(ms));
  if (abs >= DAY) return formatDuration(abs, t);
  const totalSeconds = Math.floor(abs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${h}:${pad2(m)}:${pad2(s)}`;
}
