import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../shared/demo';
import { carriers, drivers, orders } from '../../shared/schema';
import { loadDemoData } from './load-demo-data';
import { onePerTest, tempReplica } from '../testing/fixture-replica';
import { searchCarriers } from './search-carriers';
import { searchOrders } from './search-orders';

const OPTIONS = { now: Date.UTC(2026, 2, 4, 7, 30), seed: 3, orders: 150, carriers: 120, drivers: 20 };

const fx = onePerTest(tempReplica);
const r = () => fx().replica;

describe('loadDemoData', () => {
  it('inserts every generated row, unchanged', () => {
    const result = loadDemoData(r(), OPTIONS);
    const data = generateDemoData(OPTIONS);
    expect(result.counts).toMatchObject({
      orders: 150, carriers: 120, drivers: 20, order_events: data.orderEvents.length,
      carrier_lanes: data.carrierLanes.length, carrier_offers: data.carrierOffers.length,
    });
    const count = (table: string) => (r().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    for (const [table, n] of Object.entries(result.counts)) expect(count(table), table).toBe(n);

    // Round trip through drizzle: booleans, json and nulls come back as generated.
    const dbOrders = r().db.select().from(orders).orderBy(orders.id).all();
    expect(dbOrders).toEqual(data.orders);
    expect(r().db.select().from(drivers).orderBy(drivers.id).all()).toEqual(data.drivers);
    expect(r().db.select().from(carriers).orderBy(carriers.id).all()).toEqual(data.carriers);
  });

  it('leaves the search index ready', () => {
    loadDemoData(r(), OPTIONS);
    const data = generateDemoData(OPTIONS);
    const order = data.orders[42];
    const carrier = data.carriers[17];
    if (!order || !carrier) throw new Error('demo data too small');
    expect(searchOrders(r(), order.number).map((o) => o.id)).toContain(order.id);
    expect(searchOrders(r(), order.customerPhone ?? '').map((o) => o.id)).toContain(order.id);
    expect(searchCarriers(r(), carrier.phone ?? '').map((c) => c.id)).toContain(carrier.id);
    expect(searchCarriers(r(), carrier.taxId ?? '').map((c) => c.id)).toContain(carrier.id);
  });

  it('refuses a replica that already has data, changing nothing', () => {
    loadDemoData(r(), OPTIONS);
    const before = (r().sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
    expect(() => loadDemoData(r(), { ...OPTIONS, seed: 4 })).toThrow(/already has data/);
    expect(r().sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: before });
  });

  it('rejects bad options before touching the file', () => {
    expect(() => loadDemoData(r(), { ...OPTIONS, orders: -5 })).toThrow(/orders/);
    expect(r().sqlite.prepare('SELECT count(*) AS n FROM regions').get()).toEqual({ n: 0 });
  });
});
