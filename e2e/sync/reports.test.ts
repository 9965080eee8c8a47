// A period older than a desktop holds is computed by the server: the desktop's report methods
// (main/reports) call the real server's GET /api/reports and /api/reports/orders with the
// user's token, and the numbers are the ones the replica gives for the same orders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportHandlers } from '../../main/reports/report-handlers';
import { serverReports } from '../../main/reports/server-reports';
import { memorySettings } from '../../main/settings/settings-store';
import { eachFixtureReplica } from '../../main/testing/fixture-replica';
import { customers, drivers, orderEvents, orders, regions, warehouses } from '../../shared/schema';
import { REPORT_NOW, REPORT_PERIOD, REPORT_WORLD, reportOrders } from '../../shared/testing/report-orders';
import { startTestServer, type TestServer } from '../../server/testing/test-server';

const LATER = REPORT_NOW + 120 * 86_400_000; // four months on: 6-10 March is beyond the replica's days
let t: TestServer;
const fx = eachFixtureReplica();

beforeEach(async () => {
  t = await startTestServer({ clock: () => LATER });
  const set = reportOrders();
  for (const db of [t.server.db.orm, fx().replica.db] as const) {
    db.insert(regions).values(REPORT_WORLD.regions).onConflictDoNothing().run();
    db.insert(warehouses).values(REPORT_WORLD.warehouses).onConflictDoNothing().run();
    db.insert(drivers).values(REPORT_WORLD.drivers).onConflictDoNothing().run();
    db.insert(customers).values(REPORT_WORLD.customers).onConflictDoNothing().run();
    db.insert(orders).values(set.orders).run();
    db.insert(orderEvents).values(set.events).run();
  }
});
afterEach(async () => {
  await t.stop();
});

const handlers = (now: number, token: string) =>
  reportHandlers({ replica: fx().replica, server: serverReports(memorySettings({ serverUrl: t.server.url, token })), now: () => now, role: () => 'supervisor' });

describe('long ranges come from the server', () => {
  it('gives the same figures and drill-downs the replica gives, marked as the server', async () => {
    const h = handlers(LATER, t.tokens['u-supervisor'] as string);
    const remote = await h.report({ query: REPORT_PERIOD, where: 'auto' });
    expect(remote.source).toBe('server');
    // The same orders on the replica, asked at the time they were recent.
    const local = await handlers(REPORT_NOW, 'unused').report({ query: REPORT_PERIOD, where: 'auto' });
    expect(local.source).toBe('local');
    // OTIF and hanging depend on the clock; at both times every deadline of the set has passed
    // except O7's (13 March), so only those two differ: O7 becomes due and hanging.
    const { otif: ro, hanging: rh, ...restRemote } = remote.headline;
    const { otif: lo, hanging: lh, ...restLocal } = local.headline;
    expect(restRemote).toEqual(restLocal);
    expect([lo.members, ro.members, lh.value, rh.value]).toEqual([5, 6, 1, 2]);
    const late = await h.reportOrders({ query: REPORT_PERIOD, drill: { figure: 'onTime', hits: false, cut: { dimension: 'driver', key: 'd1' } }, offset: 0, limit: 50, where: 'auto' });
    expect(late).toMatchObject({ source: 'server', total: 1, rows: [{ number: 'R-O2' }] });
    const file = await h.exportReport({ query: REPORT_PERIOD, drill: { figure: 'hanging' }, language: 'en', where: 'auto' });
    expect(file.rows).toBe(2);
  });

  it("pages the server's drill-down, and says so in words when the server is gone", async () => {
    const h = handlers(LATER, t.tokens['u-supervisor'] as string);
    const first = await h.reportOrders({ query: REPORT_PERIOD, drill: { figure: 'orders' }, offset: 0, limit: 3, where: 'auto' });
    const second = await h.reportOrders({ query: REPORT_PERIOD, drill: { figure: 'orders' }, offset: 3, limit: 3, where: 'auto' });
    expect([first.source, first.total, first.rows.length, second.rows.length]).toEqual(['server', 8, 3, 3]);
    // Newest first, no order twice across the pages.
    expect(new Set([...first.rows, ...second.rows].map((o) => o.number)).size).toBe(6);
    await t.stop();
    await expect(h.reportOrders({ query: REPORT_PERIOD, drill: { figure: 'orders' }, offset: 0, limit: 3, where: 'auto' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^The server computes this period and can't be reached/),
    });
    t = await startTestServer({ clock: () => LATER }); // afterEach stops it
  });

  it("passes the server's refusals on with the parameter named", async () => {
    const warehouse = t.server.users.issueToken('u-warehouse');
    await expect(handlers(LATER, warehouse).report({ query: REPORT_PERIOD, where: 'auto' })).rejects.toMatchObject({ code: 'forbidden' });
    const h = handlers(LATER, t.tokens['u-supervisor'] as string);
    await expect(h.report({ query: { ...REPORT_PERIOD, customerId: 'c-of-another-company' }, where: 'auto' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^customerId:/),
    });
    await expect(handlers(LATER, 'not-a-token').report({ query: REPORT_PERIOD, where: 'auto' })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
