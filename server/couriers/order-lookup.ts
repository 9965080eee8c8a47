// Finding the orders a courier event is about: by our order number, or (Traccar) through the
// device's driver to the orders that driver has on the road.
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

  find(e: CourierEvent): Lookup {
    if (e.orderNumber !== null) {
      const o = this.stmts.byNumber.get(e.orderNumber);
      return o === undefined ? { ok: false, detail: `no order with number ${e.orderNumber}` } : { ok: true, orders: [view(o)] };
    }
    if (e.deviceId !== null) {
      const driver = this.stmts.driverOf.get(e.deviceId)?.driver_id;
      if (driver === undefined) return { ok: false, detail: `device ${e.deviceId} is bound to no driver` };
      const orders = this.stmts.onTheRoad.all(driver).map(view);
      return orders.length === 0 ? { ok: false, detail: `driver ${driver} (device ${e.deviceId}) has no order on the road` } : { ok: true, orders };
    }
    return { ok: false, detail: 'the event names no order and no device' };
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
