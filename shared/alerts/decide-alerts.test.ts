import { describe, it, expect } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';
import { breachTasks } from './alert-templates';
import { alertId, dueMoments, nextAlertCheckAt, planAlerts, type AlertOrder, type AlertPeople } from './decide-alerts';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const env = { policies: DEFAULT_SLA_POLICIES, calendar: DEFAULT_KZ_CALENDAR };
const people: AlertPeople = { dispatcherId: 'u-d', dispatcherName: 'Aigerim', supervisorId: 'u-s', supervisorName: 'Gulnara', directorPhone: '+7 700 000 00 01' };

function order(patch: Partial<AlertOrder> = {}): AlertOrder {
  return {
    id: 'o1', number: 'MR-1', customerName: 'Kaspi', customerPhone: '+7 701 111 22 33', customerEmail: 'a@b.kz', assignedBy: null,
    serviceType: 'express', vipNormMinutes: null, status: 'confirmed', createdAt: local('2026-03-03', '09:00'),
    confirmedAt: local('2026-03-03', '10:00'), pickedAt: null, deliveredAt: null, slaDeadline: local('2026-03-03', '14:00'), ...patch,
  };
}

describe('planAlerts', () => {
  it('records each moment once and never again, even after it is resolved', () => {
    const o = order();
    const first = planAlerts(o, [], local('2026-03-03', '13:00'), env, () => people);
    expect(first.create.map((a) => a.kind)).toEqual(['sla_warning']);
    expect(first.create[0]?.id).toBe(alertId('o1', 'sla_warning', local('2026-03-03', '14:00')));
    const again = planAlerts(o, first.create, local('2026-03-03', '13:10'), env, () => people);
    expect(again).toEqual({ create: [], resolve: [] });
    const resolved: AlertRow[] = first.create.map((a) => ({ ...a, state: 'resolved', resolution: 'order_finished' }));
    expect(planAlerts(o, resolved, local('2026-03-03', '13:20'), env, () => people).create).toEqual([]);
  });

  it('asks for people only when it records something', () => {
    let asked = 0;
    planAlerts(order(), [], local('2026-03-03', '11:00'), env, () => (asked++, people));
    expect(asked).toBe(0);
  });

  it('resolves alerts of a delivered order and of a moved deadline', () => {
    const o = order();
    const { create } = planAlerts(o, [], local('2026-03-03', '13:00'), env, () => people);
    const moved = planAlerts({ ...o, slaDeadline: local('2026-03-03', '16:00') }, create, local('2026-03-03', '13:05'), env, () => people);
    expect(moved.resolve.map((a) => a.resolution)).toEqual(['deadline_changed']);
    const done = planAlerts({ ...o, status: 'delivered', deliveredAt: local('2026-03-03', '13:30') }, create, local('2026-03-03', '13:31'), env, () => people);
    expect(done.resolve.map((a) => a.resolution)).toEqual(['order_finished']);
    expect(planAlerts(null, create, local('2026-03-03', '13:31'), env, () => people).resolve).toHaveLength(1);
  });

  it('dates each SLA stage at its own moment, also when all three are recorded at once after a downtime', () => {
    const { create } = planAlerts(order(), [], local('2026-03-03', '14:30'), env, () => people);
    expect(create.map((a) => [a.kind, a.triggeredAt, a.dueAt])).toEqual([
      ['sla_warning', local('2026-03-03', '13:00'), local('2026-03-03', '14:00')],
      ['sla_critical', local('2026-03-03', '13:30'), local('2026-03-03', '14:00')],
      ['sla_breach', local('2026-03-03', '14:00') + 1, local('2026-03-03', '14:00')],
    ]);
  });

  it('wakes at the next moment: warnAt, then criticalAt, then just after the deadline', () => {
    expect(nextAlertCheckAt(order(), local('2026-03-03', '11:00'), env)).toBe(local('2026-03-03', '13:00'));
    expect(nextAlertCheckAt(order(), local('2026-03-03', '13:00'), env)).toBe(local('2026-03-03', '13:30'));
    // The not-picked reminder (24 h calendar) is later than the breach: next is the breach.
    expect(nextAlertCheckAt(order(), local('2026-03-03', '13:45'), env)).toBe(local('2026-03-03', '14:00') + 1);
    expect(nextAlertCheckAt(order({ status: 'cancelled' }), local('2026-03-03', '13:45'), env)).toBeNull();
  });
});

describe('breach tasks', () => {
  const o = { number: 'MR-7', customerName: 'ТОО Ромашка', customerPhone: '+7 701 111 22 33', customerEmail: 'info@romashka.kz' };
  it('turns the policy actions into one-click tasks in Russian and English', () => {
    const tasks = breachTasks({ order: o, deadline: { ru: '03.03.2026, 14:00', en: '03/03/2026, 14:00' }, actions: ['sms_director', 'call_customer', 'notify_customer'], managerName: 'Aigerim', supervisorName: 'Gulnara', directorPhone: '+7 700 000 00 01' });
    expect(tasks.map((t) => `${t.action}/${t.channel}/${t.to}`)).toEqual([
      'supervisor_task/task/null',
      'sms_director/sms/+7 700 000 00 01',
      'call_customer/phone/+7 701 111 22 33',
      'sms_customer/sms/+7 701 111 22 33',
      'email_customer/email/info@romashka.kz',
    ]);
    for (const t of tasks) {
      expect(t.text.ru).toMatch(/MR-7/);
      expect(t.text.en).toMatch(/MR-7/);
      expect(t.text.ru).not.toEqual(t.text.en);
    }
    expect(tasks[4]?.subject).toEqual({ ru: 'Задержка заказа MR-7', en: 'Order MR-7 is delayed' });
  });

  it('always apologises to the customer, by SMS or else by e-mail', () => {
    const sms = breachTasks({ order: o, deadline: { ru: 'x', en: 'x' }, actions: ['email_manager'], managerName: null, supervisorName: null, directorPhone: null });
    expect(sms.map((t) => t.action)).toEqual(['supervisor_task', 'email_manager', 'sms_customer']);
    const email = breachTasks({ order: { ...o, customerPhone: '' }, deadline: { ru: 'x', en: 'x' }, actions: [], managerName: null, supervisorName: null, directorPhone: null });
    expect(email.map((t) => t.action)).toEqual(['supervisor_task', 'email_customer']);
  });
});

// Issue 20: the mutation run found the reminders' own thresholds, their times and the
// handling of already-resolved rows could change with every test above still green.
describe('reminders and recorded rows', () => {
  const fresh = (patch: Partial<AlertOrder> = {}) => order({ status: 'new', confirmedAt: null, slaDeadline: null, createdAt: local('2026-03-03', '09:00'), ...patch });

  it('uses the thresholds it is given, not the defaults', () => {
    const quick = { ...env, reminders: { notTakenMinutes: 15, notPickedMinutes: 60 } };
    const at = local('2026-03-03', '09:20');
    expect(dueMoments(fresh(), at, env)).toEqual([]);
    expect(dueMoments(fresh(), at, quick)).toEqual([{ kind: 'not_taken', dueAt: local('2026-03-03', '09:15'), triggeredAt: local('2026-03-03', '09:15') + 1, waitedMs: 20 * 60_000 }]);
    expect(nextAlertCheckAt(fresh(), local('2026-03-03', '09:05'), quick)).toBe(local('2026-03-03', '09:15') + 1);
    expect(nextAlertCheckAt(fresh(), local('2026-03-03', '09:05'), env)).toBe(local('2026-03-03', '11:00') + 1);
  });

  it('records a reminder with the time it became due and how long the order waited', () => {
    const [row] = planAlerts(fresh(), [], local('2026-03-03', '11:30'), env, () => people).create;
    expect(row).toMatchObject({ kind: 'not_taken', triggeredAt: local('2026-03-03', '11:00') + 1, state: 'open', audience: 'dispatcher' });
    expect(row?.messageEn).toContain('2 hrs 30 mins');
    expect(row?.messageRu).toMatch(/2 ч 30 мин/);
  });

  it('leaves resolved rows alone: only open and acknowledged ones are resolved', () => {
    const { create } = planAlerts(order(), [], local('2026-03-03', '13:00'), env, () => people);
    const old: AlertRow[] = create.map((a) => ({ ...a, id: `${a.id}:old`, state: 'resolved', resolution: 'deadline_changed', resolvedAt: 1, updatedAt: 1 }));
    const acked: AlertRow[] = create.map((a) => ({ ...a, state: 'acknowledged' }));
    const done = { ...order(), status: 'delivered' as const, deliveredAt: local('2026-03-03', '13:30') };
    const plan = planAlerts(done, [...old, ...acked], local('2026-03-03', '13:31'), env, () => people);
    expect(plan.resolve.map((a) => [a.id, a.resolution, a.resolvedAt])).toEqual(acked.map((a) => [a.id, 'order_finished', local('2026-03-03', '13:31')]));
    expect(planAlerts(null, [...old, ...acked], 5, env, () => people).resolve.map((a) => a.id)).toEqual(acked.map((a) => a.id));
  });
});

describe('predicted_late: at risk by the predicted arrival', () => {
  // Express, deadline 14:00; at 11:00 the clock is fine (warning from 13:00).
  const at11 = local('2026-03-03', '11:00');
  const o = order({ status: 'in_transit' });

  it('is recorded for the dispatcher as soon as the prediction is after (or close to) the deadline, with both times', () => {
    const plan = planAlerts({ ...o, predictedAt: local('2026-03-03', '14:20') }, [], at11, env, () => people);
    expect(plan.create.map((a) => [a.kind, a.audience, a.assigneeId, a.dueAt])).toEqual([['predicted_late', 'dispatcher', 'u-d', local('2026-03-03', '14:00')]]);
    expect(plan.create[0]?.messageRu).toBe('Заказ MR-1 (Kaspi): по прогнозу водитель прибудет 03.03.2026, 14:20, а срок SLA — 03.03.2026, 14:00.');
    expect(plan.create[0]?.messageEn).toMatch(/predicted to arrive 03\/03\/2026, 14:20, the SLA deadline is 03\/03\/2026, 14:00/);
    // Within the 15 min margin counts too; with room to spare, or no prediction, nothing.
    expect(planAlerts({ ...o, predictedAt: local('2026-03-03', '13:50') }, [], at11, env, () => people).create.map((a) => a.kind)).toEqual(['predicted_late']);
    expect(planAlerts({ ...o, predictedAt: local('2026-03-03', '13:40') }, [], at11, env, () => people).create).toEqual([]);
    expect(planAlerts({ ...o, predictedAt: null }, [], at11, env, () => people).create).toEqual([]);
    expect(planAlerts(o, [], at11, env, () => people).create).toEqual([]);
  });

  it('is resolved when the prediction recovers, is never recorded twice for one deadline, and gives way to the breach', () => {
    const late = { ...o, predictedAt: local('2026-03-03', '14:20') };
    const { create } = planAlerts(late, [], at11, env, () => people);
    const recovered = planAlerts({ ...o, predictedAt: local('2026-03-03', '12:30') }, create, at11 + 60_000, env, () => people);
    expect(recovered.resolve.map((a) => [a.kind, a.resolution])).toEqual([['predicted_late', 'condition_cleared']]);
    const resolved = recovered.resolve;
    expect(planAlerts(late, resolved, at11 + 120_000, env, () => people).create).toEqual([]);
    // After the deadline the breach speaks; the prediction no longer makes a risk.
    const after = planAlerts(late, create, local('2026-03-03', '14:01'), env, () => people);
    expect(after.create.map((a) => a.kind)).toContain('sla_breach');
    expect(after.create.map((a) => a.kind)).not.toContain('predicted_late');
    expect(after.resolve.map((a) => [a.kind, a.resolution])).toEqual([['predicted_late', 'condition_cleared']]);
  });

  it('a predicted order is looked at again within a minute while its deadline stands', () => {
    expect(nextAlertCheckAt({ ...o, predictedAt: null }, at11, env)).toBe(at11 + 60_000);
    expect(nextAlertCheckAt(o, at11, env)).toBe(local('2026-03-03', '13:00'));
    expect(nextAlertCheckAt({ ...o, predictedAt: at11, slaDeadline: at11 - 1 }, at11, env)).not.toBe(at11 + 60_000);
  });
});
