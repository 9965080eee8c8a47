import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '../domain/vocabulary';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import { CARRIER_ALERT_KINDS, isAlertFor, isCarrierAlertKind, mayAcknowledgeAlert, mayReceiveAlertKind } from './alert-recipient';
import { ALERT_KINDS } from './alert-vocabulary';
import { planShiftStartAlerts } from './shift-start-alert';

const dispatcher = { id: 'u-d1', role: 'dispatcher' } as const;
const other = { id: 'u-d2', role: 'dispatcher' } as const;
const supervisor = { id: 'u-s', role: 'supervisor' } as const;
const logistician = { id: 'u-l', role: 'logistician' } as const;

describe('isAlertFor', () => {
  it('an addressed alert is its assignee’s alone', () => {
    const a = { kind: 'sla_warning', audience: 'dispatcher', assigneeId: 'u-d1' } as const;
    expect(isAlertFor(a, dispatcher)).toBe(true);
    expect(isAlertFor(a, other)).toBe(false);
    expect(isAlertFor(a, supervisor)).toBe(false);
    expect(isAlertFor({ kind: 'sla_critical', audience: 'supervisor', assigneeId: 'u-s' }, supervisor)).toBe(true);
    expect(isAlertFor({ kind: 'sla_critical', audience: 'supervisor', assigneeId: 'u-s' }, dispatcher)).toBe(false);
  });
  it('an unaddressed alert goes to its audience on duty; logisticians and storekeepers get none', () => {
    expect(isAlertFor({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: null }, other)).toBe(true);
    expect(isAlertFor({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: null }, supervisor)).toBe(true);
    expect(isAlertFor({ kind: 'sla_critical', audience: 'supervisor', assigneeId: null }, dispatcher)).toBe(false);
    expect(isAlertFor({ kind: 'sla_critical', audience: 'supervisor', assigneeId: null }, { id: 'u-a', role: 'admin' })).toBe(true);
    expect(isAlertFor({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: null }, logistician)).toBe(false);
    expect(isAlertFor({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: 'u-w' }, { id: 'u-w', role: 'warehouse' })).toBe(false);
    expect(isAlertFor({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: null }, null)).toBe(false);
  });
  it('a warehouse alert (nobody started the day) reaches every supervisor and admin, no dispatcher or storekeeper', () => {
    const [row] = planShiftStartAlerts({ id: 'w1', name: 'Astana North', shiftStartAlertMinute: 540 }, [], [], Date.parse('2026-03-03T09:00:00+05:00'), DEFAULT_KZ_CALENDAR).create;
    if (row === undefined) throw new Error('expected a warehouse alert');
    expect(isAlertFor(row, supervisor)).toBe(true);
    expect(isAlertFor(row, { id: 'u-s2', role: 'supervisor' })).toBe(true);
    expect(isAlertFor(row, { id: 'u-a', role: 'admin' })).toBe(true);
    expect(isAlertFor(row, dispatcher)).toBe(false);
    expect(isAlertFor(row, { id: 'u-w', role: 'warehouse' })).toBe(false);
    expect(isAlertFor(row, logistician)).toBe(false);
  });
  it("a logistician gets the carrier follow-ups addressed to them, and nothing else (issue 16's gap)", () => {
    for (const kind of CARRIER_ALERT_KINDS) {
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: 'u-l' }, logistician)).toBe(true);
      // Another logistician's, or unaddressed (the desk's on duty): not theirs.
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: 'u-l2' }, logistician)).toBe(false);
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: null }, logistician)).toBe(false);
      // The dispatcher on duty does not hear of a logistician's carrier.
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: 'u-l' }, dispatcher)).toBe(false);
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: null }, dispatcher)).toBe(true);
    }
    // An SLA alert addressed to a logistician (it never is: the scheduler addresses the desk) stays off their screen.
    for (const kind of ALERT_KINDS.filter((k) => !isCarrierAlertKind(k))) {
      expect(isAlertFor({ kind, audience: 'dispatcher', assigneeId: 'u-l' }, logistician)).toBe(false);
    }
    expect(isAlertFor({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: 'u-w' }, { id: 'u-w', role: 'warehouse' })).toBe(false);
  });
});

describe('who may receive which kinds', () => {
  it('the carrier kinds are the loading reminder and the calls', () => {
    expect(CARRIER_ALERT_KINDS).toEqual(['carrier_loading', 'carrier_call']);
    expect(ALERT_KINDS.filter(isCarrierAlertKind)).toEqual(['carrier_loading', 'carrier_call']);
  });
  it('the desk every kind, a logistician the carrier kinds, nobody else any', () => {
    const table = Object.fromEntries(USER_ROLES.map((role) => [role, ALERT_KINDS.filter((k) => mayReceiveAlertKind(role, k))]));
    expect(table).toEqual({
      dispatcher: [...ALERT_KINDS],
      supervisor: [...ALERT_KINDS],
      admin: [...ALERT_KINDS],
      logistician: ['carrier_loading', 'carrier_call'],
      warehouse: [],
      integration: [],
    });
    expect(mayReceiveAlertKind(null, 'carrier_call')).toBe(false);
    expect(mayReceiveAlertKind(undefined, 'sla_warning')).toBe(false);
  });
});

describe('mayAcknowledgeAlert', () => {
  it("the desk any alert, a supervisor a dispatcher's too", () => {
    const theirs = { kind: 'sla_warning', audience: 'dispatcher', assigneeId: 'u-d1' } as const;
    expect(mayAcknowledgeAlert(theirs, dispatcher)).toBe(true);
    expect(mayAcknowledgeAlert(theirs, other)).toBe(true);
    expect(mayAcknowledgeAlert(theirs, supervisor)).toBe(true);
    expect(mayAcknowledgeAlert({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: 'u-l' }, other)).toBe(true);
  });
  it('a logistician only their own carrier follow-ups; storekeepers and nobody none', () => {
    expect(mayAcknowledgeAlert({ kind: 'carrier_loading', audience: 'dispatcher', assigneeId: 'u-l' }, logistician)).toBe(true);
    expect(mayAcknowledgeAlert({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: 'u-l' }, logistician)).toBe(true);
    expect(mayAcknowledgeAlert({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: 'u-d1' }, logistician)).toBe(false);
    expect(mayAcknowledgeAlert({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: null }, logistician)).toBe(false);
    expect(mayAcknowledgeAlert({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: 'u-l' }, logistician)).toBe(false);
    expect(mayAcknowledgeAlert({ kind: 'carrier_call', audience: 'dispatcher', assigneeId: 'u-w' }, { id: 'u-w', role: 'warehouse' })).toBe(false);
    expect(mayAcknowledgeAlert({ kind: 'sla_warning', audience: 'dispatcher', assigneeId: null }, null)).toBe(false);
  });
});
