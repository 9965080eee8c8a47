// The FAKE API's queries: plain loops over the fake world (main answers these with SQL).
import { carriedBy } from '../../../shared/domain/carried-by';
import type { CarrierOnOrder } from '../../../shared/api/handover-api';
import type { ApiHandlers } from '../../../shared/api/contract';
import type { DriverListRow } from '../../../shared/api/drivers-api';
import type { OrderAction, OrderFilters, OrderListRow, ProblemItem, ProblemKind } from '../../../shared/api/orders-api';
import { PROBLEM_KINDS } from '../../../shared/api/orders-api';
import { rankDrivers } from '../../../shared/domain/driver-ranking';
import { FLEET_LOCATOR, predictArrival, SpeedTable, stopsThrough, type PredictedArrival } from '../../../shared/eta';
import { isOpenStatus, roleToActor } from '../../../shared/domain/order-status';
import { orderActions, roleActions } from '../../../shared/api/order-actions';
import { slaStatus } from '../../../shared/domain/sla-engine';
import { DEFAULT_SLA_POLICIES, resolveSlaPolicy } from '../../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../../../shared/domain/working-calendar';
import type { UserRole } from '../../../shared/domain/vocabulary';
import type { OrderRow } from '../../../shared/schema';
import type { FakeWorld } from './fake-data';

export type FakeClock = () => number;

type QueryHandlers = Pick<
  ApiHandlers,
  'listOrders' | 'orderCounts' | 'orderPoints' | 'problemQueue' | 'getOrder' | 'listDrivers' | 'suggestDrivers' | 'session' | 'listWarehouses'
>;

const sla = (o: OrderRow, now: number) => slaStatus(o, now, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR);

export function fakeQueries(world: FakeWorld, clock: FakeClock, role: UserRole, pending: ReadonlySet<string>): QueryHandlers {
  const actor = roleToActor(role);
  const driverName = (id: string | null) => (id ? (world.drivers.find((d) => d.id === id)?.name ?? null) : null);
  // The same prediction main makes from the replica (main/db/queries/order-detail.ts), with no learned speeds.
  const predicted = (o: OrderRow): PredictedArrival | null => {
    const d = world.drivers.find((x) => x.id === o.driverId);
    if (!d || d.lat === null || d.lon === null || d.fixAt === null) return null;
    if (!['confirmed', 'at_warehouse', 'in_transit'].includes(o.status)) return null;
    const work = world.orders.filter((x) => x.driverId === d.id && ['confirmed', 'at_warehouse', 'in_transit'].includes(x.status));
    const stops = stopsThrough(work, o.id);
    if (stops === null) return null;
    return predictArrival({ now: clock(), driver: { lat: d.lat, lon: d.lon, fixAt: d.fixAt }, stops, speeds: new SpeedTable([]), locator: FLEET_LOCATOR });
  };
  const toRow = (o: OrderRow): OrderListRow => ({
    id: o.id, number: o.number, customerName: o.customerName, customerPhone: o.customerPhone,
    deliveryAddress: o.deliveryAddress, deliveryCity: o.deliveryCity, warehouseId: o.warehouseId, regionId: o.regionId, status: o.status,
    subMark: o.subMark, problemReason: o.problemReason, driverId: o.driverId, driverName: driverName(o.driverId), carriedBy: carriedBy(o),
    serviceType: o.serviceType, vip: (o.vipNormMinutes ?? 0) > 0, slaDeadline: o.slaDeadline, createdAt: o.createdAt,
    confirmedAt: o.confirmedAt, statusChangedAt: o.statusChangedAt, version: o.version, pending: pending.has(o.id), arrivalRisk: null,
  });
  const matches = (o: OrderRow, f: OrderFilters | undefined, now: number): boolean => {
    if (!f) return true;
    if (f.status && f.status.length > 0 && !f.status.includes(o.status)) return false;
    if (f.warehouseId && o.warehouseId !== f.warehouseId) return false;
    if (f.serviceType && o.serviceType !== f.serviceType) return false;
    if (f.carriedBy && carriedBy(o) !== f.carriedBy) return false;
    if (f.driverId && (f.driverId === 'none' ? o.driverId !== null : o.driverId !== f.driverId)) return false;
    if (f.slaBucket) {
      const s = sla(o, now).state;
      if (f.slaBucket === 'breached' ? s !== 'breached' || !isOpenStatus(o.status) : s !== 'warning' && s !== 'critical') return false;
    }
    if (f.search) {
      const q = f.search.toLowerCase();
      const hay = `${o.number} ${o.customerName} ${o.customerPhone} ${o.deliveryAddress}`.toLowerCase();
      if (!q.split(' ').every((w) => hay.includes(w))) return false;
    }
    return true;
  };
  // The shared rule the real API uses (shared/api/order-actions), never a copy: a render test
  // of what a role is offered must fail when the rule changes.
  const actions = (o: OrderRow): OrderAction[] => orderActions(o, actor);
  const load = (driverId: string) => world.orders.filter((o) => o.driverId === driverId && isOpenStatus(o.status)).length;

  return {
    listOrders: (req) => {
      const now = clock();
      const all = world.orders.filter((o) => matches(o, req, now));
      const dir = req.sortDir === 'desc' ? -1 : 1;
      all.sort((a, b) =>
        req.sort === 'created'
          ? dir * (a.createdAt - b.createdAt)
          : dir * ((a.slaDeadline ?? Number.MAX_SAFE_INTEGER) - (b.slaDeadline ?? Number.MAX_SAFE_INTEGER)) || a.id.localeCompare(b.id),
      );
      return { rows: all.slice(req.offset, req.offset + req.limit).map(toRow), total: all.length, offset: req.offset };
    },
    orderCounts: () => {
      const byStatus = { new: 0, confirmed: 0, at_warehouse: 0, in_transit: 0, delivered: 0, problem: 0, closed: 0, cancelled: 0 };
      for (const o of world.orders) byStatus[o.status] += 1;
      return { total: world.orders.length, byStatus, breached: 0, atRisk: 0, problems: byStatus.problem };
    },
    orderPoints: () => {
      const open = world.orders.filter((o) => isOpenStatus(o.status));
      return {
        ids: open.map((o) => o.id), numbers: open.map((o) => o.number), statuses: open.map((o) => o.status),
        slaDeadlines: open.map((o) => o.slaDeadline),
        pickup: open.flatMap((o) => [o.pickupLat, o.pickupLon]), delivery: open.flatMap((o) => [o.deliveryLat, o.deliveryLon]),
      };
    },
    problemQueue: (req) => {
      const now = clock();
      const items: ProblemItem[] = [];
      for (const o of world.orders) {
        if (!isOpenStatus(o.status)) continue;
        if (req?.carriedBy && carriedBy(o) !== req.carriedBy) continue;
        const s = sla(o, now);
        let kind: ProblemKind | null = null;
        let since = o.statusChangedAt;
        if (s.state === 'breached') [kind, since] = ['breached', s.deadline ?? now];
        else if (o.status === 'problem') kind = 'problem';
        else if (s.state === 'warning' || s.state === 'critical') [kind, since] = ['at_risk', s.warnAt ?? now];
        else if (o.status === 'new' && now - o.createdAt > 2 * 3_600_000) [kind, since] = ['untouched_new', o.createdAt];
        else if (o.status === 'confirmed' && o.confirmedAt && now - o.confirmedAt > 86_400_000) [kind, since] = ['unpicked_confirmed', o.confirmedAt];
        if (!kind) continue;
        items.push({
          orderId: o.id, number: o.number, customerName: o.customerName, status: o.status, kind, reason: o.problemReason,
          comment: o.problemComment, since, slaDeadline: o.slaDeadline, arrivalRisk: null, driverId: o.driverId, driverName: driverName(o.driverId), carriedBy: carriedBy(o),
          version: o.version, pending: pending.has(o.id), actions: actions(o),
        });
      }
      const counts = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ProblemKind, number>;
      items.sort((a, b) => PROBLEM_KINDS.indexOf(a.kind) - PROBLEM_KINDS.indexOf(b.kind) || a.since - b.since);
      return { items: items.slice(0, req?.limit ?? 500), counts };
    },
    getOrder: ({ orderId }) => {
      const o = world.orders.find((x) => x.id === orderId);
      if (!o) return null;
      const policy = resolveSlaPolicy(o, DEFAULT_SLA_POLICIES);
      return {
        order: { ...o },
        events: world.events.filter((e) => e.orderId === orderId).sort((a, b) => a.at - b.at),
        driver: world.drivers.find((d) => d.id === o.driverId) ?? null,
        warehouse: world.warehouses.find((w) => w.id === o.warehouseId) ?? null,
        customer: null,
        sla: { deadline: o.slaDeadline, policy: `${policy.key}: ${policy.normMinutes / 60} h`, warnBeforeMinutes: policy.warnBeforeMinutes },
        actions: actions(o),
        pending: pending.has(o.id),
        predicted: predicted(o),
        trackingUrl: world.trackingUrls[o.id] ?? null,
        checklistRequired: [],
        carrier: carrierOnOrder(world, o.carrierId),
      };
    },
    listDrivers: () =>
      world.drivers.map(
        (d): DriverListRow => ({
          id: d.id, name: d.name, phone: d.phone, vehicle: d.vehicle, vehiclePlate: d.vehiclePlate, homeWarehouseId: d.homeWarehouseId,
          shiftState: d.shiftState, shiftChangedAt: d.shiftChangedAt, lat: d.lat, lon: d.lon, headingDeg: d.headingDeg,
          speedKmh: d.speedKmh, battery: d.battery, charging: d.charging, fixAt: d.fixAt, noSignal: false, load: load(d.id), assignedToday: 0, version: d.version,
        }),
      ),
    suggestDrivers: ({ orderId, limit }) => {
      const o = world.orders.find((x) => x.id === orderId);
      if (!o) return { orderId, suggestions: [], excluded: [], nobodyOnShift: false };
      const result = rankDrivers({
        pickup: { lat: o.pickupLat, lon: o.pickupLon }, customerId: o.customerId, now: clock(),
        drivers: world.drivers.map((d) => ({ ...d, activeOrders: load(d.id), ordersToday: 0, regularCustomerIds: [] })),
      });
      const byId = new Map(world.drivers.map((d) => [d.id, d]));
      const name = (id: string) => byId.get(id)?.name ?? id;
      return {
        orderId,
        nobodyOnShift: result.nobodyOnShift,
        excluded: result.excluded.map((e) => ({ ...e, name: name(e.driverId) })),
        suggestions: result.suggestions.slice(0, limit).map((s) => {
          const d = byId.get(s.driverId);
          return {
            ...s, name: name(s.driverId), shiftState: d?.shiftState ?? 'on_shift', load: load(s.driverId), assignedToday: 0,
            fixAt: d?.fixAt ?? null,
          };
        }),
      };
    },
    session: () => ({
      user: { id: 'u-1', name: role === 'warehouse' ? 'Кладовщик Ержан' : 'Айгерим Садыкова', role, warehouseId: role === 'warehouse' ? 'wh-1' : null },
      actor,
      actions: roleActions(actor),
      configured: true,
      slaPolicies: DEFAULT_SLA_POLICIES,
      calendars: {},
    }),
    listWarehouses: () => world.warehouses.map((w) => ({ id: w.id, name: w.name, city: w.city, address: w.address, lat: w.lat, lon: w.lon, regionId: w.regionId })),
  };
}

function carrierOnOrder(world: FakeWorld, carrierId: string | null): CarrierOnOrder | null {
  const c = carrierId === null ? undefined : world.carriers.find((x) => x.id === carrierId);
  if (!c) return null;
  return { id: c.id, name: c.name, phone: c.phone, securityCheck: c.securityCheck, rate: 180_000, currency: 'KZT', loadingAt: null, contact: c.contactPerson, vehiclePlate: c.vehicles[0]?.plate ?? null };
}
