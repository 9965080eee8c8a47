// Finding the orders a courier event is about: by our order number, else by the provider's own
// number of an order handed to that provider (issue 16: a tracking number pasted on the card),
// or (Traccar) through the device's driver to the orders that driver has on the road.
import type Database from 'better-sqlite3';
import type { OrderStatus, SubMark } from '../../shared/domain/vocabulary';
import type { CourierEvent } from './courier-event';
import type { PlanOrder } from './courier-plan';

export interface FoundOrder extends PlanOrder {
  number: string;
}

interface OrderRecord {
  id: string;
  number: string;
  status: OrderStatus;
  sub_mark: SubMark | null;
}

export type Lookup = { ok: true; orders: FoundOrder[] } | { ok: false; detail: string };

export class OrderLookup {
  private readonly stmts;

  constructor(sqlite: Database.Database) {
    this.stmts = {
      byNumber: sqlite.prepare<[string], OrderRecord>('SELECT id, number, status, sub_mark FROM orders WHERE number = ?'),
      byTracking: sqlite.prepare<[string, string], OrderRecord>(
        'SELECT id, number, status, sub_mark FROM orders WHERE courier_provider = ? AND courier_tracking_number = ? ORDER BY id LIMIT 2',
      ),
      byId: sqlite.prepare<[string], OrderRecord>('SELECT id, number, status, sub_mark FROM orders WHERE id = ?'),
      driverOf: sqlite.prepare<[string], { driver_id: string }>('SELECT driver_id FROM device_bindings WHERE device_id = ?'),
      onTheRoad: sqlite.prepare<[string], OrderRecord>(
        `SELECT id, number, status, sub_mark FROM orders WHERE driver_id = ? AND status IN ('at_warehouse', 'in_transit') ORDER BY id`,
      ),
      lastManual: sqlite.prepare<[string], { at: number | null }>(
        `SELECT max(at) AS at FROM order_events WHERE order_id = ? AND source IN ('manual', 'scan')`,
      ),
    };
  }

  find(provider: string, e: CourierEvent): Lookup {
    if (e.orderNumber !== null) {
      const o = this.stmts.byNumber.get(e.orderNumber);
      if (o !== undefined) return { ok: true, orders: [view(o)] };
      if (e.trackingNumber === null) return { ok: false, detail: `no order with number ${e.orderNumber}` };
    }
    if (e.trackingNumber !== null) {
      const rows = this.stmts.byTracking.all(provider, e.trackingNumber);
      // Two orders with one shipment number is a typing mistake: a person decides which.
      if (rows.length === 1 && rows[0] !== undefined) return { ok: true, orders: [view(rows[0])] };
      const what = e.orderNumber === null ? '' : `no order with number ${e.orderNumber} and `;
      return { ok: false, detail: rows.length === 0 ? `${what}no order handed to ${provider} as ${e.trackingNumber}` : `several orders handed to ${provider} as ${e.trackingNumber}` };
    }
    if (e.deviceId !== null) {
      const driver = this.stmts.driverOf.get(e.deviceId)?.driver_id;
      if (driver === undefined) return { ok: false, detail: `device ${e.deviceId} is bound to no driver` };
      const orders = this.stmts.onTheRoad.all(driver).map(view);
      return orders.length === 0 ? { ok: false, detail: `driver ${driver} (device ${e.deviceId}) has no order on the road` } : { ok: true, orders };
    }
    return { ok: false, detail: 'the event names no order and no device' };
  }

  /** The order with our number (a person attaching a reviewed event names it). */
  byNumber(number: string): FoundOrder | null {
    const o = this.stmts.byNumber.get(number);
    return o === undefined ? null : view(o);
  }

  /** The order as it is now (after earlier events of the same webhook changed it). */
  current(id: string): FoundOrder | null {
    const o = this.stmts.byId.get(id);
    return o === undefined ? null : view(o);
  }

  /** When a person last changed the order by hand or scan; null if never. */
  lastManualAt(orderId: string): number | null {
    return this.stmts.lastManual.get(orderId)?.at ?? null;
  }
}

function view(o: OrderRecord): FoundOrder {
  return { id: o.id, number: o.number, status: o.status, subMark: o.sub_mark };
}
