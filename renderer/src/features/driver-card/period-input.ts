// The custom period's ends as a day and a time of day on the company's clock (UTC+5, the same
// clock the one formatter shows), and back to ms.
import { DEFAULT_UTC_OFFSET_MINUTES } from '../../../../shared/locale';

const DAY_MS = 86_400_000;

export function toDayAndMinute(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): { day: string; minute: number } {
  const local = ms + offsetMinutes * 60_000;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  return { day: new Date(dayStart).toISOString().slice(0, 10), minute: Math.floor((local - dayStart) / 60_000) };
}

/** Null for a day that is not yyyy-mm-dd. */
export function fromDayAndMinute(day: string, minute: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? t + minute * 60_000 - offsetMinutes * 60_000 : null;
}
