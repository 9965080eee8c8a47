// The sync window: how much history a desktop keeps. A desktop asks for `historyDays` in its
// hello; the server sends it open orders, orders created or changed in the window, and every
// row those orders need, never the whole history. One rule for the window's length: never
// shorter than what the replica's reports rely on (LOCAL_REPORT_DAYS), whatever was asked.
import { z } from 'zod';
import { LOCAL_REPORT_DAYS, localHorizonMs } from '../reports/report-period';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../locale/format';

/** What a desktop asks for unless its settings say otherwise (the 30 days). */
export const DEFAULT_HISTORY_DAYS = 30;
/** Ten years: more than that is a typo, not a wish (a desktop wanting all history sends no window). */
export const MAX_HISTORY_DAYS = 3660;

export const historyDaysSchema = z.number().int().min(1).max(MAX_HISTORY_DAYS);

/** Days the window really spans for a request: the reports' local days are the floor. */
export function syncWindowDays(requested: number): number {
  return Math.max(requested, LOCAL_REPORT_DAYS);
}

/**
 * Unix ms where the window starts: local midnight of the first of its days (the same
 * horizon the Reports tab checks against, so a report the replica may answer has its orders).
 */
export function syncWindowStart(now: number, requested: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return localHorizonMs(now, syncWindowDays(requested), offsetMinutes);
}
