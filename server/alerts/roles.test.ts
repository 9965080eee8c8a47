// The server enforces the warehouse role and the admin-only SLA rules on pushes from real
// WebSocket clients: what a console would send if its own checks were bypassed.
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { Mutation } from '../../shared/protocol';
import { openAlertRow } from '../../shared/alerts/alert-row';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
const clients: TestClient[] = [];
let orderId = '';
const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };

beforeEach(async () => {
  t = await startTestServer();
  expect(t.server.runMutation('createOrder', { ...ORDER_ARGS, number: 'MR-1' }, dispatcher, T0).result).toBe('applied');
  orderId = t.server.engine.newTx().findOrderByNumber('MR-1')?.id as string;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

async function push(user: string, clientId: string, mutations: Mutation[]): Promise<Array<{ mid: number; result: string; code?: string; message?: string }>> {
  const c = await connectTestClient(t.server.url, t.tokens[user] as string);
  clients.push(c);
  c.hello({ clientId, cursor: 0 });
  await c.next('caught-up');
  c.send({ type: 'push', mutations });
  const acks = [];
  for (const m of mutations) {
    const ack = await c.next('ack', (a) => a.mid === m.mid);
    acks.push({ mid: ack.mid, result: ack.result, ...(ack.result === 'rejected' ? { code: ack.error?.code ?? '', message: ack.error?.message ?? '' } : {}) });
  }
  return acks;
}

const m = (mid: number, name: string, args: unknown): Mutation => ({ mid, name, args, at: T0 + mid });
const policy = { key: 'express', normMinutes: 300, warnBeforeMinutes: 60, supervisorWarnBeforeMinutes: 30, timeBasis: 'working_hours', breachActions: [] };

describe('role checks on the server', () => {
  it('a warehouse user may not confirm, assign, acknowledge or edit SLA rules; picking and shortages pass', async () => {
    const acks = await push('u-warehouse', 'wh-1', [
      m(1, 'confirmOrder', { orderId }),
      m(2, 'assignDriver', { orderId, driverId: 'd1', seenVersion: 1 }),
      m(3, 'acknowledgeAlert', { alertId: 'al:x' }),
      m(4, 'updateSlaPolicy', { policy }),
    ]);
    expect(acks.map((a) => a.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    // A dispatcher confirms; then the warehouse picks by scan and reports a shortage on another order.
    expect(t.server.runMutation('confirmOrder', { orderId }, dispatcher, T0 + 10).result).toBe('applied');
    const ok = await push('u-warehouse', 'wh-2', [m(1, 'markPicked', { number: 'MR-1', source: 'scan' })]);
    expect(ok).toEqual([{ mid: 1, result: 'applied' }]);
    expect(t.server.engine.newTx().get('orders', orderId)).toMatchObject({ status: 'at_warehouse' });
    const wrongReason = await push('u-warehouse', 'wh-3', [m(1, 'reportProblem', { orderId, reason: 'refused' })]);
    expect(wrongReason[0]?.code).toBe('forbidden');
    const shortage = await push('u-warehouse', 'wh-4', [m(1, 'reportProblem', { orderId, reason: 'short_delivery', comment: '2 of 3 boxes' })]);
    expect(shortage[0]?.result).toBe('applied');
  });

  it('a logistician may acknowledge only their own carrier follow-ups: pushes for unknown and others\' alerts are refused naming alertId', async () => {
    const base = { orderId, orderNumber: 'MR-1', warehouseId: null, dueAt: T0 + 7_200_000, triggeredAt: T0, audience: 'dispatcher' as const, priority: false, customerName: 'x', message: { ru: 'x', en: 'x' }, tasks: [] };
    t.server.engine.writeRows((tx) => {
      tx.put('alerts', openAlertRow({ ...base, id: 'al:disp', kind: 'carrier_call', assigneeId: 'u-dispatcher' }, T0));
      tx.put('alerts', openAlertRow({ ...base, id: 'al:sla', kind: 'sla_warning', assigneeId: 'u-logistician' }, T0));
      tx.put('alerts', openAlertRow({ ...base, id: 'al:mine', kind: 'carrier_loading', assigneeId: 'u-logistician' }, T0));
    });
    const acks = await push('u-logistician', 'log-1', [
      m(1, 'acknowledgeAlert', { alertId: 'al:x' }),
      m(2, 'acknowledgeAlert', { alertId: 'al:disp' }),
      m(3, 'acknowledgeAlert', { alertId: 'al:sla' }),
      m(4, 'acknowledgeAlert', { alertId: 'al:mine' }),
    ]);
    expect(acks.map((a) => a.code ?? a.result)).toEqual(['not_found', 'forbidden', 'forbidden', 'applied']);
    expect(acks[1]?.message).toBe('Alert al:disp is not yours to acknowledge: only its own person or the desk can');
    const tx = t.server.engine.newTx();
    expect([tx.get('alerts', 'al:disp')?.acknowledgedAt, tx.get('alerts', 'al:sla')?.acknowledgedAt]).toEqual([null, null]);
    expect(tx.get('alerts', 'al:mine')).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'u-logistician' });
  });

  it('only an admin edits SLA policies, calendars and VIP contracts', async () => {
    const edits = (base: number): Mutation[] => [
      m(base + 1, 'updateSlaPolicy', { policy }),
      m(base + 2, 'updateRegionCalendar', { regionId: 'astana', holidays: ['2025-03-10'] }),
      m(base + 3, 'setCustomerVip', { customerId: 'c-x', vipNormMinutes: 120 }),
    ];
    for (const user of ['u-dispatcher', 'u-supervisor', 'u-logistician']) {
      expect((await push(user, `${user}-c`, edits(0))).map((a) => a.code)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    }
    const admin = await push('u-admin', 'admin-c', edits(0));
    // The customer does not exist: a clear not_found, not a silent success.
    expect(admin.map((a) => a.code ?? a.result)).toEqual(['applied', 'applied', 'not_found']);
    expect(t.server.engine.newTx().get('sla_policies', 'express')).toMatchObject({ normMinutes: 300, updatedBy: 'u-admin' });
    expect(t.server.engine.newTx().get('regions', 'astana')?.holidays).toEqual(['2025-03-10']);
  });

  it('refuses SLA numbers out of range even from an admin, naming the field; nothing changes', async () => {
    const before = t.server.engine.newTx().get('sla_policies', 'standard');
    const acks = await push('u-admin', 'admin-bad', [
      // "-3 h" typed into the standard norm: once this saved as 1 minute and everything breached.
      m(1, 'updateSlaPolicy', { policy: { ...policy, key: 'standard', normMinutes: -180 } }),
      m(2, 'updateSlaPolicy', { policy: { ...policy, key: 'standard', normMinutes: 60, warnBeforeMinutes: 90 } }),
      m(3, 'updateSlaPolicy', { policy: { ...policy, key: 'standard', normMinutes: 10 } }),
      m(4, 'updateSlaPolicy', { policy: { ...policy, key: 'standard', supervisorWarnBeforeMinutes: 120 } }),
      m(5, 'setCustomerVip', { customerId: 'c-x', vipNormMinutes: 5 }),
    ]);
    expect(acks.map((a) => a.code)).toEqual(['bad_args', 'bad_args', 'bad_args', 'bad_args', 'bad_args']);
    expect(acks[1]?.message).toMatch(/warnBeforeMinutes: must be less than the norm/);
    expect(acks[2]?.message).toMatch(/normMinutes: must be at least 30 minutes/);
    expect(acks[3]?.message).toMatch(/supervisorWarnBeforeMinutes/);
    expect(acks[4]?.message).toMatch(/vipNormMinutes: must be at least 30/);
    expect(t.server.engine.newTx().get('sla_policies', 'standard')).toEqual(before);
  });
});
