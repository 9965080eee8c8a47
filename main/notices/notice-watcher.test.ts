import { describe, expect, it } from 'vitest';
import { alerts, orders, warehouses, type AlertRow } from '../../shared/schema';
import type { NoticeEvent } from '../../shared/api/events';
import type { UserRole } from '../../shared/domain/vocabulary';
import { onePerTest, tempReplica } from '../testing/fixture-replica';
import { testOrderRow } from '../../shared/testing/order-row';
import { createNoticeWatcher } from './notice-watcher';

const T0 = Date.UTC(2026, 11, 2, 6);
const alertRow = (patch: Partial<AlertRow> & { id: string }): AlertRow => ({
  orderId: 'o1', warehouseId: null, orderNumber: 'MR-1', kind: 'sla_warning', dueAt: T0, triggeredAt: T0, createdAt: T0, audience: 'dispatcher',
  assigneeId: null, priority: false, customerName: 'Kaspi Shop', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open',
  acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null, resolution: null, updatedAt: T0, ...patch,
});

const fx = onePerTest(tempReplica);
const r = () => fx().replica;

function watch(user: { id: string; role: UserRole } | null) {
  const seen: string[] = [];
  const w = createNoticeWatcher({ replica: r(), now: () => T0, emit: (n) => seen.push(`${n.kind}:${n.number}:${n.title}`), language: () => 'en', user: () => user });
  w.scan();
  return { seen, scan: () => w.scan() };
}

describe('notices are the signed-in user’s own (issue 13)', () => {
  it('a dispatcher hears of alerts addressed to them or to any dispatcher, not a colleague’s or the supervisor’s', () => {
    const me = watch({ id: 'u-d1', role: 'dispatcher' });
    r().db.insert(alerts).values([
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
    r().db.insert(alerts).values(alertRow({ id: 'a4', orderNumber: 'MR-4', kind: 'sla_breach', audience: 'supervisor', assigneeId: 'u-s' })).run();
    r().db.insert(orders).values(testOrderRow({ id: 'o9', number: 'MR-9', status: 'problem', problemReason: 'refused' })).run();
    sup.scan();
    logistician.scan();
    expect(sup.seen).toEqual(['sla_breach:MR-4:Overdue: order MR-4', 'problem:MR-9:Problem: order MR-9']);
    expect(logistician.seen).toEqual([]);
  });

  it('a logistician hears of the carrier follow-ups addressed to them, and of nothing else (issue 16’s gap)', () => {
    const logistician = watch({ id: 'u-l', role: 'logistician' });
    const dispatcher = watch({ id: 'u-d1', role: 'dispatcher' });
    r().db.insert(alerts).values([
      alertRow({ id: 'c1', orderId: 'o1', orderNumber: 'FR-1', kind: 'carrier_loading', assigneeId: 'u-l' }),
      alertRow({ id: 'c2', orderId: 'o2', orderNumber: 'FR-2', kind: 'carrier_call', assigneeId: 'u-l2' }),
      alertRow({ id: 'c3', orderId: 'o3', orderNumber: 'FR-3', kind: 'carrier_call', assigneeId: 'u-d1' }),
      alertRow({ id: 's1', orderId: 'o1', orderNumber: 'FR-1', kind: 'sla_warning', assigneeId: null }),
    ]).run();
    logistician.scan();
    dispatcher.scan();
    expect(logistician.seen.map((n) => n.split(':').slice(0, 2).join(':'))).toEqual(['carrier_loading:FR-1']);
    expect(dispatcher.seen.map((n) => n.split(':').slice(0, 2).join(':'))).toEqual(['carrier_call:FR-3', 'sla_warning:FR-1']);
  });

  it('nothing is announced before the server said who we are', () => {
    const nobody = watch(null);
    r().db.insert(alerts).values(alertRow({ id: 'a1' })).run();
    nobody.scan();
    expect(nobody.seen).toEqual([]);
  });

  it('a warehouse alert reaches the supervisors and admins by the warehouse’s name, pointing at the warehouse (issue 18)', () => {
    const emitted: NoticeEvent[] = [];
    const sup = createNoticeWatcher({ replica: r(), now: () => T0, emit: (n) => emitted.push(n), language: () => 'ru', user: () => ({ id: 'u-s', role: 'supervisor' }) });
    sup.scan();
    const admin = watch({ id: 'u-a', role: 'admin' });
    const dispatcher = watch({ id: 'u-d1', role: 'dispatcher' });
    r().db.insert(warehouses).values({ id: 'w1', name: 'Склад Алатау', city: 'Алматы', address: '', lat: 43, lon: 76, regionId: 'almaty', shiftStartAlertMinute: 540, updatedAt: T0 }).run();
    const wh = { orderId: null, orderNumber: null, kind: 'no_shift_start', audience: 'supervisor', assigneeId: null, messageRu: 'Склад «Склад Алатау»: к 09:00 никто', messageEn: 'nobody by 09:00' } as const;
    r().db.insert(alerts).values([alertRow({ id: 'w-a', ...wh, warehouseId: 'w1' }), alertRow({ id: 'w-b', ...wh, warehouseId: 'w-gone', dueAt: T0 + 1 })]).run();
    sup.scan();
    admin.scan();
    dispatcher.scan();
    expect(emitted).toEqual([
      {
        kind: 'no_shift_start', orderId: null, warehouseId: 'w1', number: 'Склад Алатау', at: T0, title: 'Никто не начал день: Склад Алатау', body: 'Склад «Склад Алатау»: к 09:00 никто',
        text: { ru: { title: 'Никто не начал день: Склад Алатау', body: 'Склад «Склад Алатау»: к 09:00 никто' }, en: { title: 'Nobody started the day: Склад Алатау', body: 'nobody by 09:00' } },
      },
      // A warehouse the replica does not have (yet): named by its id rather than left blank.
      {
        kind: 'no_shift_start', orderId: null, warehouseId: 'w-gone', number: 'w-gone', at: T0, title: 'Никто не начал день: w-gone', body: 'Склад «Склад Алатау»: к 09:00 никто',
        text: { ru: { title: 'Никто не начал день: w-gone', body: 'Склад «Склад Алатау»: к 09:00 никто' }, en: { title: 'Nobody started the day: w-gone', body: 'nobody by 09:00' } },
      },
    ]);
    expect(admin.seen).toEqual(['no_shift_start:Склад Алатау:Nobody started the day: Склад Алатау', 'no_shift_start:w-gone:Nobody started the day: w-gone']);
    expect(dispatcher.seen).toEqual([]);
  });
});

describe('a notice carries its words in both languages (issue 15)', () => {
  it('an English host process sends the Russian words too, so a Russian page shows Russian', () => {
    const got: NoticeEvent[] = [];
    const w = createNoticeWatcher({ replica: r(), now: () => T0, emit: (n) => got.push(n), language: () => 'en', user: () => ({ id: 'u-d1', role: 'dispatcher' }) });
    w.scan();
    r().db.insert(alerts).values(alertRow({ id: 'a1', kind: 'predicted_late', assigneeId: 'u-d1', messageRu: 'Заказ MR-1: прогноз после срока', messageEn: 'Order MR-1: predicted after the deadline' })).run();
    r().db.insert(orders).values(testOrderRow({ id: 'o9', number: 'MR-9', status: 'problem', problemReason: 'damaged', customerName: 'Kaspi' })).run();
    w.scan();
    expect(got.map((n) => [n.title, n.body])).toEqual([
      ['Predicted late: order MR-1', 'Order MR-1: predicted after the deadline'],
      ['Problem: order MR-9', 'Kaspi: damaged'],
    ]);
    expect(got.map((n) => n.text.ru)).toEqual([
      { title: 'Прогноз: опоздание, заказ MR-1', body: 'Заказ MR-1: прогноз после срока' },
      { title: 'Проблема: заказ MR-9', body: 'Kaspi: повреждение' },
    ]);
    expect(got[0]?.text.en).toEqual({ title: 'Predicted late: order MR-1', body: 'Order MR-1: predicted after the deadline' });
  });
});
