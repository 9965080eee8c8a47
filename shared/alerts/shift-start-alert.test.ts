// "Nobody has started the day by the warehouse's time" (issue 18, seed 004): before and after
// the time, days off, someone started, the local day against the UTC day, once per day.
import { describe, expect, it } from 'vitest';
import { DAY_MS, type WorkingCalendar } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';
import {
  localDayStart,
  nextShiftStartCheckAt,
  planShiftStartAlerts,
  SHIFT_START_MINUTE_MAX,
  shiftStartCheckAt,
  shiftStartMessage,
  startedSince,
  warehouseAlertId,
  type ShiftStartDriver,
  type ShiftStartWarehouse,
} from './shift-start-alert';

/** UTC+5, Monday to Friday; Wednesday 4 March 2026 is made a holiday. */
const cal: WorkingCalendar = { utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: ['2026-03-04'] };
const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const TUE = '2026-03-03';
const NINE = 9 * 60;
const w: ShiftStartWarehouse = { id: 'w1', name: 'Astana North', shiftStartAlertMinute: NINE };
const off: ShiftStartDriver = { shiftState: 'off_shift', shiftChangedAt: local('2026-03-02', '19:00') };
const startedAt = (at: number, state: ShiftStartDriver['shiftState'] = 'on_shift'): ShiftStartDriver => ({ shiftState: state, shiftChangedAt: at });

describe('localDayStart', () => {
  it('is local midnight, also when the UTC date is still the day before', () => {
    expect(localDayStart(cal, local(TUE, '00:30'))).toBe(local(TUE, '00:00'));
    expect(localDayStart(cal, local(TUE, '23:59'))).toBe(local(TUE, '00:00'));
    expect(localDayStart(cal, local(TUE, '00:00'))).toBe(local(TUE, '00:00'));
    // 00:30 in Astana is 19:30 UTC of Monday.
    expect(localDayStart(cal, Date.parse('2026-03-02T19:30:00Z'))).toBe(Date.parse('2026-03-02T19:00:00Z'));
  });

  it('works west of Greenwich too', () => {
    const west = { ...cal, utcOffsetMinutes: -300 };
    // 02:00 UTC on Tuesday is 21:00 on Monday at UTC-5.
    expect(localDayStart(west, Date.parse('2026-03-03T02:00:00Z'))).toBe(Date.parse('2026-03-02T05:00:00Z'));
  });
});

describe('shiftStartCheckAt', () => {
  it('is the set minute of a working day in local time', () => {
    expect(shiftStartCheckAt(NINE, cal, local(TUE, '07:00'))).toBe(local(TUE, '09:00'));
    expect(shiftStartCheckAt(NINE, cal, local(TUE, '18:00'))).toBe(local(TUE, '09:00'));
    expect(shiftStartCheckAt(0, cal, local(TUE, '18:00'))).toBe(local(TUE, '00:00'));
    expect(shiftStartCheckAt(SHIFT_START_MINUTE_MAX, cal, local(TUE, '18:00'))).toBe(local(TUE, '23:59'));
  });

  it('is none when the check is off, on a holiday and on a weekend', () => {
    expect(shiftStartCheckAt(null, cal, local(TUE, '10:00'))).toBeNull();
    expect(shiftStartCheckAt(NINE, cal, local('2026-03-04', '10:00'))).toBeNull();
    expect(shiftStartCheckAt(NINE, cal, local('2026-03-07', '10:00'))).toBeNull();
  });

  it('follows the local day: 00:30 on the holiday is still Tuesday in UTC, and has no check', () => {
    expect(shiftStartCheckAt(15, cal, Date.parse('2026-03-03T19:30:00Z'))).toBeNull();
    expect(shiftStartCheckAt(15, cal, Date.parse('2026-03-02T19:30:00Z'))).toBe(Date.parse('2026-03-02T19:15:00Z'));
  });
});

describe('startedSince', () => {
  const day = local(TUE, '00:00');
  it('counts a driver on shift or on a break who entered it that day, from midnight on', () => {
    expect(startedSince(startedAt(local(TUE, '08:00')), day)).toBe(true);
    expect(startedSince(startedAt(local(TUE, '08:30'), 'on_break'), day)).toBe(true);
    expect(startedSince(startedAt(day), day)).toBe(true);
  });

  it('does not count an ended day, a shift left open since yesterday, or an unknown time', () => {
    expect(startedSince(startedAt(local(TUE, '08:00'), 'off_shift'), day)).toBe(false);
    expect(startedSince(startedAt(day - 1), day)).toBe(false);
    expect(startedSince({ shiftState: 'on_shift', shiftChangedAt: null }, day)).toBe(false);
    // Not even on the epoch's own day (null would compare as 0 there).
    expect(startedSince({ shiftState: 'on_shift', shiftChangedAt: null }, 0)).toBe(false);
  });
});

describe('nextShiftStartCheckAt', () => {
  it("is today's check while it is ahead, else the next local midnight", () => {
    expect(nextShiftStartCheckAt(w, cal, local(TUE, '08:59'))).toBe(local(TUE, '09:00'));
    expect(nextShiftStartCheckAt(w, cal, local(TUE, '09:00'))).toBe(local('2026-03-04', '00:00'));
    expect(nextShiftStartCheckAt(w, cal, local(TUE, '12:00'))).toBe(local('2026-03-04', '00:00'));
    expect(nextShiftStartCheckAt({ ...w, shiftStartAlertMinute: null }, cal, local(TUE, '08:00'))).toBe(local('2026-03-04', '00:00'));
    expect(nextShiftStartCheckAt(w, cal, local('2026-03-04', '08:00'))).toBe(local('2026-03-05', '00:00'));
  });
});

describe('warehouseAlertId', () => {
  it('names the warehouse, the kind and the moment, apart from order alert ids', () => {
    expect(warehouseAlertId('w1', 'no_shift_start', 1234)).toBe('alw:w1:no_shift_start:1234');
  });
});

describe('shiftStartMessage', () => {
  it('says it in words with the local time and date, in Russian and English', () => {
    // 17 March: day and month apart, so a date in another English (17/03 against 03/17) shows.
    expect(shiftStartMessage('Astana North', local('2026-03-17', '09:00'), 300)).toEqual({
      ru: '«Astana North»: к 09:00 (17.03.2026) ни один водитель склада не начал рабочий день.',
      en: 'Astana North: no driver of the warehouse had started the day by 09:00 (17/03/2026).',
    });
  });
});

describe('planShiftStartAlerts', () => {
  const at = local(TUE, '09:00');
  const nothing = { create: [], resolve: [] };

  it('says nothing before the time, and alerts the supervisors from the time on when nobody started', () => {
    expect(planShiftStartAlerts(w, [off], [], at - 1, cal)).toEqual(nothing);
    const plan = planShiftStartAlerts(w, [off], [], at, cal);
    expect(plan.resolve).toEqual([]);
    expect(plan.create).toEqual([
      {
        id: 'alw:w1:no_shift_start:' + at,
        orderId: null,
        orderNumber: null,
        warehouseId: 'w1',
        kind: 'no_shift_start',
        dueAt: at,
        triggeredAt: at,
        createdAt: at,
        audience: 'supervisor',
        assigneeId: null,
        priority: false,
        customerName: '',
        messageRu: shiftStartMessage('Astana North', at, 300).ru,
        messageEn: shiftStartMessage('Astana North', at, 300).en,
        tasks: [],
        state: 'open',
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgedByName: null,
        resolvedAt: null,
        resolution: null,
        updatedAt: at,
      },
    ]);
    // Recorded late (the server was down): still that day's moment, created when seen.
    const late = planShiftStartAlerts(w, [], [], local(TUE, '11:00'), cal).create[0];
    expect(late).toMatchObject({ dueAt: at, triggeredAt: at, createdAt: local(TUE, '11:00'), updatedAt: local(TUE, '11:00') });
  });

  it('says nothing when one driver of several started the day', () => {
    expect(planShiftStartAlerts(w, [off, startedAt(local(TUE, '08:10'))], [], local(TUE, '10:00'), cal)).toEqual(nothing);
    expect(planShiftStartAlerts(w, [startedAt(local(TUE, '08:10'), 'on_break'), off], [], local(TUE, '10:00'), cal)).toEqual(nothing);
  });

  it('says nothing on a holiday, on a weekend, or with the check off', () => {
    expect(planShiftStartAlerts(w, [off], [], local('2026-03-04', '10:00'), cal)).toEqual(nothing);
    expect(planShiftStartAlerts(w, [off], [], local('2026-03-08', '10:00'), cal)).toEqual(nothing);
    expect(planShiftStartAlerts({ ...w, shiftStartAlertMinute: null }, [off], [], local(TUE, '10:00'), cal)).toEqual(nothing);
  });

  it('time zone edge: a shift started at 23:50 the night before is yesterday, not today', () => {
    const lastNight = startedAt(local('2026-03-02', '23:50'));
    expect(planShiftStartAlerts(w, [lastNight], [], local(TUE, '09:30'), cal).create.map((a) => a.dueAt)).toEqual([at]);
    // A check at 00:30 falls at 19:30 UTC of the day before: it belongs to the local day.
    const early = { ...w, shiftStartAlertMinute: 30 };
    expect(planShiftStartAlerts(early, [], [], Date.parse('2026-03-02T19:40:00Z'), cal).create.map((a) => a.dueAt)).toEqual([Date.parse('2026-03-02T19:30:00Z')]);
  });

  it('records one alert per warehouse and day, never again that day, even once resolved', () => {
    const [first] = planShiftStartAlerts(w, [off], [], at, cal).create as [AlertRow];
    expect(planShiftStartAlerts(w, [off], [first], local(TUE, '12:00'), cal)).toEqual(nothing);
    const resolved: AlertRow = { ...first, state: 'resolved', resolution: 'condition_cleared', resolvedAt: at + 1 };
    // The driver who came in went home again: the day's alert was already said.
    expect(planShiftStartAlerts(w, [startedAt(local(TUE, '11:00'), 'off_shift')], [resolved], local(TUE, '12:00'), cal)).toEqual(nothing);
    // The next working day is a new day with its own alert (Wednesday is a holiday).
    const thu = planShiftStartAlerts(w, [off], [resolved], local('2026-03-05', '09:05'), cal).create;
    expect(thu.map((a) => a.id)).toEqual([warehouseAlertId('w1', 'no_shift_start', local('2026-03-05', '09:00'))]);
    expect(planShiftStartAlerts({ ...w, id: 'w2' }, [off], [first], at, cal).create.map((a) => a.warehouseId)).toEqual(['w2']);
  });

  it('resolves an open or acknowledged alert once a driver starts the day it was raised for, or later', () => {
    const [first] = planShiftStartAlerts(w, [off], [], at, cal).create as [AlertRow];
    const now = local(TUE, '09:40');
    const plan = planShiftStartAlerts(w, [off, startedAt(local(TUE, '09:35'))], [first], now, cal);
    expect(plan).toEqual({ create: [], resolve: [{ ...first, state: 'resolved', resolution: 'condition_cleared', resolvedAt: now, updatedAt: now }] });
    const acked: AlertRow = { ...first, state: 'acknowledged', acknowledgedAt: at + 5 };
    expect(planShiftStartAlerts(w, [startedAt(local('2026-03-05', '08:00'))], [acked], local('2026-03-05', '08:01'), cal).resolve.map((a) => [a.id, a.state])).toEqual([
      [first.id, 'resolved'],
    ]);
  });

  it('leaves alone a resolved alert, and an open one nobody came in for yet', () => {
    const [first] = planShiftStartAlerts(w, [off], [], at, cal).create as [AlertRow];
    const done: AlertRow = { ...first, state: 'resolved', resolution: 'condition_cleared', resolvedAt: at + 1, updatedAt: at + 1 };
    expect(planShiftStartAlerts(w, [startedAt(local(TUE, '09:30'))], [done], local(TUE, '10:00'), cal)).toEqual(nothing);
    // A shift left open since before the alert's day does not clear it.
    expect(planShiftStartAlerts(w, [startedAt(local('2026-03-02', '08:00'))], [first], local(TUE, '10:00'), cal)).toEqual(nothing);
  });

  it('also resolves while the next day is still before its time', () => {
    const [first] = planShiftStartAlerts(w, [off], [], at, cal).create as [AlertRow];
    const thuEarly = local('2026-03-05', '07:00');
    const plan = planShiftStartAlerts(w, [startedAt(local('2026-03-05', '06:50'))], [first], thuEarly, cal);
    expect(plan.create).toEqual([]);
    expect(plan.resolve.map((a) => a.resolvedAt)).toEqual([thuEarly]);
  });

  it('a next day has no trace of the previous one: DAY_MS apart', () => {
    expect(shiftStartCheckAt(NINE, cal, local('2026-03-05', '10:00'))! - shiftStartCheckAt(NINE, cal, local('2026-03-06', '10:00'))!).toBe(-DAY_MS);
  });
});
