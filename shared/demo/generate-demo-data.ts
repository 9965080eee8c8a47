// The demo data set: a pure, deterministic function of its options (same seed and `now`,
// same rows). Small sets can be taken whole (generateDemoData); large ones (benchmarks:
// 100k orders, 100k carriers with ~1M lanes and offers) should be streamed (demoDataStreams).
import { resolveDemoOptions, type DemoOptions, type ResolvedDemoOptions } from './demo-options';
import {
  demoCustomers, demoDrivers, demoRegions, demoUsers, demoWarehouses,
  type DemoCustomer, type DemoDriver, type DemoRegion, type DemoUser, type DemoWarehouse,
} from './generate-reference';
import { generateOrders, type DemoOrder, type DemoOrderEvent, type DemoOrderRow } from './generate-orders';
import {
  generateCarriers, type DemoCarrier, type DemoCarrierDeal, type DemoCarrierLane, type DemoCarrierOffer,
  type DemoCarrierRow, type DemoCarrierVehicle,
} from './generate-carriers';

export interface DemoReferenceData {
  regions: DemoRegion[];
  warehouses: DemoWarehouse[];
  users: DemoUser[];
  customers: DemoCustomer[];
  drivers: DemoDriver[];
}

export interface DemoData extends DemoReferenceData {
  orders: DemoOrderRow[];
  orderEvents: DemoOrderEvent[];
  carriers: DemoCarrierRow[];
  carrierVehicles: DemoCarrierVehicle[];
  carrierLanes: DemoCarrierLane[];
  carrierOffers: DemoCarrierOffer[];
  carrierDeals: DemoCarrierDeal[];
}

export interface DemoStreams {
  options: ResolvedDemoOptions;
  /** Small tables, whole. Orders refer to these drivers, customers and warehouses. */
  reference: DemoReferenceData;
  /** Each call starts over and yields the same orders (with their events) again. */
  orders(): Generator<DemoOrder>;
  /** Each call starts over and yields the same carriers (with vehicles, lanes, offers, deals). */
  carriers(): Generator<DemoCarrier>;
}

/** Options checked (RangeError on a bad one), reference tables built, big tables left lazy. */
export function demoDataStreams(options: DemoOptions): DemoStreams {
  const resolved = resolveDemoOptions(options);
  const { now } = resolved;
  const reference: DemoReferenceData = {
    regions: demoRegions(now),
    warehouses: demoWarehouses(now),
    users: demoUsers(now),
    customers: demoCustomers(resolved),
    drivers: demoDrivers(resolved),
  };
  return {
    options: resolved,
    reference,
    orders: () => generateOrders(resolved, reference),
    carriers: () => generateCarriers(resolved),
  };
}

/** Every table as arrays. Fine for the default size (600 orders, 5,000 carriers); stream bigger sets. */
export function generateDemoData(options: DemoOptions): DemoData {
  const streams = demoDataStreams(options);
  const data: DemoData = {
    ...streams.reference,
    orders: [], orderEvents: [], carriers: [], carrierVehicles: [], carrierLanes: [], carrierOffers: [], carrierDeals: [],
  };
  for (const { order, events } of streams.orders()) {
    data.orders.push(order);
    data.orderEvents.push(...events);
  }
  for (const c of streams.carriers()) {
    data.carriers.push(c.carrier);
    data.carrierVehicles.push(...c.vehicles);
    data.carrierLanes.push(...c.lanes);
    data.carrierOffers.push(...c.offers);
    data.carrierDeals.push(...c.deals);
  }
  return data;
}
