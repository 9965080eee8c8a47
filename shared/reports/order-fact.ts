// One row per order: what every report figure is computed from, on the desktop's replica and
// on the server alike. The SELECT is text (no I/O here): both sides run exactly this statement
// over the same tables (shared/schema), so a figure cannot mean two things. Its event fields
// come from one ordered pass over the chosen orders and their events (summarySelect), not a
// lookup per order and field.
import type { OrderStatus, ProblemReason, ServiceType } from '../domain/vocabulary';
import { PROBLEM_REASONS } from '../domain/vocabulary';
import { reasonColumn } from './kpi-definitions';
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

/** Columns of the fact statement, as SQLite returns them (one 0/1 `r_<reason>` per problem reason). */
export type OrderFactRecord = Omit<OrderFact, 'status' | 'serviceType' | 'problemReasons'> & { status: string; serviceType: string } & Record<`r_${ProblemReason}`, number>;


/** Separates the problem reasons of an order's events in one text (no vocabulary word holds it). */
const SEP = 'char(31)';
const KNOWN_REASONS_SQL = PROBLEM_REASONS.map((r) => `'${r}'`).join(', ');

/**
 * The chosen orders with their events summarised in ONE ordered pass: the orders in creation
 * order (orders_created_idx), each joined to its events that can matter (problems, deliveries,
 * arrivals) and grouped per order: the known problem reasons of its events (one text), the first
 * GPS/phone arrival, the driver's last delivered mark. Three aggregates, not one per reason: each
 * aggregate is paid on every event row.
 */
function summarySelect(where: string): string {
  return `SELECT o.id, o.number, o.created_at AS createdAt, o.status, o.service_type AS serviceType,
  o.region_id AS regionId, o.warehouse_id AS warehouseId, o.customer_id AS customerId, o.customer_name AS customerName,
  o.driver_id AS driverId, o.courier_provider AS courierProvider, o.carrier_id AS carrierId,
  o.sla_deadline AS deadline, o.delivered_at AS deliveredAt, o.problem_reason AS currentReason,
  ${SEP} || group_concat(CASE WHEN e.to_status = 'problem' AND e.reason IN (${KNOWN_REASONS_SQL}) THEN e.reason END, ${SEP}) || ${SEP} AS eventReasons,
  min(CASE WHEN e.kind = 'sub_mark' AND e.sub_mark = 'arrived' THEN e.at END) AS arrivedAt,
  max(CASE WHEN e.to_status = 'delivered' AND e.actor = 'driver' THEN e.at END) AS driverDeliveredAt
FROM orders o INDEXED BY orders_created_idx
LEFT JOIN order_events e ON e.order_id = o.id AND (e.to_status IN ('problem', 'delivered') OR (e.kind = 'sub_mark' AND e.sub_mark = 'arrived'))
WHERE ${where}
GROUP BY o.created_at, o.rowid`;
}

/** The summary with one 0/1 column per problem reason: ever on an event, or the current one. */
const FACT_SELECT = `SELECT id, number, createdAt, status, serviceType, regionId, warehouseId, customerId, customerName,
  driverId, courierProvider, carrierId, deadline, deliveredAt,
  ${PROBLEM_REASONS.map((r) => `(instr(coalesce(eventReasons, ''), ${SEP} || '${r}' || ${SEP}) > 0 OR currentReason IS '${r}') AS ${reasonColumn(r)}`).join(',\n  ')},
  arrivedAt, driverDeliveredAt
FROM summary`;

/**
 * The common table expressions `summary` and `fact` (one OrderFactRecord per order created in
 * [startMs, endMs) that passes the filters), for a statement to go on with `SELECT ... FROM
 * fact`. The report's aggregates (shared/reports/report-sql.ts) and the drill-down's facts both
 * read `fact`, so an order's facts are one statement's text.
 */
export function factCte(startMs: number, endMs: number, filters: ReportFilters): { with: string; params: Array<string | number> } {
  const { where, params } = factWhere(startMs, endMs, filters);
  return { with: `summary AS (${summarySelect(where)}), fact AS (${FACT_SELECT})`, params };
}

const CARRIED_BY_SQL: Readonly<Record<CarriedBy, string>> = {
  own: 'o.driver_id IS NOT NULL',
  courier: 'o.driver_id IS NULL AND o.courier_provider IS NOT NULL',
  carrier: 'o.driver_id IS NULL AND o.courier_provider IS NULL AND o.carrier_id IS NOT NULL',
  none: 'o.driver_id IS NULL AND o.courier_provider IS NULL AND o.carrier_id IS NULL',
};

/** The statement and its parameters for the facts of orders created in [startMs, endMs) that pass the filters. */
export function factQuery(startMs: number, endMs: number, filters: ReportFilters): { sql: string; params: Array<string | number> } {
  const cte = factCte(startMs, endMs, filters);
  return { sql: `WITH ${cte.with} SELECT * FROM fact`, params: cte.params };
}

/** The WHERE (over `orders o`) picking orders created in [startMs, endMs) that pass the filters. */
export function factWhere(startMs: number, endMs: number, filters: ReportFilters): { where: string; params: Array<string | number> } {
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
  return { where: where.join(' AND '), params };
}

/** Who carried the order, the same rule as CARRIED_BY_SQL (an own driver wins over the rest). */
export function carriedBy(f: Pick<OrderFact, 'driverId' | 'courierProvider' | 'carrierId'>): CarriedBy {
  if (f.driverId !== null) return 'own';
  if (f.courierProvider !== null) return 'courier';
  if (f.carrierId !== null) return 'carrier';
  return 'none';
}

export function toFact(r: OrderFactRecord): OrderFact {
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
    problemReasons: PROBLEM_REASONS.filter((x) => r[`r_${x}`] === 1),
    arrivedAt: r.arrivedAt,
    driverDeliveredAt: r.driverDeliveredAt,
  };
}
