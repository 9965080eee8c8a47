import { describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../domain/vocabulary';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import { CARRIER_ALERT_KINDS, isAlertFor, isCarrierAlertKind, mayAcknowledgeAlert, mayReceiveAlertKind } from './alert-recipient';
import { ALERT_KINDS, type AlertAudience, type AlertKind } from './alert-vocabulary';
import { planShiftStartAlerts } from './shift-start-alert';

// Everyone the rule chooses between: two of each desk role that has more than one person on
// duty, two logisticians, an admin and a storekeeper. Each check asks the rule about all of them.
const people = {
  dispatcher: { id: 'u-d1', role: 'dispatcher' },
  otherDispatcher: { id: 'u-d2', role: 'dispatcher' },
  supervisor: { id: 'u-s', role: 'supervisor' },
  otherSupervisor: { id: 'u-s2', role: 'supervisor' },
  admin: { id: 'u-a', role: 'admin' },
  logistician: { id: 'u-l', role: 'logistician' },
  otherLogistician: { id: 'u-l2', role: 'logistician' },
  storekeeper: { id: 'u-w', role: 'warehouse' },
} as const satisfies Record<string, { id: string; role: UserRole }>;
type Name = keyof typeof people;
const DESK: Name[] = ['dispatcher', 'otherDispatcher', 'supervisor', 'otherSupervisor', 'admin'];

type Address = Parameters<typeof isAlertFor>[0];
const alert = (kind: AlertKind, assigneeId: string | null, audience: AlertAudience = 'dispatcher'): Address => ({ kind, audience, assigneeId });
const whoGets = (a: Address): Name[] => (Object.keys(people) as Name[]).filter((name) => isAlertFor(a, people[name]));
const whoMayAcknowledge = (a: Address): Name[] => (Object.keys(people) as Name[]).filter((name) => mayAcknowledgeAlert(a, people[name]));

describe('isAlertFor', () => {
  it('an addressed alert is its assignee’s alone', () => {
    expect(whoGets(alert('sla_warning', 'u-d1'))).toEqual(['dispatcher']);
    expect(whoGets(alert('sla_critical', 'u-s', 'supervisor'))).toEqual(['supervisor']);
  });
  it('an unaddressed alert goes to its audience on duty; logisticians and storekeepers get none', () => {
    expect(whoGets(alert('sla_warning', null))).toEqual(DESK);
    expect(whoGets(alert('sla_critical', null, 'supervisor'))).toEqual(['supervisor', 'otherSupervisor', 'admin']);
    // Addressed to a storekeeper (never done), it still is not theirs.
    expect(whoGets(alert('sla_warning', 'u-w'))).toEqual([]);
    expect(isAlertFor(alert('sla_warning', null), null)).toBe(false);
  });
  it('a warehouse alert (nobody started the day) reaches every supervisor and admin, no dispatcher or storekeeper', () => {
    const [row] = planShiftStartAlerts({ id: 'w1', name: 'Astana North', shiftStartAlertMinute: 540 }, [], [], Date.parse('2026-03-03T09:00:00+05:00'), DEFAULT_KZ_CALENDAR).create;
    if (row === undefined) throw new Error('expected a warehouse alert');
    expect(whoGets(row)).toEqual(['supervisor', 'otherSupervisor', 'admin']);
  });
  it("a logistician gets the carrier follow-ups addressed to them, and nothing else (issue 16's gap)", () => {
    for (const kind of CARRIER_ALERT_KINDS) {
      // The dispatcher on duty does not hear of a logistician's carrier, nor of another logistician's.
      expect(whoGets(alert(kind, 'u-l'))).toEqual(['logistician']);
      expect(whoGets(alert(kind, 'u-l2'))).toEqual(['otherLogistician']);
      // Unaddressed: the desk's on duty, no logistician's.
      expect(whoGets(alert(kind, null))).toEqual(DESK);
      expect(whoGets(alert(kind, 'u-w'))).toEqual([]);
    }
    // An SLA alert addressed to a logistician (it never is: the scheduler addresses the desk) stays off their screen.
    for (const kind of ALERT_KINDS.filter((k) => !isCarrierAlertKind(k))) {
      expect(whoGets(alert(kind, 'u-l'))).toEqual([]);
    }
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
    expect(whoMayAcknowledge(alert('sla_warning', 'u-d1'))).toEqual(DESK);
    expect(whoMayAcknowledge(alert('sla_critical', null, 'supervisor'))).toEqual(DESK);
  });
  it('a logistician only their own carrier follow-ups; storekeepers and nobody none', () => {
    expect(whoMayAcknowledge(alert('carrier_loading', 'u-l'))).toEqual([...DESK, 'logistician']);
    expect(whoMayAcknowledge(alert('carrier_call', 'u-l'))).toEqual([...DESK, 'logistician']);
    expect(whoMayAcknowledge(alert('carrier_call', 'u-d1'))).toEqual(DESK);
    expect(whoMayAcknowledge(alert('carrier_call', null))).toEqual(DESK);
    expect(whoMayAcknowledge(alert('sla_warning', 'u-l'))).toEqual(DESK);
    expect(whoMayAcknowledge(alert('carrier_call', 'u-w'))).toEqual(DESK);
    expect(mayAcknowledgeAlert(alert('sla_warning', null), null)).toBe(false);
  });
});
