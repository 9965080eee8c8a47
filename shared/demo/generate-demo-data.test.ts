import { describe, expect, it } from 'vitest';
import { checkTaxId } from '../carriers/tax-id';
import { distanceMeters } from '../domain/geo';
import { transitionActors } from '../domain/order-status';
import { processingReminders } from '../domain/processing-reminders';
import { slaStatus, type SlaState } from '../domain/sla-engine';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import { ORDER_STATUSES, SERVICE_TYPES, SHIFT_STATES, SECURITY_CHECK_STATES, VEHICLE_TYPES, type OrderStatus } from '../domain/vocabulary';
import { generateDemoData, demoDataStreams, type DemoData } from './generate-demo-data';
import type { DemoOrderRow } from './generate-orders';

/** Wednesday 4 March 2026, 12:30 in Almaty: a working day, mid-day. */
const NOW = Date.UTC(2026, 2, 4, 7, 30);
const SMALL = { now: NOW, seed: 7, orders: 400, carriers: 300, drivers: 60 };

function slaState(o: DemoOrderRow, now: number): SlaState {
  return slaStatus(
    {
      serviceType: o.serviceType, vipNormMinutes: o.vipNormMinutes ?? null, status: o.status,
      confirmedAt: o.confirmedAt ?? null, deliveredAt: o.deliveredAt ?? null, slaDeadline: o.slaDeadline ?? null,
    },
    now, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR,
  ).state;
}

const small = generateDemoData(SMALL);

describe('generateDemoData: determinism', () => {
  it('gives identical data for the same options', () => {
    expect(generateDemoData(SMALL)).toEqual(small);
  });

  it('gives different data for a different seed', () => {
    const other = generateDemoData({ ...SMALL, seed: 8 });
    expect(other.orders.map((o) => o.customerName)).not.toEqual(small.orders.map((o) => o.customerName));
    expect(other.carriers.map((c) => c.name)).not.toEqual(small.carriers.map((c) => c.name));
  });

  it('streams the same rows it returns whole, and restarts each stream', () => {
    const streams = demoDataStreams(SMALL);
    const first = [...streams.orders()].map((o) => o.order);
    expect(first).toEqual(small.orders);
    expect([...streams.orders()].map((o) => o.order.id)).toEqual(first.map((o) => o.id));
    expect([...streams.carriers()].map((c) => c.carrier)).toEqual(small.carriers);
  });
});

describe('generateDemoData: size', () => {
  it('makes as many rows as asked for', () => {
    expect(small.orders).toHaveLength(400);
    expect(small.carriers).toHaveLength(300);
    expect(small.drivers).toHaveLength(60);
    expect(small.warehouses).toHaveLength(3);
    expect(small.regions.length).toBeGreaterThan(0);
    // ~10 lanes and offers per carrier: 100k carriers give about a million.
    const perCarrier = (small.carrierLanes.length + small.carrierOffers.length) / small.carriers.length;
    expect(perCarrier).toBeGreaterThan(7);
    expect(perCarrier).toBeLessThan(13);
  });

  it('has defaults sized like a real company', () => {
    const d = demoDataStreams({ now: NOW });
    expect(d.options).toMatchObject({ orders: 600, carriers: 5000, drivers: 60 });
  });

  it('rejects bad options with the option named', () => {
    expect(() => generateDemoData({ now: NOW, orders: -1 })).toThrow(/orders/);
    expect(() => generateDemoData({ now: NOW, carriers: 1.5 })).toThrow(/carriers/);
    expect(() => generateDemoData({ now: Number.NaN })).toThrow(/now/);
    expect(() => generateDemoData({ now: NOW, seed: -3 })).toThrow(/seed/);
  });

  it('copes with empty tables', () => {
    const d = generateDemoData({ now: NOW, orders: 30, carriers: 0, drivers: 0, customers: 0 });
    expect(d.orders).toHaveLength(30);
    expect(d.orders.every((o) => o.carrierId == null && o.driverId == null)).toBe(true);
  });
});

describe('generateDemoData: coverage', () => {
  const statuses = new Set(small.orders.map((o) => o.status));
  it('has every status and service type', () => {
    for (const s of ORDER_STATUSES) expect(statuses, s).toContain(s);
    const services = new Set(small.orders.map((o) => o.serviceType));
    for (const s of SERVICE_TYPES) expect(services, s).toContain(s);
  });

  // The coverage holds whatever the hour: mid-week noon, Friday night, a Sunday, a holiday.
  const instants = {
    'Wednesday noon': NOW,
    'Friday night': Date.UTC(2026, 2, 6, 18, 45),
    Sunday: Date.UTC(2026, 2, 8, 6, 0),
    'Nauryz holiday': Date.UTC(2026, 2, 23, 9, 0),
  };
  for (const [label, now] of Object.entries(instants)) {
    it(`puts orders in every SLA state (${label})`, () => {
      const d = label === 'Wednesday noon' ? small : generateDemoData({ ...SMALL, now, carriers: 10 });
      const states = new Set(d.orders.map((o) => slaState(o, now)));
      for (const s of ['ok', 'warning', 'critical', 'breached', 'met'] as const) expect(states, s).toContain(s);
    });
  }

  it('has both processing reminders (new for > 2 h, confirmed > 1 day and not picked)', () => {
    const kinds = new Set(
      small.orders.flatMap((o) =>
        processingReminders({ status: o.status, createdAt: o.createdAt, confirmedAt: o.confirmedAt ?? null, pickedAt: o.pickedAt ?? null }, NOW).map((r) => r.kind),
      ),
    );
    expect(kinds).toEqual(new Set(['not_taken', 'not_picked']));
  });

  it('has problem orders with reasons, VIP orders and CDEK orders with tracking numbers', () => {
    const problems = small.orders.filter((o) => o.status === 'problem');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((o) => o.problemReason && o.problemComment && o.statusBeforeProblem)).toBe(true);
    expect(small.orders.some((o) => o.vipNormMinutes != null)).toBe(true);
    const cdek = small.orders.filter((o) => o.courierProvider === 'cdek');
    expect(cdek.length).toBeGreaterThan(0);
    expect(cdek.every((o) => /^\d{10}$/.test(o.courierTrackingNumber ?? ''))).toBe(true);
  });

  it('has drivers in every shift state, some with stale fixes, all near their warehouse', () => {
    for (const s of SHIFT_STATES) expect(small.drivers.some((d) => d.shiftState === s), s).toBe(true);
    expect(small.drivers.some((d) => d.shiftState === 'on_shift' && d.fixAt != null && NOW - d.fixAt > 10 * 60_000)).toBe(true);
    const wh = new Map(small.warehouses.map((w) => [w.id, w]));
    for (const d of small.drivers) {
      const home = wh.get(d.homeWarehouseId ?? '');
      expect(home).toBeDefined();
      if (home && d.lat != null && d.lon != null) expect(distanceMeters({ lat: d.lat, lon: d.lon }, home)).toBeLessThan(30_000);
    }
  });

  it('has a varied carrier base', () => {
    for (const s of SECURITY_CHECK_STATES) expect(small.carriers.some((c) => c.securityCheck === s), s).toBe(true);
    expect(small.carriers.some((c) => c.blacklisted)).toBe(true);
    for (const t of VEHICLE_TYPES) expect(small.carrierVehicles.some((v) => v.type === t), t).toBe(true);
    expect(small.carrierVehicles.some((v) => v.refrigerated)).toBe(true);
    expect(small.carrierVehicles.some((v) => v.adrClasses !== '')).toBe(true);
    expect(small.carrierVehicles.some((v) => v.oversize)).toBe(true);
    expect(small.carrierLanes.some((l) => l.toCity === 'Москва' || l.fromCity === 'Москва')).toBe(true);
    expect(small.carrierDeals.some((d) => d.outcome === 'success')).toBe(true);
    expect(small.carrierDeals.some((d) => d.outcome === 'problem')).toBe(true);
    expect(small.carrierOffers.every((o) => o.rate >= 30_000 && o.currency === 'KZT')).toBe(true);
  });

  it('gives every carrier a tax id with valid check digits (BIN/IIN, or INN for Russian ones)', () => {
    const bad = small.carriers.filter((c) => typeof c.taxId !== 'string' || !checkTaxId(c.taxId).ok).map((c) => c.taxId);
    expect(bad).toEqual([]);
    expect(small.carriers.some((c) => c.taxId?.length === 12)).toBe(true);
    expect(small.carriers.some((c) => c.taxId?.length === 10)).toBe(true);
  });
});

describe('generateDemoData: consistency', () => {
  function checkReferences(d: DemoData): void {
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const warehouses = ids(d.warehouses);
    const drivers = ids(d.drivers);
    const customers = ids(d.customers);
    const carriers = ids(d.carriers);
    const regions = ids(d.regions);
    const orders = ids(d.orders);
    for (const o of d.orders) {
      if (o.warehouseId != null) expect(warehouses.has(o.warehouseId), o.id).toBe(true);
      if (o.driverId != null) expect(drivers.has(o.driverId), o.id).toBe(true);
      if (o.customerId != null) expect(customers.has(o.customerId), o.id).toBe(true);
      if (o.carrierId != null) expect(carriers.has(o.carrierId), o.id).toBe(true);
      expect(regions.has(o.regionId), o.id).toBe(true);
    }
    for (const e of d.orderEvents) expect(orders.has(e.orderId)).toBe(true);
    for (const rows of [d.carrierVehicles, d.carrierLanes, d.carrierOffers, d.carrierDeals]) {
      for (const r of rows) expect(carriers.has(r.carrierId)).toBe(true);
    }
    expect(new Set(d.orders.map((o) => o.number)).size).toBe(d.orders.length);
    expect(ids(d.orderEvents).size).toBe(d.orderEvents.length);
  }

  it('points orders, events and carrier rows at rows that exist', () => {
    checkReferences(small);
  });

  it("tells each order's story in its events, by the status machine's rules, all before now", () => {
    const byOrder = new Map<string, typeof small.orderEvents>();
    for (const e of small.orderEvents) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    for (const o of small.orders) {
      const events = byOrder.get(o.id) ?? [];
      expect(events[0]?.kind, o.id).toBe('created');
      let status: OrderStatus = 'new';
      let prevAt = -Infinity;
      for (const e of events) {
        expect(e.at, o.id).toBeGreaterThanOrEqual(prevAt);
        expect(e.at, o.id).toBeLessThanOrEqual(NOW);
        prevAt = e.at;
        if (e.kind !== 'status') continue;
        expect(e.fromStatus, o.id).toBe(status);
        const to = e.toStatus as OrderStatus;
        const ctx = { warehouseId: o.warehouseId ?? null, statusBeforeProblem: o.statusBeforeProblem ?? null };
        expect(transitionActors(status, to, ctx), `${o.id} ${status}->${to} by ${e.actor}`).toContain(e.actor);
        status = to;
      }
      expect(status, o.id).toBe(o.status);
      expect(o.statusChangedAt).toBeLessThanOrEqual(NOW);
      expect(o.createdAt).toBeLessThanOrEqual(o.confirmedAt ?? Infinity);
      if (o.status !== 'new' && o.status !== 'cancelled') expect(o.slaDeadline, o.id).not.toBeNull();
      if (o.status === 'in_transit' && o.courierProvider == null && o.carrierId == null) expect(o.driverId, o.id).not.toBeNull();
    }
  });
});

describe('generateDemoData: a normal working day', () => {
  const day = generateDemoData({ now: NOW, seed: 1, orders: 600, carriers: 50, drivers: 60 });
  const OPEN: readonly OrderStatus[] = ['confirmed', 'at_warehouse', 'in_transit', 'problem'];
  const open = day.orders.filter((o) => OPEN.includes(o.status));

  it('has most open orders on time, a handful at risk, a few breached and problems', () => {
    const states = open.map((o) => slaState(o, NOW));
    const share = (s: SlaState) => states.filter((x) => x === s).length / states.length;
    expect(share('ok')).toBeGreaterThan(0.8);
    expect(share('breached')).toBeGreaterThan(0);
    expect(share('breached')).toBeLessThan(0.08);
    expect(share('warning') + share('critical')).toBeLessThan(0.12);
    const problems = day.orders.filter((o) => o.status === 'problem').length;
    expect(problems).toBeGreaterThan(0);
    expect(problems).toBeLessThan(20);
  });

  it('leaves some drivers on shift free and nobody on a break with work', () => {
    const busy = new Set(open.map((o) => o.driverId).filter((id): id is string => id !== null));
    const onShift = day.drivers.filter((d) => d.shiftState === 'on_shift');
    const free = onShift.filter((d) => !busy.has(d.id));
    expect(free.length / onShift.length).toBeGreaterThan(0.25);
    expect(onShift.length - free.length).toBeGreaterThan(0);
    expect(day.drivers.filter((d) => d.shiftState === 'on_break' && busy.has(d.id))).toEqual([]);
  });
});
