// Who each alert goes to and how urgent it is, stage by stage, and the moments missed while the
// server was down (written against the mutants StrykerJS found alive in decide-alerts.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import { alertId, dueMoments, isSlaKind, nextAlertCheckAt, planAlerts, type AlertOrder, type AlertPeople } from './decide-alerts';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const env = { policies: DEFAULT_SLA_POLICIES, calendar: DEFAULT_KZ_CALENDAR };
const people: AlertPeople = { dispatcherId: 'u-d', dispatcherName: 'Aigerim', supervisorId: 'u-s', supervisorName: 'Gulnara', directorPhone: '+7 700 000 00 01' };
const DEADLINE = local('2026-03-03', '14:00');

function order(patch: Partial<AlertOrder> = {}): AlertOrder {
  return {
    id: 'o1', number: 'MR-1', customerName: 'Kaspi', customerPhone: '+7 701 111 22 33', customerEmail: 'a@b.kz', assignedBy: null,
    serviceType: 'express', vipNormMinutes: null, status: 'at_warehouse', createdAt: local('2026-03-03', '09:00'),
    confirmedAt: local('2026-03-03', '10:00'), pickedAt: local('2026-03-03', '10:30'), deliveredAt: null, slaDeadline: DEADLINE, ...patch,
  };
}

describe('alert audience, assignee and priority per stage', () => {
  it('warning -> dispatcher; supervisor warning and breach -> supervisor; only the breach is priority, with tasks', () => {
    const plan = planAlerts(order(), [], local('2026-03-03', '14:30'), env, () => people);
    const byKind = Object.fromEntries(plan.create.map((a) => [a.kind, a]));
    expect(Object.keys(byKind)).toEqual(['sla_warning', 'sla_critical', 'sla_breach']);
    expect(byKind['sla_breach']).toMatchObject({ audience: 'supervisor', assigneeId: 'u-s', priority: true, state: 'open', dueAt: DEADLINE, triggeredAt: DEADLINE + 1 });
    expect(byKind['sla_breach']?.tasks.length).toBeGreaterThan(0);
    // Missed stages are kept for the record, resolved as superseded: only the breach calls for action.
    expect(byKind['sla_warning']).toMatchObject({ audience: 'dispatcher', assigneeId: 'u-d', priority: false, state: 'resolved', resolution: 'superseded', tasks: [] });
    expect(byKind['sla_critical']).toMatchObject({ audience: 'supervisor', assigneeId: 'u-s', priority: false, state: 'resolved', resolution: 'superseded', tasks: [] });
  });

  it('in the supervisor window: the warning is superseded by the supervisor warning, which is open', () => {
    const plan = planAlerts(order(), [], local('2026-03-03', '13:45'), env, () => people);
    expect(plan.create.map((a) => [a.kind, a.state, a.audience])).toEqual([
      ['sla_warning', 'resolved', 'dispatcher'],
      ['sla_critical', 'open', 'supervisor'],
    ]);
  });

  it("a reminder alone is the dispatcher's, open, not priority, and never superseded by SLA stages", () => {
    const fresh = order({ status: 'new', confirmedAt: null, pickedAt: null, slaDeadline: null });
    const plan = planAlerts(fresh, [], local('2026-03-03', '11:30'), env, () => people);
    expect(plan.create).toEqual([expect.objectContaining({ kind: 'not_taken', audience: 'dispatcher', assigneeId: 'u-d', priority: false, state: 'open', tasks: [] })]);
    expect(isSlaKind('not_taken')).toBe(false);
    expect(isSlaKind('sla_warning')).toBe(true);
    // A reminder due together with a breach stays open: stages rank SLA alerts only.
    const late = order({ status: 'confirmed', pickedAt: null });
    const both = planAlerts(late, [], local('2026-03-04', '14:30'), env, () => people);
    expect(both.create.find((a) => a.kind === 'not_picked')).toMatchObject({ state: 'open' });
    expect(both.create.find((a) => a.kind === 'sla_breach')).toMatchObject({ state: 'open' });
  });

  it('a finished order has no moments and no next check; its open alerts are resolved as finished', () => {
    const done = order({ status: 'delivered', deliveredAt: local('2026-03-03', '15:00') });
    expect(dueMoments(done, local('2026-03-03', '16:00'), env)).toEqual([]);
    expect(nextAlertCheckAt(done, local('2026-03-03', '16:00'), env)).toBeNull();
    const open = planAlerts(order(), [], local('2026-03-03', '13:10'), env, () => people).create;
    expect(planAlerts(done, open, local('2026-03-03', '16:00'), env, () => people).resolve).toEqual([
      expect.objectContaining({ id: alertId('o1', 'sla_warning', DEADLINE), state: 'resolved', resolution: 'order_finished' }),
    ]);
    // An order that no longer exists: the same.
    expect(planAlerts(null, open, local('2026-03-03', '16:00'), env, () => people)).toMatchObject({ create: [], resolve: [expect.objectContaining({ resolution: 'order_finished' })] });
  });

  it('the next check is the sooner of the SLA change and the reminder', () => {
    // Confirmed, not picked: the warning at 13:00 comes before the not-picked reminder (a day later).
    const confirmed = order({ status: 'confirmed', pickedAt: null });
    expect(nextAlertCheckAt(confirmed, local('2026-03-03', '12:00'), env)).toBe(local('2026-03-03', '13:00'));
    // After the breach there is no SLA moment left: only the reminder remains.
    const reminderAt = nextAlertCheckAt(confirmed, local('2026-03-03', '15:00'), env);
    expect(reminderAt).toBeGreaterThan(local('2026-03-03', '15:00'));
    // No deadline at all (never confirmed): the not-taken reminder is next.
    const fresh = order({ status: 'new', confirmedAt: null, pickedAt: null, slaDeadline: null });
    expect(nextAlertCheckAt(fresh, local('2026-03-03', '09:30'), env)).toBe(local('2026-03-03', '11:00') + 1);
  });
});
