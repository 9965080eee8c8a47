// One row per order: what every report figure is computed from, on the desktop's replica and
// on the server alike. The SELECT is text (no I/O here): both sides run exactly this statement
// over the same tables (shared/schema), so a figure cannot mean two things.
import type { OrderStatus, ProblemReason, ServiceType } from '../domain/vocabulary';
import { PROBLEM_REASONS } from '../domain/vocabulary';
import type { CarriedBy, ReportFilters } from './report-period';

export interface OrderFact {
  id: string;
  number: string;
  createdAt: number;
  status: OrderStatus;
  serviceType: ServiceType;
  regionId: string;
  warehouseId: string | null;
  customerId: string | null;
  customerName: string;
  driverId: string | null;
  courierProvider: string | null;
  carrierId: string | null;
  /** The SLA deadline (set on confirmation, working calendar and holidays included). */
  deadline: number | null;
  deliveredAt: number | null;
  /** Every reason the order was ever a problem for (timeline), and its current one. */
  problemReasons: ProblemReason[];
  /** First GPS/phone "arrived at the point" mark. */
  arrivedAt: number | null;
  /** When the driver (the phone, actor driver) marked it delivered. */
  driverDeliveredAt: number | null;
}

/** Columns of FACT_SELECT, as SQLite returns them. */
export interface OrderFactRecord {
  id: string;
  number: string;
  createdAt: number;
  status: string;
  serviceType: string;
  regionId: string;
  warehouseId: string | null;
  customerId: string | null;
  customerName: string;
  driverId: string | null;
  courierProvider: string | null;
  carrierId: string | null;
  deadline: number | null;
  deliveredAt: number | null;
  currentReason: string | null;
  problemReasons: string | null;
  arrivedAt: number | null;
  driverDeliveredAt: number | null;
}

/**
 * Orders created in [?, ?) (parameters 1 and 2), narrowed by `factWhere`'s clauses. The
 * correlated subqueries walk order_events' (order_id, at) index, a few rows per order.
 */
const FACT_SELECT = `SELECT o.id, o.number, o.created_at AS createdAt, o.status, o.service_type AS serviceType,
  o.region_id AS regionId, o.warehouse_id AS warehouseId, o.customer_id AS customerId, o.customer_name AS customerName,
  o.driver_id AS driverId, o.courier_provider AS courierProvider, o.carrier_id AS carrierId,
  o.sla_deadline AS deadline, o.delivered_at AS deliveredAt, o.problem_reason AS currentReason,
  (SELECT group_concat(DISTINCT e.reason) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'problem' AND e.reason IS NOT NULL) AS problemReasons,
  (SELECT min(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'sub_mark' AND e.sub_mark = 'arrived') AS arrivedAt,
  (SELECT max(e.at) FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'delivered' AND e.actor = 'driver') AS driverDeliveredAt
FROM orders o`;

const CARRIED_BY_SQL: Readonly<Record<CarriedBy, string>> = {
  own: 'o.driver_id IS NOT NULL',
  courier: 'o.driver_id IS NULL AND o.courier_provider IS NOT NULL',
  carrier: 'o.driver_id IS NULL AND o.courier_provider IS NULL AND o.carrier_id IS NOT NULL',
  none: 'o.driver_id IS NULL AND o.courier_provider IS NULL AND o.carrier_id IS NULL',
};

/** The statement and its parameters for orders created in [startMs, endMs) that pass the filters. */
export function factQuery(startMs: number, endMs: number, filters: ReportFilters): { sql: string; params: Array<string | number> } {
  const where = ['o.created_at >= ?', 'o.created_at < ?'];
  const params: Array<string | number> = [startMs, endMs];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  eq('o.warehouse_id', filters.warehouseId);
  eq('o.region_id', filters.regionId);
  eq('o.service_type', filters.serviceType);
  eq('o.customer_id', filters.customerId);
  if (filters.carriedBy !== undefined) where.push(CARRIED_BY_SQL[filters.carriedBy]);
  return { sql: `${FACT_SELECT} WHERE ${where.join(' AND ')}`, params };
}

/** Who carried the order, the same rule as CARRIED_BY_SQL (an own driver wins over the rest). */
export function carriedBy(f: Pick<OrderFact, 'driverId' | 'courierProvider' | 'carrierId'>): CarriedBy {
  if (f.driverId !== null) return 'own';
  if (f.courierProvider !== null) return 'courier';
  if (f.carrierId !== null) return 'carrier';
  return 'none';
}

const KNOWN_REASONS = new Set<string>(PROBLEM_REASONS);

export function toFact(r: OrderFactRecord): OrderFact {
  const reasons = new Set<ProblemReason>();
  for (const x of [...(r.problemReasons?.split(',') ?? []), r.currentReason]) {
    if (x !== null && KNOWN_REASONS.has(x)) reasons.add(x as ProblemReason);
  }
  return {
    id: r.id,
    number: r.number,
    createdAt: r.createdAt,
    status: r.status as OrderStatus,
    serviceType: r.serviceType as ServiceType,
    regionId: r.regionId,
    warehouseId: r.warehouseId,
    customerId: r.customerId,
    customerName: r.customerName,
    driverId: r.driverId,
    courierProvider: r.courierProvider,
    carrierId: r.carrierId,
    deadline: r.deadline,
    deliveredAt: r.deliveredAt,
    problemReasons: PROBLEM_REASONS.filter((x) => reasons.has(x)),
    arrivedAt: r.arrivedAt,
    driverDeliveredAt: r.driverDeliveredAt,
  };
}
