// The order card: the row, its whole timeline, who drives it, where it ships from, and the
// SLA policy that set its deadline, plus what this user may do to it now.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrderDetail, SlaView } from '../../../shared/api/orders-api';
import type { CarrierOnOrder } from '../../../shared/api/handover-api';
import { resolveSlaPolicy, type SlaPolicies } from '../../../shared/domain/sla-policy';
import type { Actor } from '../../../shared/domain/vocabulary';
import { customers, drivers, orderEvents, orders, speedProfiles, TIMELINE_ORDER_SQL, trackingLinks, warehouses, type CustomerRow, type DriverRow, type OrderRow } from '../../../shared/schema';
import { FLEET_LOCATOR, predictArrival, SpeedTable, stopsThrough, type PredictedArrival } from '../../../shared/eta';
import type { ReadonlyReplica } from '../open-replica';
import { effectiveSlaPolicies } from './alerts-queries';
import { orderActions } from '../../../shared/api/order-actions';
import { requiredChecklistOf } from './checklist-policies';

function hours(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

export function slaView(order: OrderRow, customer: CustomerRow | null, policies: SlaPolicies): SlaView {
  try {
    const p = resolveSlaPolicy(
      { serviceType: order.serviceType, vipNormMinutes: order.vipNormMinutes, customerVipNormMinutes: customer?.vipNormMinutes ?? null },
      policies,
    );
    const basis = p.timeBasis.replace('_', ' ');
    return {
      deadline: order.slaDeadline,
      policy: `${p.key}: ${hours(p.normMinutes)} from confirmation (${basis}), warn ${hours(p.warnBeforeMinutes)} before`,
      warnBeforeMinutes: p.warnBeforeMinutes,
    };
  } catch (err) {
    // A broken policy is a configuration error; the card still opens and says so.
    return { deadline: order.slaDeadline, policy: `no policy: ${(err as Error).message}`, warnBeforeMinutes: null };
  }
}

export function orderDetail(
  replica: ReadonlyReplica,
  orderId: string,
  actor: Actor | null,
  pending: ReadonlySet<string>,
): OrderDetail | null {
  const db = replica.db;
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (!order) return null;
  const events = db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(sql.raw(TIMELINE_ORDER_SQL)).all();
  const driver = order.driverId ? (db.select().from(drivers).where(eq(drivers.id, order.driverId)).get() ?? null) : null;
  const warehouse = order.warehouseId ? (db.select().from(warehouses).where(eq(warehouses.id, order.warehouseId)).get() ?? null) : null;
  const customer = order.customerId ? (db.select().from(customers).where(eq(customers.id, order.customerId)).get() ?? null) : null;
  const link = db.select().from(trackingLinks).where(eq(trackingLinks.id, order.id)).get();
  const checklistRequired = requiredChecklistOf(replica, order.serviceType);
  return {
    order,
    events,
    predicted: predictedArrival(replica, order, driver, Date.now()),
    trackingUrl: link?.url ?? null,
    driver,
    warehouse,
    customer,
    sla: slaView(order, customer, effectiveSlaPolicies(replica)),
    actions: orderActions(order, actor),
    pending: pending.has(order.id),
    checklistRequired,
    carrier: carrierOnOrder(replica, order),
  };
}

/** The carrier carrying the order and the deal agreed on its card (issue 16). */
export function carrierOnOrder(replica: ReadonlyReplica, order: Pick<OrderRow, 'carrierId' | 'carrierDealId'>): CarrierOnOrder | null {
  if (order.carrierId === null) return null;
  const r = replica
    .prepareRead(
      `SELECT c.id, c.name, c.phone, c.security_check AS securityCheck, d.rate, d.currency, d.loading_at AS loadingAt, d.contact, v.plate AS vehiclePlate
       FROM carriers c
       LEFT JOIN carrier_deals d ON d.id = ? AND d.carrier_id = c.id
       LEFT JOIN carrier_vehicles v ON v.id = d.vehicle_id
       WHERE c.id = ?`,
    )
    .get(order.carrierDealId, order.carrierId) as CarrierOnOrder | undefined;
  // A carrier row not synced yet (or deleted): its id is all the card can say.
  if (r === undefined) return { id: order.carrierId, name: order.carrierId, phone: '', securityCheck: 'pending', rate: null, currency: null, loadingAt: null, contact: null, vehiclePlate: null };
  return { ...r, vehiclePlate: r.vehiclePlate === '' ? null : r.vehiclePlate };
}

/** The same prediction the server makes, from the replica: the driver's open orders and the synced learned speeds. */
export function predictedArrival(replica: ReadonlyReplica, order: OrderRow, driver: DriverRow | null, now: number): PredictedArrival | null {
  if (driver === null || driver.lat === null || driver.lon === null || driver.fixAt === null) return null;
  if (!['confirmed', 'at_warehouse', 'in_transit'].includes(order.status)) return null;
  const db = replica.db;
  const work = db
    .select()
    .from(orders)
    .where(and(eq(orders.driverId, driver.id), inArray(orders.status, ['confirmed', 'at_warehouse', 'in_transit'])))
    .all();
  const stops = stopsThrough(work, order.id);
  if (stops === null) return null;
  const speeds = new SpeedTable(db.select().from(speedProfiles).all());
  return predictArrival({ now, driver: { lat: driver.lat, lon: driver.lon, fixAt: driver.fixAt }, stops, speeds, locator: FLEET_LOCATOR });
}
