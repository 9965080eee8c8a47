// Drivers for the panel and the map (with load and last fix), and ranked suggestions for an
// order using the fair-distribution rules of shared/domain/driver-ranking.ts.
import type { DriverListRow, DriverSuggestions } from '../../../shared/api/drivers-api';
import { rankDrivers } from '../../../shared/domain/driver-ranking';
import type { ShiftState } from '../../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../open-replica';
import { OPEN_STATUS_SQL } from './sla-sql';

/** Kazakhstan's single zone since 2024; used when the replica has no region yet. */
const DEFAULT_UTC_OFFSET_MIN = 300;

/** Local midnight (today) and the first of the month, in ms, in the region's offset. */
export function dayAndMonthStart(now: number, utcOffsetMinutes: number): { day: number; month: number } {
  const off = utcOffsetMinutes * 60_000;
  const local = new Date(now + off);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - off;
  const month = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - off;
  return { day, month };
}

function regionOffset(replica: ReadonlyReplica): number {
  const r = replica.prepareRead('SELECT utc_offset_minutes AS o FROM regions ORDER BY id LIMIT 1').get() as { o: number } | undefined;
  return r?.o ?? DEFAULT_UTC_OFFSET_MIN;
}

interface RawDriver extends Omit<DriverListRow, 'charging' | 'noSignal'> {
  charging: number | null;
  assignedMonth: number;
}

const DRIVERS_SQL = `SELECT d.id, d.name, d.phone, d.vehicle, d.vehicle_plate AS vehiclePlate,
  d.home_warehouse_id AS homeWarehouseId, d.shift_state AS shiftState, d.shift_changed_at AS shiftChangedAt,
  d.lat, d.lon, d.heading_deg AS headingDeg, d.speed_kmh AS speedKmh, d.battery, d.charging, d.fix_at AS fixAt,
  d.version,
  COALESCE(l.load, 0) AS load, COALESCE(l.today, 0) AS assignedToday, COALESCE(l.month, 0) AS assignedMonth
  FROM drivers d LEFT JOIN (
    SELECT driver_id,
      SUM(status IN ${OPEN_STATUS_SQL} AND status != 'new') AS load,
      SUM(assigned_at >= @day) AS today,
      SUM(assigned_at >= @month) AS month
    FROM orders o WHERE driver_id IS NOT NULL GROUP BY driver_id
  ) l ON l.driver_id = d.id`;

const NONE: ReadonlySet<string> = new Set();

function readDrivers(replica: ReadonlyReplica, now: number): RawDriver[] {
  const { day, month } = dayAndMonthStart(now, regionOffset(replica));
  return replica.prepareRead(`${DRIVERS_SQL} ORDER BY d.name, d.id`).all({ day, month }) as RawDriver[];
}

function toRow({ assignedMonth: _m, ...r }: RawDriver, noSignal: ReadonlySet<string>): DriverListRow {
  return { ...r, charging: r.charging === null ? null : r.charging === 1, noSignal: noSignal.has(r.id) };
}

/** `noSignal`: drivers the server last said have no signal (the sync client keeps them). */
export function listDrivers(replica: ReadonlyReplica, now: number, noSignal: ReadonlySet<string> = NONE): DriverListRow[] {
  return readDrivers(replica, now).map((d) => toRow(d, noSignal));
}

export function suggestDrivers(
  replica: ReadonlyReplica,
  orderId: string,
  limit: number,
  now: number,
  noSignal: ReadonlySet<string> = NONE,
): DriverSuggestions | null {
  const order = replica
    .prepareRead('SELECT id, customer_id AS customerId, pickup_lat AS lat, pickup_lon AS lon FROM orders WHERE id = ?')
    .get(orderId) as { id: string; customerId: string | null; lat: number; lon: number } | undefined;
  if (!order) return null;
  const drivers = readDrivers(replica, now);
  const byId = new Map(drivers.map((d) => [d.id, d]));
  // A customer's "regular" drivers: who delivered to them most in the last 90 days.
  const regular = new Set<string>();
  if (order.customerId !== null) {
    const rows = replica
      .prepareRead(
        `SELECT driver_id AS id FROM orders WHERE customer_id = @c AND driver_id IS NOT NULL AND status IN ('delivered', 'closed')
         AND created_at >= @since GROUP BY driver_id HAVING COUNT(*) >= 3 ORDER BY COUNT(*) DESC LIMIT 3`,
      )
      .all({ c: order.customerId, since: now - 90 * 86_400_000 }) as { id: string }[];
    for (const r of rows) regular.add(r.id);
  }
  const ranking = rankDrivers({
    pickup: { lat: order.lat, lon: order.lon },
    customerId: order.customerId,
    now,
    drivers: drivers.map((d) => ({
      id: d.id,
      name: d.name,
      shiftState: d.shiftState,
      lat: d.lat,
      lon: d.lon,
      fixAt: d.fixAt,
      noSignal: noSignal.has(d.id),
      activeOrders: d.load,
      ordersToday: d.assignedToday,
      ordersThisMonth: d.assignedMonth,
      regularCustomerIds: regular.has(d.id) && order.customerId !== null ? [order.customerId] : [],
    })),
  });
  const name = (id: string): string => byId.get(id)?.name ?? id;
  return {
    orderId,
    suggestions: ranking.suggestions.slice(0, limit).map((s) => {
      const d = byId.get(s.driverId);
      return {
        driverId: s.driverId,
        name: name(s.driverId),
        shiftState: (d?.shiftState ?? 'off_shift') as ShiftState,
        load: d?.load ?? 0,
        assignedToday: d?.assignedToday ?? 0,
        distanceKm: s.distanceKm,
        fixAt: d?.fixAt ?? null,
        score: s.score,
        noSignal: s.noSignal,
        isRegular: s.isRegular,
        onBreak: s.onBreak,
        reasons: s.reasons,
      };
    }),
    // Capped: with 2,000 drivers most are off shift and the card lists only a few.
    excluded: ranking.excluded.slice(0, 50).map((e) => ({ driverId: e.driverId, name: name(e.driverId), reason: e.reason })),
    nobodyOnShift: ranking.nobodyOnShift,
  };
}
