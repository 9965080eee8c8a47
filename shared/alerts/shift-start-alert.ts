// "Nobody has started the day" (issue 18, seed 004): if by the time an admin set for a
// warehouse no driver of that warehouse has started the day, on a working day of the
// warehouse's region calendar, the supervisors get one alert for that warehouse and day.
// Pure: the server's scheduler (server/alerts) feeds it rows and writes what it returns.
//
// Identity: (warehouseId, 'no_shift_start', dueAt), dueAt = that day's check time, so ticks
// and restarts never record it twice. It resolves (condition_cleared) once a driver of the
// warehouse starts the day it was raised for, or any later day.
import { formatterFor } from '../locale';
import type { ShiftState } from '../domain/vocabulary';
import { DAY_MS, isWorkingDay, MINUTE_MS, type WorkingCalendar } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';
import { openAlertRow, resolvedAlertRow } from './alert-row';
import type { AlertPlan } from './decide-alerts';
import type { BilingualText, WarehouseAlertKind } from './alert-vocabulary';

/** The last minute of a day a check may be set to (23:59). */
export const SHIFT_START_MINUTE_MAX = 24 * 60 - 1;

export interface ShiftStartWarehouse {
  id: string;
  name: string;
  /** Minutes after local midnight; null = no check for this warehouse. */
  shiftStartAlertMinute: number | null;
}

export interface ShiftStartDriver {
  shiftState: ShiftState;
  shiftChangedAt: number | null;
}

const KIND: WarehouseAlertKind = 'no_shift_start';

export function warehouseAlertId(warehouseId: string, kind: WarehouseAlertKind, dueAt: number): string {
  // A prefix of its own: order alert ids are al:<orderId>:..., and ids are free text.
  return `alw:${warehouseId}:${kind}:${dueAt}`;
}

/** Local midnight (UTC ms) of the local day the instant falls on. */
export function localDayStart(cal: WorkingCalendar, ms: number): number {
  const offset = cal.utcOffsetMinutes * MINUTE_MS;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/** The instant of the day's check: the set minute of a working day; null when off or a day off. */
export function shiftStartCheckAt(minute: number | null, cal: WorkingCalendar, now: number): number | null {
  if (minute === null || !isWorkingDay(cal, now)) return null;
  return localDayStart(cal, now) + minute * MINUTE_MS;
}

/**
 * A driver started the day that began at `dayStart`: on shift or on a break, entered since
 * then. A shift left open since yesterday (a phone that never sent "end day") does not hide
 * that nobody came in today.
 */
export function startedSince(driver: ShiftStartDriver, dayStart: number): boolean {
  return driver.shiftState !== 'off_shift' && driver.shiftChangedAt !== null && driver.shiftChangedAt >= dayStart;
}

/**
 * When the answer can next change by the clock alone: today's check if it is still ahead,
 * else the next local midnight (a new day, with its own check or none). Shift changes and
 * setting changes reach the scheduler as row changes.
 */
export function nextShiftStartCheckAt(w: ShiftStartWarehouse, cal: WorkingCalendar, now: number): number {
  const today = shiftStartCheckAt(w.shiftStartAlertMinute, cal, now) ?? Number.NEGATIVE_INFINITY;
  return today > now ? today : localDayStart(cal, now) + DAY_MS;
}

/**
 * What to record and resolve for one warehouse at `now`. `drivers` are the warehouse's drivers;
 * `recorded` are ALL its stored no_shift_start alerts (any state): an id that exists is never
 * recorded again, even once resolved (so a driver who starts and ends again raises nothing new).
 */
export function planShiftStartAlerts(
  w: ShiftStartWarehouse,
  drivers: readonly ShiftStartDriver[],
  recorded: readonly AlertRow[],
  now: number,
  cal: WorkingCalendar,
): AlertPlan {
  const anyStartedSince = (dayStart: number): boolean => drivers.some((d) => startedSince(d, dayStart));
  const resolve: AlertRow[] = recorded
    .filter((a) => a.state !== 'resolved' && anyStartedSince(localDayStart(cal, a.dueAt)))
    .map((a) => resolvedAlertRow(a, 'condition_cleared', now));

  const dueAt = shiftStartCheckAt(w.shiftStartAlertMinute, cal, now);
  if (dueAt === null || now < dueAt || anyStartedSince(localDayStart(cal, now))) return { create: [], resolve };
  const id = warehouseAlertId(w.id, KIND, dueAt);
  if (recorded.some((a) => a.id === id)) return { create: [], resolve };
  const row = openAlertRow(
    {
      id,
      orderId: null,
      orderNumber: null,
      warehouseId: w.id,
      kind: KIND,
      dueAt,
      triggeredAt: dueAt,
      // Unaddressed: every supervisor and admin on duty hears of it (shared/alerts/alert-recipient.ts).
      audience: 'supervisor',
      assigneeId: null,
      priority: false,
      customerName: '',
      message: shiftStartMessage(w.name, dueAt, cal.utcOffsetMinutes),
      tasks: [],
    },
    now,
  );
  return { create: [row], resolve };
}

/**
 * The alert's words, with the check time and date in the warehouse's local time. The name stands
 * alone: warehouses are often named "Склад ..." already.
 */
export function shiftStartMessage(warehouseName: string, dueAt: number, utcOffsetMinutes: number): BilingualText {
  const ru = formatterFor('ru', utcOffsetMinutes);
  const en = formatterFor('en', utcOffsetMinutes);
  return {
    ru: `«${warehouseName}»: к ${ru.time(dueAt)} (${ru.date(dueAt)}) ни один водитель склада не начал рабочий день.`,
    en: `${warehouseName}: no driver of the warehouse had started the day by ${en.time(dueAt)} (${en.date(dueAt)}).`,
  };
}
