// The read-only REST API for integrations and checks: orders by number (with the timeline),
// orders by status / change time, and drivers with their last positions. Same tokens as sync.
import type Database from 'better-sqlite3';
import { summarize } from '../../shared/protocol';
import { TIMELINE_ORDER_SQL, type DriverRow, type OrderRow } from '../../shared/schema';
import type { AllTableStatements } from '../sync/table-statements';
import { ordersQuery } from './orders-rest-schema';
import { sendJson, type Router } from './router';


export interface DriverPositionView {
  lat: number;
  lon: number;
  headingDeg: number | null;
  speedKmh: number | null;
  accuracyM: number | null;
  battery: number | null;
  charging: boolean | null;
  fixAt: number;
}

/** The last known position of a driver; the GPS module may replace the default (the drivers row). */
export type LastPositionSource = (driver: DriverRow) => DriverPositionView | null;

export function positionFromRow(d: DriverRow): DriverPositionView | null {
  if (d.lat === null || d.lon === null || d.fixAt === null) return null;
  return { lat: d.lat, lon: d.lon, headingDeg: d.headingDeg, speedKmh: d.speedKmh, accuracyM: d.accuracyM, battery: d.battery, charging: d.charging, fixAt: d.fixAt };
}

/** Fields a module adds to GET /api/orders/:number (tracking link, predicted arrival). */
export type OrderExtras = (order: OrderRow) => Record<string, unknown>;

export function mountRestApi(
  router: Router,
  sqlite: Database.Database,
  tables: AllTableStatements,
  lastPosition: () => LastPositionSource,
  orderExtras: () => OrderExtras = () => () => ({}),
): void {
  const byNumber = sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM orders WHERE number = ?');
  const events = sqlite.prepare<[string], Record<string, unknown>>(`SELECT * FROM order_events WHERE order_id = ? ORDER BY ${TIMELINE_ORDER_SQL}`);
  const allDrivers = sqlite.prepare<[], Record<string, unknown>>('SELECT * FROM drivers ORDER BY name');

  router.addRoute({
    method: 'GET',
    path: '/api/orders/:number',
    integration: true,
    handler({ res, params, user }) {
      const record = byNumber.get(params['number'] ?? '');
      // A shop sees its own orders only; another shop's answers as missing.
      if (record === undefined || (user?.role === 'integration' && record['external_source'] !== user.id)) {
        return sendJson(res, 404, { error: 'not_found', message: `No order with number ${params['number']}` });
      }
      const order = tables.orders.codec.fromRecord(record) as OrderRow;
      const timeline = events.all(order.id).map((r) => tables.order_events.codec.fromRecord(r));
      sendJson(res, 200, { order, events: timeline, ...orderExtras()(order) });
    },
  });

  router.addRoute({
    method: 'GET',
    path: '/api/orders',
    integration: true,
    handler({ res, query, user }) {
      const parsed = ordersQuery.safeParse(Object.fromEntries(query));
      if (!parsed.success) return sendJson(res, 400, { error: 'bad_request', message: summarize(parsed.error) });
      const { status, updatedSince, limit } = parsed.data;
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (status !== undefined) {
        where.push(`status IN (${status.map(() => '?').join(', ')})`);
        params.push(...status);
      }
      if (user?.role === 'integration') {
        where.push('external_source = ?');
        params.push(user.id);
      }
      if (updatedSince !== undefined) {
        where.push('updated_at >= ?');
        params.push(updatedSince);
      }
      const sql = `SELECT * FROM orders ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, id LIMIT ?`;
      const rows = sqlite
        .prepare<Array<string | number>, Record<string, unknown>>(sql)
        .all(...params, limit + 1)
        .map((r) => tables.orders.codec.fromRecord(r));
      // One extra row tells whether the page is complete; the caller pages on updatedSince.
      sendJson(res, 200, { orders: rows.slice(0, limit), truncated: rows.length > limit });
    },
  });

  router.addRoute({
    method: 'GET',
    path: '/api/drivers',
    handler({ res }) {
      const source = lastPosition();
      const drivers = allDrivers.all().map((r) => {
        const d = tables.drivers.codec.fromRecord(r) as DriverRow;
        return { ...d, position: source(d) };
      });
      sendJson(res, 200, { drivers });
    },
  });
}
