import { describe, expect, it } from 'vitest';
import { makeTranslator } from '../i18n/translate';
import { DEFAULT_KZ_CALENDAR, type WorkingCalendar } from '../../../shared/domain/working-calendar';
import { regionCalendar, rowSla, slaText, slaTone, type SlaRowInput } from './sla-view';

const H = 3_600_000;
const MIN = 60_000;
// A Tuesday, 10:00 in Almaty: inside working hours, so working-time windows equal clock time.
const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
const en = makeTranslator('en');
const ru = makeTranslator('ru');

function row(patch: Partial<SlaRowInput>): SlaRowInput {
  return { status: 'in_transit', serviceType: 'express', vip: false, slaDeadline: NOW + 3 * H, confirmedAt: NOW - H, ...patch };
}

describe('SLA countdown', () => {
  it('ticks with seconds while running', () => {
    const s = rowSla(row({ slaDeadline: NOW + 3 * H + 7 * MIN + 45_000 }), NOW);
    expect(s.state).toBe('ok');
    expect(slaText(s, en)).toBe('3:07:45');
    expect(slaText(rowSla(row({ slaDeadline: NOW + 3 * H + 7 * MIN + 45_000 }), NOW + 1000), en)).toBe('3:07:44');
  });

  it('turns amber at the warning and red at the supervisor warning (express: 1 h, 30 min)', () => {
    expect(rowSla(row({ slaDeadline: NOW + 61 * MIN }), NOW).state).toBe('ok');
    expect(rowSla(row({ slaDeadline: NOW + 59 * MIN }), NOW).state).toBe('warning');
    expect(rowSla(row({ slaDeadline: NOW + 29 * MIN }), NOW).state).toBe('critical');
    expect(slaTone('warning')).toBe('warning');
    expect(slaTone('critical')).toBe('critical');
  });

  it('uses the VIP warning window for VIP rows (2 h)', () => {
    expect(rowSla(row({ slaDeadline: NOW + 90 * MIN }), NOW).state).toBe('ok');
    expect(rowSla(row({ vip: true, slaDeadline: NOW + 90 * MIN }), NOW).state).toBe('warning');
  });

  it('says how long overdue once breached', () => {
    const s = rowSla(row({ slaDeadline: NOW - 72 * MIN }), NOW);
    expect(s.state).toBe('breached');
    expect(slaText(s, en).replace(/[\u00a0\u202f]/g, ' ')).toBe('overdue 1 hr 12 mins');
    expect(slaText(s, ru)).toBe('просрочено 1 ч 12 мин');
    expect(slaTone('breached')).toBe('breached');
  });

  it('shows nothing to count for unconfirmed and cancelled orders', () => {
    const none = rowSla(row({ slaDeadline: null, confirmedAt: null, status: 'new' }), NOW);
    expect(none.state).toBe('none');
    expect(slaText(none, en)).toBe('—');
    expect(rowSla(row({ status: 'cancelled' }), NOW).state).toBe('none');
    expect(slaTone('none')).toBe('muted');
  });

  it('judges delivered orders by their delivery time, not the running clock', () => {
    const met = rowSla(row({ status: 'delivered', deliveredAt: NOW - H, slaDeadline: NOW - 30 * MIN }), NOW);
    expect(met.state).toBe('met');
    expect(slaText(met, en)).toBe('on time');
  });

  it('does not crash the list on a service type it does not know', () => {
    expect(rowSla(row({ serviceType: 'teleport' as 'express' }), NOW).state).toBe('none');
  });
});

describe('SLA countdown in the order region calendar', () => {
  // A standard order (working days: the clock runs all day, but only on working days) due
  // Tuesday 12:01 Almaty, looked at on Tuesday 9:30. By the default calendar its warning windows
  // lie ahead on Tuesday morning. Where the admin made that Tuesday a holiday, the working time
  // before the deadline is Monday's: it is already red.
  const due = row({ serviceType: 'standard', slaDeadline: NOW + 2 * H + MIN, confirmedAt: NOW - 30 * H });
  const holidayTuesday: WorkingCalendar = { ...DEFAULT_KZ_CALENDAR, holidays: [...DEFAULT_KZ_CALENDAR.holidays, '2026-02-10'] };

  it('uses the calendar it is given, not the default', () => {
    expect(rowSla(due, NOW - 30 * MIN).state).toBe('ok');
    const inRegion = rowSla(due, NOW - 30 * MIN, undefined, holidayTuesday);
    expect(inRegion.state).toBe('critical');
    expect(inRegion.warnAt).toBeLessThan(rowSla(due, NOW).warnAt ?? 0);
    // The stored deadline is the server's, already counted in the region (and recounted when an
    // admin edits it): time left is the same, only the colours move.
    expect(inRegion.msLeft).toBe(rowSla(due, NOW - 30 * MIN).msLeft);
  });

  it('counts the time left in the region calendar when no deadline is stored yet', () => {
    // Express (4 working hours) confirmed Tuesday 10:00 Almaty.
    const confirmed = row({ serviceType: 'express', slaDeadline: null, confirmedAt: NOW });
    expect(rowSla(confirmed, NOW).msLeft).toBe(4 * H); // due Tuesday 14:00
    // The admin made Tuesday a holiday: the clock starts Wednesday 09:00, due Wednesday 13:00.
    expect(rowSla(confirmed, NOW, undefined, holidayTuesday).msLeft).toBe(27 * H);
    // The region works 09:00-12:00: two hours on Tuesday, two on Wednesday, due Wednesday 11:00.
    const shortDays: WorkingCalendar = { ...DEFAULT_KZ_CALENDAR, workEndMinute: 12 * 60 };
    expect(rowSla(confirmed, NOW, undefined, shortDays).msLeft).toBe(25 * H);
  });

  it("takes the order's region from the session's calendars, the default for an unknown region", () => {
    const calendars = { almaty: holidayTuesday };
    expect(regionCalendar(calendars, 'almaty')).toBe(holidayTuesday);
    expect(regionCalendar(calendars, 'astana')).toBeUndefined();
    expect(regionCalendar(calendars, undefined)).toBeUndefined();
    expect(regionCalendar(undefined, 'almaty')).toBeUndefined();
    // A plain object's inherited members are no region.
    expect(regionCalendar(calendars, 'constructor')).toBeUndefined();
    expect(regionCalendar(calendars, '__proto__')).toBeUndefined();
  });
});

describe('a new order in the queue', () => {
  it('says how long it has waited instead of a dash, in both languages', () => {
    const none = { state: 'none', msLeft: null } as const;
    const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(sp(slaText(none, makeTranslator('en'), 25 * 60_000))).toBe('waiting 25 mins');
    expect(sp(slaText(none, makeTranslator('ru'), 25 * 60_000))).toBe('ждёт 25 мин');
    expect(slaText(none, makeTranslator('en'))).toBe('—');
  });
});
