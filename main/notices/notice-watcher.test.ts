import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts, orders, type AlertRow } from '../../shared/schema';
import type { UserRole } from '../../shared/domain/vocabulary';
import { openReplica, type Replica } from '../db/open-replica';
import { testOrderRow } from '../../shared/testing/order-row';
import { createNoticeWatcher } from './notice-watcher';

const T0 = Date.UTC(2026, 11, 2, 6);
const alertRow = (patch: Partial<AlertRow> & { id: string }): AlertRow => ({
  orderId: 'o1', orderNumber: 'MR-1', kind: 'sla_warning', dueAt: T0, triggeredAt: T0, createdAt: T0, audience: 'dispatcher',
  assigneeId: null, priority: false, customerName: 'Kaspi Shop', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open',
  acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null, resolution: null, updatedAt: T0, ...patch,
});

let r: Replica;
beforeEach(() => {
  r = openReplica(':memory:');
});
afterEach(() => r.close());

function watch(user: { id: string; role: UserRole } | null) {
  const seen: string[] = [];
  const w = createNoticeWatcher({ replica: r, now: () => T0, emit: (n) => seen.push(`${n.kind}:${n.number}:${n.title}`), language: () => 'en', user: () => user });
  w.scan();
  return { seen, scan: () => w.scan() };
}

describe('notices are the signed-in user’s own (issue 13)', () => {
  it('a dispatcher hears of alerts addressed to them or to any dispatcher, not a colleague’s or the supervisor’s', () => {
    const me = watch({ id: 'u-d1', role: 'dispatcher' });
    r.db.insert(alerts).values([
      alertRow({ id: 'a1', orderId: 'o1', orderNumber: 'MR-1', assigneeId: 'u-d1' }),
      alertRow({ id: 'a2', orderId: 'o2', orderNumber: 'MR-2', assigneeId: 'u-d2' }),
      alertRow({ id: 'a3', orderId: 'o3', orderNumber: 'MR-3', kind: 'not_taken' }),
      alertRow({ id: 'a4', orderId: 'o4', orderNumber: 'MR-4', kind: 'sla_breach', audience: 'supervisor', assigneeId: 'u-s' }),
    ]).run();
    me.scan();
    expect(me.seen).toEqual(['sla_warning:MR-1:Due soon: order MR-1', 'not_taken:MR-3:Not taken: order MR-3']);
  });

  it('the supervisor hears of the breach addressed to them; a logistician of nothing', () => {
    const sup = watch({ id: 'u-s', role: 'supervisor' });
    const logistician = watch({ id: 'u-l', role: 'logistician' });
    r.db.insert(alerts).values(alertRow({ id: 'a4', orderNumber: 'MR-4', kind: 'sla_breach', audience: 'supervisor', assigneeId: 'u-s' })).run();
    r.db.insert(orders).values(testOrderRow({ id: 'o9', number: 'MR-9', status: 'problem', problemReason: 'refused' })).run();
    sup.scan();
    logistician.scan();
    expect(sup.seen).toEqual(['sla_breach:MR-4:Overdue: order MR-4', 'problem:MR-9:Problem: order MR-9']);
    expect(logistician.seen).toEqual([]);
  });

  it('nothing is announced before the server said who we are', () => {
    const nobody = watch(null);
    r.db.insert(alerts).values(alertRow({ id: 'a1' })).run();
    nobody.scan();
    expect(nobody.seen).toEqual([]);
  });
});
