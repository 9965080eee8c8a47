// A small, fixed set of orders for the report tests, built by hand so every figure can be
// counted by hand (the expected values sit in the tests, next to the reasoning). Deadlines come
// from the real SLA engine over Kazakhstan's calendar, so order O5's deadline steps over the
// Women's Day holiday (Monday 9 March 2026, carried over from Sunday).
import { computeDeadline } from '../domain/sla-engine';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR, localToUtc } from '../domain/working-calendar';
import type { NewOrderRow, OrderEventRow, OrderRow } from '../schema';
import { testOrderRow } from './order-row';
import type { ServiceType } from '../domain/vocabulary';

/** Local time in Astana (UTC+5) as ms. */
export const at = (day: number, hour: number, minute = 0): number => localToUtc(DEFAULT_KZ_CALENDAR, 2026, 3, day, hour, minute);
/** The report tests' clock: Wednesday 11 March 2026, 12:00 in Astana. */
export const REPORT_NOW = at(11, 12);
export const REPORT_PERIOD = { from: '2026-03-06', to: '2026-03-10' } as const;

const deadline = (serviceType: ServiceType, confirmedAt: number): number =>
  computeDeadline({ serviceType, vipNormMinutes: null, confirmedAt }, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR) as number;

type OrderSpec = Partial<OrderRow> & { id: string; createdAt: number; serviceType: ServiceType };

function order(s: OrderSpec): OrderRow {
  return testOrderRow({
    number: `R-${s.id}`,
    customerName: s.customerId === 'c2' ? 'Magnum' : 'Kaspi Shop',
    customerId: 'c1',
    pickupAddress: 'Kenesary 1',
    pickupLat: 51.18,
    pickupLon: 71.44,
    deliveryAddress: 'Abay 10',
    deliveryCity: 'Astana',
    deliveryLat: 51.16,
    deliveryLon: 71.47,
    warehouseId: 'w1',
    regionId: 'r-ast',
    status: 'new',
    statusChangedAt: s.createdAt,
    updatedAt: s.createdAt,
    ...s,
  });
}

type EventSpec = Pick<OrderEventRow, 'orderId' | 'kind' | 'at'> & Partial<OrderEventRow>;
let seq = 0;
function event(e: EventSpec): OrderEventRow {
  seq += 1;
  return {
    id: `ev-${e.orderId}-${seq}`,
    fromStatus: null,
    toStatus: null,
    subMark: null,
    actor: 'dispatcher',
    actorId: null,
    actorName: null,
    source: 'manual',
    reason: null,
    comment: null,
    driverId: null,
    changes: null,
    handover: null,
    ...e,
  };
}

export function reportOrders(): { orders: NewOrderRow[]; events: OrderEventRow[] } {
  const orders: NewOrderRow[] = [];
  const events: OrderEventRow[] = [];
  const delivered = (id: string, when: number, byDriver: boolean) =>
    events.push(event({ orderId: id, kind: 'status', at: when, toStatus: 'delivered', actor: byDriver ? 'driver' : 'courier', source: byDriver ? 'driver' : 'courier' }));
  const arrived = (id: string, when: number) => events.push(event({ orderId: id, kind: 'sub_mark', at: when, subMark: 'arrived', actor: 'gps', source: 'gps' }));

  // O1: express, on time; the driver marks it delivered 10 min after arriving.
  orders.push(order({ id: 'O1', serviceType: 'express', createdAt: at(6, 10), confirmedAt: at(6, 10, 5), slaDeadline: deadline('express', at(6, 10, 5)), status: 'delivered', driverId: 'd1', deliveredAt: at(6, 13, 10) }));
  arrived('O1', at(6, 13));
  delivered('O1', at(6, 13, 10), true);
  // O2: express, delivered a minute late; the mark comes 41 min after arriving (late).
  const o2Deadline = deadline('express', at(6, 11));
  orders.push(order({ id: 'O2', serviceType: 'express', createdAt: at(6, 11), confirmedAt: at(6, 11), slaDeadline: o2Deadline, status: 'closed', driverId: 'd1', deliveredAt: o2Deadline + 60_000 }));
  arrived('O2', o2Deadline - 40 * 60_000);
  delivered('O2', o2Deadline + 60_000, true);
  // O3: cancelled (Saturday), another customer.
  orders.push(order({ id: 'O3', serviceType: 'standard', createdAt: at(7, 12), confirmedAt: at(7, 12), slaDeadline: deadline('standard', at(7, 12)), status: 'cancelled', customerId: 'c2' }));
  // O4: on time but short: a short-delivery problem, resolved, then delivered.
  orders.push(order({ id: 'O4', serviceType: 'standard', createdAt: at(10, 9), confirmedAt: at(10, 9), slaDeadline: deadline('standard', at(10, 9)), status: 'delivered', driverId: 'd2', deliveredAt: at(10, 13) }));
  events.push(event({ orderId: 'O4', kind: 'status', at: at(10, 12), toStatus: 'problem', reason: 'short_delivery', actor: 'warehouse' }));
  delivered('O4', at(10, 13), true);
  // O5: confirmed Friday 15:00; "next working day" skips the weekend and the holiday: Tuesday 15:00.
  // CDEK hands it over Tuesday 14:00: on time (a plain 24 h would call it 3 days late).
  orders.push(order({ id: 'O5', serviceType: 'standard', createdAt: at(6, 15), confirmedAt: at(6, 15), slaDeadline: deadline('standard', at(6, 15)), status: 'delivered', courierProvider: 'cdek', deliveredAt: at(10, 14) }));
  delivered('O5', at(10, 14), false);
  // O6: hanging: express, on the road, deadline 13:00 yesterday.
  orders.push(order({ id: 'O6', serviceType: 'express', createdAt: at(10, 9), confirmedAt: at(10, 9), slaDeadline: deadline('express', at(10, 9)), status: 'in_transit', driverId: 'd2' }));
  // O7: intercity with a carrier, deadline still ahead.
  orders.push(order({ id: 'O7', serviceType: 'intercity', createdAt: at(10, 10), confirmedAt: at(10, 10), slaDeadline: deadline('intercity', at(10, 10)), status: 'confirmed', carrierId: 'k1' }));
  // O8: new, never confirmed: no deadline.
  orders.push(order({ id: 'O8', serviceType: 'standard', createdAt: at(8, 10), status: 'new' }));
  // P1: the previous period (1-5 March): delivered on time by d1.
  orders.push(order({ id: 'P1', serviceType: 'express', createdAt: at(3, 10), confirmedAt: at(3, 10), slaDeadline: deadline('express', at(3, 10)), status: 'delivered', driverId: 'd1', deliveredAt: at(3, 12) }));
  // X1: created today, after the period: in no figure.
  orders.push(order({ id: 'X1', serviceType: 'express', createdAt: at(11, 8), status: 'new' }));
  for (const o of orders) events.push(event({ orderId: o.id, kind: 'created', at: o.createdAt, toStatus: 'new', actor: 'system', source: 'import' }));
  return { orders, events };
}

/** The places, people and customers the report orders refer to (insert with onConflictDoNothing). */
export const REPORT_WORLD = {
  regions: [{ id: 'r-ast', name: 'Astana', utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: [], updatedAt: REPORT_NOW }],
  warehouses: [{ id: 'w1', name: 'Astana North', city: 'Astana', address: 'Kenesary 1', lat: 51.18, lon: 71.44, regionId: 'r-ast', updatedAt: REPORT_NOW }],
  drivers: [
    { id: 'd1', name: 'Berik', updatedAt: REPORT_NOW },
    { id: 'd2', name: 'Dana', updatedAt: REPORT_NOW },
  ],
  customers: [
    { id: 'c1', name: 'Kaspi Shop', updatedAt: REPORT_NOW },
    { id: 'c2', name: 'Magnum', updatedAt: REPORT_NOW },
  ],
};
