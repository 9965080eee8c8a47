// The server computes the same figures as the desktop (main/reports/local-report.test.ts counts
// them by hand over the same orders), adds the GPS distance, and refuses what is not a
// supervisor's question: wrong roles, ranges in 2100, reversed or huge ranges, ids not ours.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customers, drivers, orderEvents, orders, regions, warehouses } from '../../shared/schema';
import type { ReportData } from '../../shared/reports/compute-report';
import type { DrillRow } from '../../shared/reports/drill-down';
import { REPORT_NOW, REPORT_WORLD, at, reportOrders } from '../../shared/testing/report-orders';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
let now = REPORT_NOW;

beforeEach(async () => {
  now = REPORT_NOW;
  t = await startTestServer({ clock: () => now });
  const db = t.server.db.orm;
  db.insert(regions).values(REPORT_WORLD.regions).onConflictDoNothing().run();
  db.insert(warehouses).values(REPORT_WORLD.warehouses).onConflictDoNothing().run();
  db.insert(drivers).values(REPORT_WORLD.drivers).onConflictDoNothing().run();
  db.insert(customers).values(REPORT_WORLD.customers).onConflictDoNothing().run();
  const set = reportOrders();
  db.insert(orders).values(set.orders).run();
  db.insert(orderEvents).values(set.events).run();
  // d1 drives 51.10 -> 51.11 -> 51.12 (about 1.11 km each leg) on 6 March; a fix a day after the period is not counted.
  const fix = t.server.db.sqlite.prepare('INSERT INTO driver_tracks (driver_id, fix_at, lat, lon, device_id, received_at) VALUES (?, ?, ?, 71.4, ?, ?)');
  for (const [i, lat] of [51.1, 51.11, 51.12].entries()) fix.run('d1', at(6, 12, i), lat, 'dev', at(6, 12, i));
  fix.run('d1', at(11, 9), 52, 'dev', at(11, 9));
});
afterEach(async () => {
  await t.stop();
});

// Each request a second after the last, as a person clicks (the rate limit has its own test).
async function get(path: string, user = 'u-supervisor', step = 1000): Promise<{ status: number; body: Record<string, unknown> }> {
  now += step;
  const res = await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${t.tokens[user]}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const PERIOD = 'from=2026-03-06&to=2026-03-10';

describe('GET /api/reports', () => {
  it('computes the headline, the cuts and the km driven', async () => {
    const { status, body } = await get(`/api/reports?${PERIOD}`);
    expect(status).toBe(200);
    const r = body as unknown as ReportData;
    expect(r.source).toBe('server');
    expect(r.headline.orders.value).toBe(8);
    expect(r.headline.onTime).toEqual({ value: 0.75, hits: 3, members: 4 });
    expect(r.headline.otif).toEqual({ value: 0.4, hits: 2, members: 5 });
    expect(r.headline.hanging.value).toBe(1);
    expect(r.previousHeadline.orders.value).toBe(1);
    expect(r.kmAvailable).toBe(true);
    const d1 = r.drivers.find((d) => d.key === 'd1');
    expect(d1?.km).toBeCloseTo(2.224, 2);
    expect(r.drivers.find((d) => d.key === 'd2')?.km).toBe(0);
    expect(r.cuts.courier.map((c) => c.key)).toEqual(['cdek']);
  });

  it('answers a dispatcher and an admin too, and filters', async () => {
    expect((await get(`/api/reports?${PERIOD}&carriedBy=own`, 'u-dispatcher')).body).toMatchObject({ headline: { orders: { value: 4 } } });
    expect((await get(`/api/reports?${PERIOD}&serviceType=express`, 'u-admin')).body).toMatchObject({ headline: { orders: { value: 3 } } });
  });

  it('refuses other roles, integrations and missing tokens', async () => {
    for (const user of ['u-warehouse', 'u-logistician']) expect((await get(`/api/reports?${PERIOD}`, user)).status).toBe(403);
    const shop = t.server.users.addUser({ name: 'Shop Alem', role: 'integration' }).token;
    const asShop = await fetch(`${t.server.url}/api/reports?${PERIOD}`, { headers: { authorization: `Bearer ${shop}` } });
    expect(asShop.status).toBe(403);
    const none = await fetch(`${t.server.url}/api/reports?${PERIOD}`);
    expect(none.status).toBe(401);
    const inUrl = await fetch(`${t.server.url}/api/reports?${PERIOD}&token=${t.tokens['u-supervisor']}`);
    expect(inUrl.status).toBe(401);
  });

  it('refuses hostile periods and filters, naming the parameter, and counts them', async () => {
    const cases: Array<[string, string]> = [
      ['from=2100-01-01&to=2100-01-31', 'from'],
      ['from=2026-03-01&to=2100-01-31', 'to'],
      ['from=2026-03-10&to=2026-03-01', 'to'],
      ['from=2020-01-01&to=2026-03-10', 'to'],
      ['from=2026-02-30&to=2026-03-10', 'from'],
      ['from=2026-03-01', 'to'],
      [`${PERIOD}&warehouseId=w-other-company`, 'warehouseId'],
      [`${PERIOD}&customerId=__proto__`, 'customerId'],
      [`${PERIOD}&constructor=1`, 'constructor'],
      [`${PERIOD}&serviceType=teleport`, 'serviceType'],
      [`${PERIOD}&from=2026-03-01`, 'from'],
      [`${PERIOD}&regionId=${'x'.repeat(200)}`, 'regionId'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await get(`/api/reports?${query}`);
      expect([query, status, body['field']]).toEqual([query, 400, field]);
      expect(String(body['message'])).toMatch(new RegExp(`^${field}:`));
    }
    const health = await get('/health', 'u-admin');
    expect((health.body['reports'] as Record<string, number>)['invalid']).toBe(cases.length);
  });
});

describe('a flood of reports', () => {
  it('is slowed per user with 429 and Retry-After, and counted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await get(`/api/reports?${PERIOD}`, 'u-supervisor', 0)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const res = await fetch(`${t.server.url}/api/reports?${PERIOD}`, { headers: { authorization: `Bearer ${t.tokens['u-supervisor']}` } });
    expect(res.headers.get('retry-after')).toBe('1');
    // Another user is not held up by it.
    expect((await get(`/api/reports?${PERIOD}`, 'u-admin', 0)).status).toBe(200);
    expect(((await get('/health', 'u-admin')).body['reports'] as Record<string, number>)['rateLimited']).toBe(3);
  });
});

describe('GET /api/reports/orders', () => {
  it('lists the orders behind a figure, a cut cell or a bar, paged', async () => {
    const otif = await get(`/api/reports/orders?${PERIOD}&figure=otif&hits=false`);
    expect(otif.status).toBe(200);
    expect((otif.body['rows'] as DrillRow[]).map((r) => r.number).sort()).toEqual(['R-O2', 'R-O4', 'R-O6']);
    const late = await get(`/api/reports/orders?${PERIOD}&figure=onTime&hits=false&cut=driver:d1`);
    expect((late.body['rows'] as DrillRow[]).map((r) => r.number)).toEqual(['R-O2']);
    const page = await get(`/api/reports/orders?${PERIOD}&offset=1&limit=2`);
    expect(page.body['total']).toBe(8);
    expect((page.body['rows'] as DrillRow[]).length).toBe(2);
    const prev = await get(`/api/reports/orders?${PERIOD}&previous=true`);
    expect((prev.body['rows'] as DrillRow[]).map((r) => r.number)).toEqual(['R-P1']);
  });
  it('refuses bad drill parameters by name', async () => {
    for (const [query, field] of [
      ['figure=profit', 'figure'],
      ['hits=maybe', 'hits'],
      ['cut=planet:mars', 'cut'],
      ['bucket=99', 'bucket'],
      ['limit=1000000', 'limit'],
      ['offset=-1', 'offset'],
      ['reason=__proto__', 'reason'],
    ]) {
      const { status, body } = await get(`/api/reports/orders?${PERIOD}&${query}`);
      expect([query, status, body['field']]).toEqual([query, 400, field]);
    }
    expect((await get(`/api/reports/orders?${PERIOD}`, 'u-warehouse')).status).toBe(403);
  });
});
