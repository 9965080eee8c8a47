// The queue's queries over the replica: a page of slim rows plus the total, counts for the
// filter chips, and the map's points. 20k orders never cross the boundary as full rows.
import { carriedBySql } from '../../../shared/domain/carried-by';
import type {
  ListOrdersResponse,
  OrderCounts,
  OrderFilters,
  OrderListRow,
  OrderPoints,
  OrderSort,
} from '../../../shared/api/orders-api';
import type { ListOrdersRequest } from '../../../shared/api/orders-api';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../open-replica';
import { effectiveSlaPolicies } from './alerts-queries';
import { orderWhere } from './order-filters-sql';
import { BREACHED_SQL, OPEN_STATUS_SQL, atRiskSql } from './sla-sql';
import { predictedRisks } from './predicted-risk';
import type { PredictedRisk } from '../../../shared/eta';

type ParsedListOrders = Required<Pick<ListOrdersRequest, 'sort' | 'sortDir' | 'offset' | 'limit'>> & OrderFilters;

/** Open orders first, then by the chosen key; id last so pages never overlap or skip. */
function orderBy(sort: OrderSort, dir: 'asc' | 'desc'): string {
  const d = dir === 'desc' ? 'DESC' : 'ASC';
  switch (sort) {
    case 'time_left':
      return `(o.status IN ${OPEN_STATUS_SQL}) DESC, (o.sla_deadline IS NULL) ASC, o.sla_deadline ${d}, o.created_at ASC, o.id ASC`;
    case 'created':
      return `o.created_at ${d}, o.id ${d}`;
    case 'number':
      return `o.number ${d}`;
    case 'status':
      return `o.status ${d}, o.sla_deadline ASC, o.id ASC`;
    case 'updated':
      return `o.updated_at ${d}, o.id ${d}`;
  }
}

export const ORDER_LIST_COLUMNS = `o.id AS id, o.number AS number, o.customer_name AS customerName,
  o.customer_phone AS customerPhone, o.delivery_address AS deliveryAddress, o.delivery_city AS deliveryCity,
  o.warehouse_id AS warehouseId, o.region_id AS regionId, o.status AS status, o.sub_mark AS subMark, o.problem_reason AS problemReason,
  o.driver_id AS driverId, d.name AS driverName, ${carriedBySql('o')} AS carriedBy, o.service_type AS serviceType,
  (o.vip_norm_minutes IS NOT NULL AND o.vip_norm_minutes > 0) AS vip, o.sla_deadline AS slaDeadline,
  o.created_at AS createdAt, o.confirmed_at AS confirmedAt, o.status_changed_at AS statusChangedAt, o.version AS version`;

/** A queue row as SQLite returns it: booleans are 0/1 and `pending` comes from the outbox. */
export type RawListRow = Omit<OrderListRow, 'vip' | 'pending' | 'arrivalRisk'> & { vip: number };

export function toListRow(r: RawListRow, pending: ReadonlySet<string>, risks: ReadonlyMap<string, PredictedRisk> = new Map()): OrderListRow {
  return { ...r, vip: r.vip === 1, pending: pending.has(r.id), arrivalRisk: risks.get(r.id) ?? null };
}

export function listOrders(
  replica: ReadonlyReplica,
  req: ParsedListOrders,
  now: number,
  pending: ReadonlySet<string>,
): ListOrdersResponse {
  const risks = predictedRisks(replica, now);
  const where = orderWhere(req, now, effectiveSlaPolicies(replica), risks);
  if (where.empty) return { rows: [], total: 0, offset: req.offset };
  const total = (
    replica.prepareRead(`SELECT COUNT(*) AS n FROM orders o WHERE ${where.sql}`).get(where.params) as { n: number }
  ).n;
  const rows = replica
    .prepareRead(
      `SELECT ${ORDER_LIST_COLUMNS} FROM orders o LEFT JOIN drivers d ON d.id = o.driver_id
       WHERE ${where.sql} ORDER BY ${orderBy(req.sort, req.sortDir)} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: req.limit, offset: req.offset }) as RawListRow[];
  return { rows: rows.map((r) => toListRow(r, pending, risks)), total, offset: req.offset };
}

export function orderCounts(replica: ReadonlyReplica, filters: OrderFilters, now: number): OrderCounts {
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  const counts: OrderCounts = { total: 0, byStatus, breached: 0, atRisk: 0, problems: 0 };
  // Status chips show how many each status WOULD have, so the status filter itself is left out.
  const policies = effectiveSlaPolicies(replica);
  const where = orderWhere({ ...filters, status: undefined }, now, policies, predictedRisks(replica, now));
  if (where.empty) return counts;
  const rows = replica
    .prepareRead(
      `SELECT o.status AS status, COUNT(*) AS n, SUM(${BREACHED_SQL}) AS breached, SUM(${atRiskSql(policies)}) AS atRisk
       FROM orders o WHERE ${where.sql} GROUP BY o.status`,
    )
    .all(where.params) as { status: OrderStatus; n: number; breached: number; atRisk: number }[];
  const selected = filters.status && filters.status.length > 0 ? new Set(filters.status) : null;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    if (selected && !selected.has(r.status)) continue;
    counts.total += r.n;
    counts.breached += r.breached;
    counts.atRisk += r.atRisk;
  }
  counts.problems = byStatus.problem;
  return counts;
}

export function orderPoints(replica: ReadonlyReplica, filters: OrderFilters, now: number): OrderPoints {
  const points: OrderPoints = { ids: [], numbers: [], statuses: [], slaDeadlines: [], pickup: [], delivery: [] };
  // The at-risk filter needs the predictions; other filters leave them out (the map asks often).
  const risks = filters.slaBucket === 'at_risk' ? predictedRisks(replica, now) : undefined;
  const where = orderWhere(filters, now, effectiveSlaPolicies(replica), risks);
  if (where.empty) return points;
  const rows = replica
    .prepareRead(
      `SELECT o.id, o.number, o.status, o.sla_deadline, o.pickup_lat, o.pickup_lon, o.delivery_lat, o.delivery_lon
       FROM orders o WHERE o.status IN ${OPEN_STATUS_SQL} AND ${where.sql}`,
    )
    .raw(true)
    .all(where.params) as [string, string, OrderStatus, number | null, number, number, number, number][];
  for (const [id, number, status, deadline, plat, plon, dlat, dlon] of rows) {
    points.ids.push(id);
    points.numbers.push(number);
    points.statuses.push(status);
    points.slaDeadlines.push(deadline);
    points.pickup.push(plat, plon);
    points.delivery.push(dlat, dlon);
  }
  return points;
}
