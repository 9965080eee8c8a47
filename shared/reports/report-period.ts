// What a report is asked for: a period of whole local days and the filters, as one zod schema
// read by the server's REST route and by the desktop's typed API alike, and the checks that
// need the clock (a range in 2100, a reversed range, a range too long to compute).
// Days are the company's wall clock (a fixed UTC offset, as shared/locale formats them), so a
// day means the same orders on every desktop and on the server whatever zone the computer is in.
import { z } from 'zod';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../locale/format';
import { SERVICE_TYPES } from '../domain/vocabulary';

export const DAY_MS = 86_400_000;
/** The longest period one report covers (a year and a day, so "last 12 months" always fits). */
export const REPORT_MAX_DAYS = 366;
/** Nothing of ours is older; an earlier day is a typo, not a question. */
export const REPORT_EARLIEST_DAY = '2000-01-01';
/**
 * Days back from today a desktop's replica is trusted to hold every order (the sync window of
 * the performance issue must keep at least this much). Two months: "last 30 days" and the 30
 * days before it, which the headline compares with. A period reaching earlier is computed by
 * the server.
 */
export const LOCAL_REPORT_DAYS = 62;

/** Who carried an order: our own driver, a courier service, a subcontracted carrier, nobody yet. */
export const CARRIED_BY = ['own', 'courier', 'carrier', 'none'] as const;
export type CarriedBy = (typeof CARRIED_BY)[number];

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(dayStartUtc(d, 0)) && new Date(dayStartUtc(d, 0)).toISOString().slice(0, 10) === d, 'no such day');
const id = z.string().min(1).max(128);

export const reportFiltersSchema = z
  .object({
    warehouseId: id.optional(),
    regionId: id.optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    customerId: id.optional(),
    carriedBy: z.enum(CARRIED_BY).optional(),
  })
  .strict();
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const reportQuerySchema = z
  .object({ from: isoDay, to: isoDay })
  .extend(reportFiltersSchema.shape)
  .strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export interface ReportPeriod {
  from: string;
  to: string;
  /** [startMs, endMs): local midnight of `from` to local midnight after `to`. */
  startMs: number;
  endMs: number;
  days: number;
}

export type PeriodCheck = { ok: true; period: ReportPeriod; previous: ReportPeriod } | { ok: false; field: 'from' | 'to'; message: string };

/** UTC ms of local midnight starting day `d` (YYYY-MM-DD). NaN when unreadable. */
export function dayStartUtc(d: string, offsetMinutes: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - offsetMinutes * 60_000;
}

/** The local day (YYYY-MM-DD) holding instant `ms`. */
export function localDay(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * localDay's SQL twin over a column of ms since 1970: the local day as a whole number of days
 * since 1970 (integer division; reports start in 2000, never negative), which dayOfNumber
 * writes as YYYY-MM-DD. A number, not strftime's text: it is computed for every order.
 */
export function localDaySql(column: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return `((${column} + ${Math.trunc(offsetMinutes) * 60_000}) / ${DAY_MS})`;
}

/** The YYYY-MM-DD of a localDaySql number. */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function addDays(d: string, n: number): string {
  return localDay(dayStartUtc(d, 0) + n * DAY_MS, 0);
}

/**
 * Checks a query's days against the clock and gives the period and the one before it (as many
 * days, ending where this one starts). Refusals name the field.
 */
export function resolvePeriod(q: Pick<ReportQuery, 'from' | 'to'>, now: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): PeriodCheck {
  const today = localDay(now, offsetMinutes);
  if (q.from < REPORT_EARLIEST_DAY) return { ok: false, field: 'from', message: `from: ${q.from} is before ${REPORT_EARLIEST_DAY}` };
  if (q.from > today) return { ok: false, field: 'from', message: `from: ${q.from} is after today (${today})` };
  if (q.to > today) return { ok: false, field: 'to', message: `to: ${q.to} is after today (${today})` };
  if (q.to < q.from) return { ok: false, field: 'to', message: `to: ${q.to} is before from (${q.from})` };
  const startMs = dayStartUtc(q.from, offsetMinutes);
  const endMs = dayStartUtc(q.to, offsetMinutes) + DAY_MS;
  const days = Math.round((endMs - startMs) / DAY_MS);
  if (days > REPORT_MAX_DAYS) return { ok: false, field: 'to', message: `to: the period is ${days} days; at most ${REPORT_MAX_DAYS}` };
  const prevTo = addDays(q.from, -1);
  const prevFrom = addDays(q.from, -days);
  const previous = { from: prevFrom, to: prevTo, startMs: startMs - days * DAY_MS, endMs: startMs, days };
  return { ok: true, period: { from: q.from, to: q.to, startMs, endMs, days }, previous };
}

export const PERIOD_PRESETS = ['today', 'yesterday', 'thisWeek', 'last30'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** The days of a preset at `now` (the week starts on Monday, as in Kazakhstan and Russia). */
export function presetDays(preset: PeriodPreset, now: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): { from: string; to: string } {
  const today = localDay(now, offsetMinutes);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'thisWeek': {
      const weekday = (new Date(dayStartUtc(today, 0)).getUTCDay() + 6) % 7; // Monday = 0
      return { from: addDays(today, -weekday), to: today };
    }
    case 'last30':
      return { from: addDays(today, -29), to: today };
  }
}

/** Whether a desktop holding the last LOCAL_REPORT_DAYS days can answer this period itself. */
export function periodIsLocal(period: ReportPeriod, previous: ReportPeriod, now: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): boolean {
  const horizon = localHorizonMs(now, LOCAL_REPORT_DAYS, offsetMinutes);
  return previous.startMs >= horizon && period.startMs >= horizon;
}

/**
 * Local midnight starting the last `days` whole days up to today (today counts as one):
 * where the reports' local horizon and the sync window (shared/protocol/sync-window.ts) begin.
 */
export function localHorizonMs(now: number, days: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return dayStartUtc(localDay(now, offsetMinutes), offsetMinutes) - (days - 1) * DAY_MS;
}

/** Every local day of the period, in order. */
export function periodDays(period: ReportPeriod): string[] {
  const out: string[] = [];
  for (let i = 0; i < period.days; i++) out.push(addDays(period.from, i));
  return out;
}
