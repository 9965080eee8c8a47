// The inverse of the formatter for what people type: a day in the locale's order ("02.12.2026",
// "2/12/26", "2026-12-02") and a 24-hour time ("9:05", "0905", "09.05"). Day-first in every
// language we speak (en is en-GB). Returns null for anything that is not a real day or time.

/** yyyy-mm-dd from typed text, or null. Two-digit years are 20yy. */
export function parseDayInput(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[./\s-](\d{1,2})[./\s-](\d{2}|\d{4})$/.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    [d, m, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
    if (local[3]!.length === 2) y += 2000;
  } else {
    return null;
  }
  if (y < 2000 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCMonth() !== m - 1) return null; // 31.02
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "4,5", "4.5", "1 200": a number as people type it; undefined for nothing; NaN for not a number. */
export function parseAmountInput(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

/** The instant of a wall-clock day (yyyy-mm-dd) and minute in a region with a fixed UTC offset. */
export function localInstant(day: string, minuteOfDay: number, offsetMinutes: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - offsetMinutes * 60_000 + minuteOfDay * 60_000;
}

/** Minutes after midnight from "9:05", "09.05", "0905", "9"; null when not a time of day. */
export function parseTimeInput(text: string): number | null {
  const s = text.trim();
  const m = /^(\d{1,2})(?:[:.\s]?(\d{2}))?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** "09:05" from minutes after midnight (24-hour, as the formatter writes times). */
export function formatMinuteOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
