// Fills a replica with the demo data set (shared/demo) in one transaction: either all of it
// goes in or nothing does. Rows are streamed from the generator into prepared statements, so
// 100k orders and 100k carriers with ~1M lanes and offers never sit in memory at once.
import { sql } from 'drizzle-orm';
import {
  carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles, customers, drivers, orderEvents, orders,
  regions, users, warehouses,
} from '../../shared/schema';
import { demoDataStreams, type DemoOptions } from '../../shared/demo';
import { bulkInserter, withoutSecondaryIndexes } from './bulk-insert';
import type { Replica } from './open-replica';

export interface DemoLoadResult {
  /** Rows inserted per table (SQL names). */
  counts: Record<string, number>;
  ms: number;
}

/**
 * Inserts the demo data set for `options` into an empty replica. Throws (changing nothing)
 * when the replica already holds orders or carriers, or on bad options.
 */
export function loadDemoData(replica: Replica, options: DemoOptions): DemoLoadResult {
  const started = performance.now();
  const streams = demoDataStreams(options);
  const { sqlite, db } = replica;
  const existing = db.get<{ n: number }>(sql`SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM carriers) AS n`);
  if ((existing?.n ?? 0) > 0) {
    throw new Error(`The replica ${replica.file} already has data; demo data goes into an empty replica only`);
  }

  const ins = {
    regions: bulkInserter(sqlite, regions),
    warehouses: bulkInserter(sqlite, warehouses),
    users: bulkInserter(sqlite, users),
    customers: bulkInserter(sqlite, customers),
    drivers: bulkInserter(sqlite, drivers),
    orders: bulkInserter(sqlite, orders),
    orderEvents: bulkInserter(sqlite, orderEvents),
    carriers: bulkInserter(sqlite, carriers),
    carrierVehicles: bulkInserter(sqlite, carrierVehicles),
    carrierLanes: bulkInserter(sqlite, carrierLanes),
    carrierOffers: bulkInserter(sqlite, carrierOffers),
    carrierDeals: bulkInserter(sqlite, carrierDeals),
  };

  sqlite.transaction(() => {
    withoutSecondaryIndexes(sqlite, Object.values(ins).map((i) => i.table), () => {
      const ref = streams.reference;
      for (const row of ref.regions) ins.regions.insert(row);
      for (const row of ref.warehouses) ins.warehouses.insert(row);
      for (const row of ref.users) ins.users.insert(row);
      for (const row of ref.customers) ins.customers.insert(row);
      for (const row of ref.drivers) ins.drivers.insert(row);
      for (const { order, events } of streams.orders()) {
        ins.orders.insert(order);
        for (const e of events) ins.orderEvents.insert(e);
      }
      for (const c of streams.carriers()) {
        ins.carriers.insert(c.carrier);
        for (const v of c.vehicles) ins.carrierVehicles.insert(v);
        for (const l of c.lanes) ins.carrierLanes.insert(l);
        for (const o of c.offers) ins.carrierOffers.insert(o);
        for (const d of c.deals) ins.carrierDeals.insert(d);
      }
    });
    // Many small FTS segments from row-by-row triggers; merge them once for fast searches.
    sqlite.exec(`INSERT INTO orders_fts(orders_fts) VALUES ('optimize'); INSERT INTO carriers_fts(carriers_fts) VALUES ('optimize');`);
  })();
  // Fresh statistics for the planner, and fold the big WAL back into the main file.
  // A sampled ANALYZE: exact counts don't matter to the planner, and a full one reads every index.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');

  const counts: Record<string, number> = {};
  for (const i of Object.values(ins)) counts[i.table] = i.count;
  return { counts, ms: Math.round(performance.now() - started) };
}
