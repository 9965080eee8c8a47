// The console's time words on top of the one formatter (shared/locale, reached as `t.fmt`):
// durations and the ticking countdown. Dates and clocks: `t.fmt.dateTime(ms)`, `t.fmt.time(ms)`.
import type { Translator } from './translate';

const DAY = 24 * 60 * 60_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A duration in words, two units at most: "2 дн. 4 ч", "1 hr 12 mins", "45 s". Sign dropped. */
export function formatDuration(ms: number, t: Translator): string {
  return t.fmt.duration(ms);
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
