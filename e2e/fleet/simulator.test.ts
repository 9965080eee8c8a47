// (Lives in e2e/: the simulator may import only shared/, and this test hosts a real server.)
// The simulator against a real in-process server: its phones' fixes are accepted by the GPS
// port and its CDEK webhooks by the courier integration, with no errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators/mutator-tx';
import { attachCouriers, DEMO_WEBHOOK_SECRET } from '../../server/couriers/attach-couriers';
import { attachGps, type AttachedGps } from '../../server/gps/attach-gps';
import { startTestServer, type TestServer } from '../../server/testing/test-server';
import { DEMO_WEBHOOK_SECRET as SIM_DEMO_SECRET } from '../../simulator/cli';
import { startSimulator } from '../../simulator/simulator';

let ts: TestServer;
let gps: AttachedGps;

beforeEach(async () => {
  ts = await startTestServer();
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', demo: true });
  attachCouriers(ts.server, { demo: true, env: {} });
});

afterEach(async () => {
  await ts.stop();
});

function run(userId: string, name: string, args: unknown): void {
  const user = ts.server.engine.newTx().get('users', userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  const actor: MutationActor = { id: user.id, name: user.name, actor: user.role, role: user.role };
  const r = ts.server.runMutation(name, args, actor);
  if (r.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(r)}`);
}

describe('simulator', () => {
  it('uses the same demo secret as the server', () => {
    expect(SIM_DEMO_SECRET).toBe(DEMO_WEBHOOK_SECRET);
  });

  it('drives the fleet: fixes accepted, CDEK statuses applied', async () => {
    run('u-dispatcher', 'createOrder', { ...ORDER_ARGS, number: 'CD-1' });
    const created = ts.server.engine.newTx().findOrderByNumber('CD-1');
    if (created === undefined) throw new Error('order not created');
    const id = created.id;
    // No mutator hands an order to a courier yet; the demo data has such orders.
    ts.server.engine.writeRows((tx) => tx.put('orders', { ...created, courierProvider: 'cdek', courierTrackingNumber: '1106207236' }));
    run('u-dispatcher', 'confirmOrder', { orderId: id });
    run('u-warehouse', 'markPicked', { orderId: id, source: 'scan' });
    const sim = await startSimulator({
      gpsUrl: `http://127.0.0.1:${gps.port}`,
      apiUrl: ts.server.url,
      webhookUrl: `${ts.server.url}/integrations`,
      token: ts.tokens['u-dispatcher'] ?? '',
      driverAppSecret: DEMO_WEBHOOK_SECRET,
      cdekToken: DEMO_WEBHOOK_SECRET,
      drivers: 60,
      speedup: 100,
      durationS: 0,
      fixEveryMs: 300,
      seed: 1,
      log: () => undefined,
    });
    const deadline = Date.now() + 12_000;
    while ((sim.stats.cdekSent === 0 || sim.stats.fixesSent < 4) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await sim.stop();
    expect(sim.stats).toMatchObject({ errors: 0, fixesRefused: 0 });
    expect(sim.stats.fixesSent).toBeGreaterThanOrEqual(4);
    expect(gps.counters.accepted).toBeGreaterThan(0);
    expect(sim.stats.cdekSent).toBeGreaterThan(0);
    expect(ts.server.engine.newTx().findOrderByNumber('CD-1')?.status).toBe('in_transit');
  });
});
