import { describe, expect, it } from 'vitest';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import { isAlertFor } from './alert-recipient';
import { planShiftStartAlerts } from './shift-start-alert';

const dispatcher = { id: 'u-d1', role: 'dispatcher' } as const;
const other = { id: 'u-d2', role: 'dispatcher' } as const;
const supervisor = { id: 'u-s', role: 'supervisor' } as const;

describe('isAlertFor', () => {
  it('an addressed alert is its assignee’s alone', () => {
    const a = { audience: 'dispatcher', assigneeId: 'u-d1' } as const;
    expect(isAlertFor(a, dispatcher)).toBe(true);
    expect(isAlertFor(a, other)).toBe(false);
    expect(isAlertFor(a, supervisor)).toBe(false);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: 'u-s' }, supervisor)).toBe(true);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: 'u-s' }, dispatcher)).toBe(false);
  });
  it('an unaddressed alert goes to its audience on duty; logisticians and storekeepers get none', () => {
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, other)).toBe(true);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, supervisor)).toBe(true);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: null }, dispatcher)).toBe(false);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: null }, { id: 'u-a', role: 'admin' })).toBe(true);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, { id: 'u-l', role: 'logistician' })).toBe(false);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: 'u-w' }, { id: 'u-w', role: 'warehouse' })).toBe(false);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, null)).toBe(false);
  });
  it('a warehouse alert (nobody started the day) reaches every supervisor and admin, no dispatcher or storekeeper', () => {
    const [row] = planShiftStartAlerts({ id: 'w1', name: 'Astana North', shiftStartAlertMinute: 540 }, [], [], Date.parse('2026-03-03T09:00:00+05:00'), DEFAULT_KZ_CALENDAR).create;
    if (row === undefined) throw new Error('expected a warehouse alert');
    expect(isAlertFor(row, supervisor)).toBe(true);
    expect(isAlertFor(row, { id: 'u-s2', role: 'supervisor' })).toBe(true);
    expect(isAlertFor(row, { id: 'u-a', role: 'admin' })).toBe(true);
    expect(isAlertFor(row, dispatcher)).toBe(false);
    expect(isAlertFor(row, { id: 'u-w', role: 'warehouse' })).toBe(false);
  });
});
