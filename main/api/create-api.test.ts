import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListOrdersResponse, OrderCounts, OrderDetail, ProblemQueue } from '../../shared/api/orders-api';
import type { DriverListRow, DriverSuggestions } from '../../shared/api/drivers-api';
import type { SessionView } from '../../shared/api/session-api';
import type { Reply } from '../../shared/api/wire';
import { alerts } from '../../shared/schema';
import { createApi, type Api } from './create-api';
import { createFakeSync, type FakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';
import type { SyncTarget } from '../sync/sync-link';
import { DEFAULT_HISTORY_DAYS } from '../../shared/protocol/sync-window';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('createApi', () => {
  const fx = eachFixtureReplica();
  let sync: FakeSync;
  let api: Api;
  let now = T0;

  beforeEach(() => {
    now = T0;
    sync = createFakeSync();
    api = createApi({
      replica: fx().replica,
      settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }),
      connect: () => sync,
      now: () => now,
    });
  });
  afterEach(async () => {
    await api.close();
  });

  describe('dispatch validates every call', () => {
    it('refuses an unknown method', async () => {
      const r = await api.dispatch('dropTables', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    });

    it('refuses bad arguments with the field named, and changes nothing', async () => {
      fx().addOrder({ id: 'o1' });
      const r = await api.dispatch('assignDriver', { orderId: 'o1', driverId: '', seenVersion: 'x' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_request');
        expect(r.error.message).toMatch(/driverId/);
        expect(r.error.message).toMatch(/seenVersion/);
      }
      expect(sync.calls).toHaveLength(0);
    });

    it('refuses unknown fields (strict schemas)', async () => {
      const r = await api.dispatch('listOrders', { limit: 10, dropTable: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    });

    it('accepts a missing argument object for no-argument methods', async () => {
      expect(value<SessionView>(await api.dispatch('session', undefined)).user?.role).toBe('dispatcher');
    });
  });

  describe('listOrders', () => {
    beforeEach(() => {
      fx().addOrder({ id: 'late', status: 'confirmed', confirmedAt: T0 - 30 * HOUR, slaDeadline: T0 - HOUR, driverId: 'd1' });
      fx().addOrder({ id: 'risk', status: 'at_warehouse', confirmedAt: T0 - 20 * HOUR, slaDeadline: T0 + HOUR, serviceType: 'standard' });
      fx().addOrder({ id: 'fine', status: 'confirmed', confirmedAt: T0, slaDeadline: T0 + 20 * HOUR, warehouseId: 'w2' });
      fx().addOrder({ id: 'fresh', status: 'new', customerName: 'Magnum Cash', deliveryAddress: 'Mangilik El 55' });
      fx().addOrder({ id: 'done', status: 'delivered', slaDeadline: T0 - 50 * HOUR, deliveredAt: T0 - 51 * HOUR });
    });

    it('pages slim rows with the total, most urgent first, finished orders last', async () => {
      const page = value<ListOrdersResponse>(await api.dispatch('listOrders', { limit: 2 }));
      expect(page.total).toBe(5);
      expect(page.rows.map((r) => r.id)).toEqual(['late', 'risk']);
      expect(page.rows[0]).toMatchObject({ driverName: 'Berik', vip: false, pending: false });
      const next = value<ListOrdersResponse>(await api.dispatch('listOrders', { limit: 10, offset: 2 }));
      expect(next.rows.map((r) => r.id)).toEqual(['fine', 'fresh', 'done']);
    });

    it('filters by status, warehouse, driver and SLA bucket', async () => {
      const ids = async (args: object) =>
        value<ListOrdersResponse>(await api.dispatch('listOrders', args)).rows.map((r) => r.id).sort();
      expect(await ids({ status: ['confirmed'] })).toEqual(['fine', 'late']);
      expect(await ids({ warehouseId: 'w2' })).toEqual(['fine']);
      expect(await ids({ driverId: 'd1' })).toEqual(['late']);
      expect(await ids({ driverId: 'none', status: ['new'] })).toEqual(['fresh']);
      expect(await ids({ slaBucket: 'breached' })).toEqual(['late']);
      expect(await ids({ slaBucket: 'at_risk' })).toEqual(['risk']);
    });

    it('searches by customer, address and number through the FTS index', async () => {
      const search = async (text: string) =>
        value<ListOrdersResponse>(await api.dispatch('listOrders', { search: text })).rows.map((r) => r.id);
      expect(await search('magn')).toEqual(['fresh']);
      expect(await search('Mangilik')).toEqual(['fresh']);
      expect(await search('"()')).toEqual([]);
    });

    it('marks orders with an unacknowledged local edit as pending', async () => {
      fx().replica.sqlite
        .prepare('INSERT INTO outbox (mid, name, args, created_at) VALUES (1, ?, ?, ?)')
        .run('assignDriver', JSON.stringify({ orderId: 'fine', driverId: 'd2', seenVersion: 1 }), T0);
      const rows = value<ListOrdersResponse>(await api.dispatch('listOrders', {})).rows;
      expect(rows.filter((r) => r.pending).map((r) => r.id)).toEqual(['fine']);
    });

    it('counts per status (ignoring the status filter itself), breached and at risk', async () => {
      const c = value<OrderCounts>(await api.dispatch('orderCounts', { status: ['confirmed'] }));
      expect(c.byStatus).toMatchObject({ confirmed: 2, at_warehouse: 1, new: 1, delivered: 1 });
      expect(c).toMatchObject({ total: 2, breached: 1, atRisk: 0 });
    });

    it('gives the map only open orders, columnar', async () => {
      const p = value<{ ids: string[]; pickup: number[] }>(await api.dispatch('orderPoints', {}));
      expect(p.ids.sort()).toEqual(['fine', 'fresh', 'late', 'risk']);
      expect(p.pickup).toHaveLength(8);
    });
  });

  describe('problemQueue', () => {
    it('lists each order once under its most urgent kind, breached first', async () => {
      fx().addOrder({ id: 'prob', status: 'problem', problemReason: 'damaged', statusBeforeProblem: 'in_transit', statusChangedAt: T0 - 10 * 60_000 });
      fx().addOrder({ id: 'late', status: 'in_transit', confirmedAt: T0 - 30 * HOUR, slaDeadline: T0 - HOUR });
      fx().addOrder({ id: 'risk', status: 'confirmed', confirmedAt: T0 - 20 * HOUR, slaDeadline: T0 + 30 * 60_000 });
      fx().addOrder({ id: 'stale', status: 'new', createdAt: T0 - 3 * HOUR });
      fx().addOrder({ id: 'unpicked', status: 'confirmed', confirmedAt: T0 - 25 * HOUR, slaDeadline: T0 + 20 * HOUR });
      fx().addOrder({ id: 'ok', status: 'new', createdAt: T0 - HOUR });
      const q = value<ProblemQueue>(await api.dispatch('problemQueue', {}));
      expect(q.items.map((i) => [i.orderId, i.kind])).toEqual([
        ['late', 'breached'],
        ['prob', 'problem'],
        ['risk', 'at_risk'],
        ['stale', 'untouched_new'],
        ['unpicked', 'unpicked_confirmed'],
      ]);
      expect(q.items[1]).toMatchObject({ reason: 'damaged', since: T0 - 10 * 60_000 });
      expect(q.items[1]?.actions).toContain('resolve_problem');
      expect(q.counts).toMatchObject({ breached: 1, problem: 1, at_risk: 1, untouched_new: 1, unpicked_confirmed: 1 });
    });
  });

  describe('who carries an order (issue 16)', () => {
    beforeEach(() => {
      fx().addOrder({ id: 'own', status: 'in_transit', confirmedAt: T0 - 30 * HOUR, slaDeadline: T0 - HOUR, driverId: 'd1' });
      fx().addOrder({ id: 'cdek', status: 'in_transit', confirmedAt: T0 - 30 * HOUR, slaDeadline: T0 - 2 * HOUR, courierProvider: 'cdek', courierTrackingNumber: '1234567890' });
      fx().addOrder({ id: 'truck', status: 'confirmed', confirmedAt: T0 - 20 * HOUR, slaDeadline: T0 + 30 * 60_000, carrierId: 'c-1' });
      fx().addOrder({ id: 'fine', status: 'confirmed', confirmedAt: T0, slaDeadline: T0 + 20 * HOUR, carrierId: 'c-2' });
    });

    it('filters the queue by it and says it on each row', async () => {
      const ids = async (carriedBy?: string) => value<ListOrdersResponse>(await api.dispatch('listOrders', carriedBy ? { carriedBy } : {})).rows.map((r) => [r.id, r.carriedBy]);
      expect(await ids('own')).toEqual([['own', 'own']]);
      expect(await ids('courier')).toEqual([['cdek', 'courier']]);
      expect((await ids('carrier')).sort()).toEqual([['fine', 'carrier'], ['truck', 'carrier']]);
      expect(await ids()).toHaveLength(4);
      expect(value<OrderCounts>(await api.dispatch('orderCounts', { carriedBy: 'carrier' })).total).toBe(2);
      expect(await api.dispatch('listOrders', { carriedBy: '__proto__' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    });

    it("puts a courier's or a carrier's order at risk in the problem queue like an own driver's, and filters it", async () => {
      const q = value<ProblemQueue>(await api.dispatch('problemQueue', {}));
      expect(q.items.map((i) => [i.orderId, i.kind, i.carriedBy])).toEqual([
        ['cdek', 'breached', 'courier'],
        ['own', 'breached', 'own'],
        ['truck', 'at_risk', 'carrier'],
      ]);
      expect(q.items[2]?.actions).toContain('take_back');
      expect(q.items[2]?.actions).not.toContain('assign');
      expect(q.items[1]?.actions).toContain('assign');
      const carriers = value<ProblemQueue>(await api.dispatch('problemQueue', { carriedBy: 'carrier' }));
      expect(carriers.items.map((i) => i.orderId)).toEqual(['truck']);
      expect(carriers.counts).toMatchObject({ breached: 0, at_risk: 1 });
    });
  });

  describe('getOrder and actions by role', () => {
    beforeEach(() => {
      fx().addOrder({ id: 'c1', status: 'confirmed', confirmedAt: T0, slaDeadline: T0 + 24 * HOUR });
    });

    it('returns the card with timeline, warehouse and the SLA policy', async () => {
      const d = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'c1' }));
      expect(d.order.id).toBe('c1');
      expect(d.events).toHaveLength(1);
      expect(d.warehouse?.name).toBe('Astana North');
      expect(d.sla.policy).toMatch(/^standard: 24 h/);
      expect(d.actions).toEqual(expect.arrayContaining(['assign', 'report_problem', 'comment', 'cancel', 'mark_picked']));
      expect(d.actions).not.toContain('confirm');
    });

    it('answers null for an order that does not exist', async () => {
      expect(value(await api.dispatch('getOrder', { orderId: 'nope' }))).toBeNull();
    });

    it('never offers a warehouse user assignment, confirmation or cancelling', async () => {
      sync.setUser({ id: 'u-wh', name: 'Saule', role: 'warehouse' });
      const d = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'c1' }));
      expect(d.actions.sort()).toEqual(['mark_picked', 'report_problem']);
      const s = value<SessionView>(await api.dispatch('session', {}));
      expect(s.user).toMatchObject({ role: 'warehouse', warehouseId: 'w1' });
      expect(s.actions).not.toContain('assign');
      expect(s.actions).not.toContain('confirm');
    });
  });

  describe('commands', () => {
    beforeEach(() => {
      fx().addOrder({ id: 'p1', status: 'problem', problemReason: 'delay', statusBeforeProblem: 'at_warehouse' });
    });

    it('runs the matching mutation and answers its mid', async () => {
      const r = value(await api.dispatch('assignDriver', { orderId: 'p1', driverId: 'd1', seenVersion: 1 }));
      expect(r).toEqual({ ok: true, mid: 1 });
      expect(sync.calls).toEqual([{ name: 'assignDriver', args: { orderId: 'p1', driverId: 'd1', seenVersion: 1 } }]);
    });

    it('resolves a problem back to the status before it unless told otherwise', async () => {
      value(await api.dispatch('resolveProblem', { orderId: 'p1' }));
      value(await api.dispatch('resolveProblem', { orderId: 'p1', to: 'cancelled', comment: 'customer gone' }));
      expect(sync.calls.map((c) => c.args)).toEqual([
        { orderId: 'p1', to: 'at_warehouse', comment: null },
        { orderId: 'p1', to: 'cancelled', comment: 'customer gone' },
      ]);
    });

    it('maps shift and problem commands onto the mutators’ argument names', async () => {
      value(await api.dispatch('setDriverShift', { driverId: 'd3', shiftState: 'on_shift' }));
      value(await api.dispatch('reportProblem', { orderId: 'p1', reason: 'damaged' }));
      expect(sync.calls).toEqual([
        { name: 'setDriverShift', args: { driverId: 'd3', state: 'on_shift' } },
        { name: 'reportProblem', args: { orderId: 'p1', reason: 'damaged', comment: null, source: 'manual' } },
      ]);
    });

    it('passes a local refusal on as a clear result', async () => {
      sync.refuseNext('assign_conflict', 'Order MR-1 was assigned to Dana by Aigerim');
      const r = value(await api.dispatch('assignDriver', { orderId: 'p1', driverId: 'd1', seenVersion: 1 }));
      expect(r).toMatchObject({ ok: false, code: 'conflict', message: 'Order MR-1 was assigned to Dana by Aigerim', details: { code: 'assign_conflict' } });
    });

    it('says so when no server is configured', async () => {
      const offline = createApi({ replica: fx().replica, settings: memorySettings(), connect: () => sync });
      const r = value(await offline.dispatch('confirmOrder', { orderId: 'p1' }));
      expect(r).toMatchObject({ ok: false, code: 'unavailable' });
      expect(value<{ status: string; error: string }>(await offline.dispatch('connectionState', {}))).toMatchObject({
        status: 'offline',
        error: 'No server configured',
      });
      await offline.close();
    });
  });

  describe('drivers', () => {
    it('lists drivers with load, and ranks suggestions by distance and load', async () => {
      fx().addOrder({ id: 'a', status: 'in_transit', driverId: 'd1', assignedAt: T0 - HOUR, pickupLat: 51.17, pickupLon: 71.43 });
      const list = value<DriverListRow[]>(await api.dispatch('listDrivers', {}));
      expect(list.find((d) => d.id === 'd1')).toMatchObject({ load: 1, assignedToday: 1, battery: 80 });
      const s = value<DriverSuggestions>(await api.dispatch('suggestDrivers', { orderId: 'a' }));
      expect(s.suggestions.map((x) => x.driverId)).toEqual(['d1', 'd2']);
      expect(s.excluded).toEqual([{ driverId: 'd3', name: 'Yerlan', reason: 'off_shift' }]);
      const missing = await api.dispatch('suggestDrivers', { orderId: 'nope' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('settings and events', () => {
    it('reconnects when the server changes and never returns the token', async () => {
      let connects = 0;
      const settings = memorySettings();
      const a = createApi({
        replica: fx().replica,
        settings,
        connect: () => {
          connects += 1;
          return createFakeSync();
        },
      });
      expect(connects).toBe(0);
      value(await a.dispatch('setSettings', { serverUrl: 'http://10.0.0.5:8080', token: 'secret' }));
      expect(connects).toBe(1);
      value(await a.dispatch('setSettings', { language: 'en' }));
      expect(connects).toBe(1);
      const view = value<Record<string, unknown>>(await a.dispatch('getSettings', {}));
      expect(view).toMatchObject({ serverUrl: 'http://10.0.0.5:8080', hasToken: true, language: 'en' });
      expect(JSON.stringify(view)).not.toContain('secret');
      const bad = await a.dispatch('setSettings', { serverUrl: 'ftp://x' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      // The sync window: kept in the settings, sent with the next connection; nonsense refused naming the field.
      value(await a.dispatch('setSettings', { historyDays: 90 }));
      expect(value<Record<string, unknown>>(await a.dispatch('getSettings', {}))).toMatchObject({ historyDays: 90 });
      for (const hostile of [0, -1, 1e9, '30', 2.5]) {
        const refused = await a.dispatch('setSettings', { historyDays: hostile });
        expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
        expect(JSON.stringify(refused)).toContain('historyDays');
      }
      expect(settings.get().historyDays).toBe(90);
      await a.close();
    });

    it('a new server URL asks for a token again: the old token is never sent to it', async () => {
      const targets: SyncTarget[] = [];
      const settings = memorySettings({ serverUrl: 'https://marshrut.example.kz', token: 'real-token' });
      const a = createApi({
        replica: fx().replica,
        settings,
        connect: (t) => {
          targets.push(t);
          return createFakeSync();
        },
      });
      await a.warmUp();
      value(await a.dispatch('setSettings', { serverUrl: 'ws://evil.example:9000' }));
      expect(value<Record<string, unknown>>(await a.dispatch('getSettings', {}))).toMatchObject({ serverUrl: 'ws://evil.example:9000', hasToken: false });
      expect(value<{ configured: boolean }>(await a.dispatch('session', {})).configured).toBe(false);
      expect(targets.some((t) => t.serverUrl.includes('evil') || t.token === 'real-token' && t.serverUrl !== 'https://marshrut.example.kz')).toBe(false);
      value(await a.dispatch('setSettings', { token: 'evil-token' }));
      expect(targets.at(-1)).toEqual({ serverUrl: 'ws://evil.example:9000', token: 'evil-token', historyDays: DEFAULT_HISTORY_DAYS });
      await a.close();
    });

    it('forwards the sync client’s events and notices the alerts the server records', async () => {
      fx().addOrder({ id: 'x', status: 'confirmed', confirmedAt: T0 - 20 * HOUR, slaDeadline: T0 + 90 * 60_000 });
      const alert = (id: string, kind: 'sla_warning' | 'sla_breach'): void => {
        fx().replica.db.insert(alerts).values({
          id, orderId: 'x', orderNumber: 'MR-X', kind, dueAt: T0 + 90 * 60_000, triggeredAt: now, createdAt: now, audience: 'dispatcher',
          messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open', updatedAt: now,
        }).run();
      };
      const seen: string[] = [];
      api.events.onAny((e, p) => seen.push(e === 'notice' ? `notice:${(p as { kind: string }).kind}` : e));
      sync.setConnection({ status: 'offline' });
      sync.pushPositions([{ driverId: 'd1', lat: 1, lon: 2, headingDeg: null, speedKmh: null, battery: null, fixAt: T0, noSignal: false }]);
      now = T0 + 45 * 60_000; // the server's scheduler warns
      alert('a-warn', 'sla_warning');
      sync.pushChanges({ tables: ['alerts'], ids: { alerts: ['a-warn'] }, all: false });
      now = T0 + 2 * HOUR; // past the deadline: the server records the breach
      alert('a-breach', 'sla_breach');
      sync.pushChanges({ tables: ['alerts'], ids: { alerts: ['a-breach'] }, all: false });
      sync.pushChanges({ tables: ['orders'], ids: { orders: ['x'] }, all: false });
      expect(seen).toEqual(['connection', 'positions', 'notice:sla_warning', 'changes', 'notice:sla_breach', 'changes', 'changes']);
    });
  });
});
