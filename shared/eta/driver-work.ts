// The order a driver works through their orders, in one place: the prediction walks it to
// find the stops ahead of an order, and the simulator's drivers follow it. Goods already in
// the van go first (in the order they were loaded), then picked orders waiting at a warehouse
// (in the order they were assigned); each of those is a pickup, a load, then the delivery.
import type { OrderStatus } from '../domain/vocabulary';

export interface WorkOrder {
  id: string;
  status: OrderStatus;
  pickupLat: number;
  pickupLon: number;
  deliveryLat: number;
  deliveryLon: number;
  /** When it went on the road (in_transit) or was assigned; ties break on id. */
  statusChangedAt: number;
  assignedAt: number | null;
}

/** Statuses an assigned order is still ahead in a driver's day with. */
const CARRIED: ReadonlySet<OrderStatus> = new Set(['in_transit']);
const WAITING: ReadonlySet<OrderStatus> = new Set(['confirmed', 'at_warehouse']);

/** The driver's open orders in the order they will be delivered. Others (delivered, problem...) drop out. */
export function driverWorkSequence<T extends WorkOrder>(orders: readonly T[]): T[] {
  const carried = orders.filter((o) => CARRIED.has(o.status)).sort((a, b) => a.statusChangedAt - b.statusChangedAt || cmp(a.id, b.id));
  const waiting = orders
    .filter((o) => WAITING.has(o.status))
    .sort((a, b) => (a.assignedAt ?? a.statusChangedAt) - (b.assignedAt ?? b.statusChangedAt) || cmp(a.id, b.id));
  return [...carried, ...waiting];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Stop {
  lat: number;
  lon: number;
  kind: 'pickup' | 'delivery';
  orderId: string;
}

/**
 * The stops from the driver's position up to and including `orderId`'s delivery: every
 * earlier order's delivery (with its pickup first when it is not loaded yet), then this
 * order's own pickup if needed and its delivery. Null when the order is not in the work.
 */
export function stopsThrough<T extends WorkOrder>(orders: readonly T[], orderId: string): Stop[] | null {
  const seq = driverWorkSequence(orders);
  const index = seq.findIndex((o) => o.id === orderId);
  if (index < 0) return null;
  const stops: Stop[] = [];
  for (const o of seq.slice(0, index + 1)) {
    if (!CARRIED.has(o.status)) stops.push({ lat: o.pickupLat, lon: o.pickupLon, kind: 'pickup', orderId: o.id });
    stops.push({ lat: o.deliveryLat, lon: o.deliveryLon, kind: 'delivery', orderId: o.id });
  }
  return stops;
}
