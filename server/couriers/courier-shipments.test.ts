// Creating shipments through CDEK's order API (issue 16), with the server's real client against
// the simulator's CDEK (a local HTTP server speaking API v2 as documented): the number comes back
// to the order and CDEK's webhooks for it then move the order; refusals, outages, expired
// tokens, wrong credentials and a crash mid-request each end where they must.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { OrderRow } from '../../shared/schema';
import { startCdekStandIn, type CdekStandIn } from '../../simulator/cdek-api';
import { startTestServer, type TestServer } from '../testing/test-server';
import { worldOrders } from '../testing/world-orders';
import { attachCouriers, type AttachedCouriers } from './attach-couriers';
import { CourierShipments } from './courier-shipments';

let now = Date.UTC(2026, 11, 2, 6, 0);
let ts: TestServer;
const { runAs, order, orderAt } = worldOrders(() => ts.server, () => now);
let cdek: CdekStandIn;
let couriers: AttachedCouriers;

const ENV = { MARSHRUT_WEBHOOK_SECRET_CDEK: 'cdek-token', MARSHRUT_COURIER_API_CDEK_CLIENT_ID: 'marshrut', MARSHRUT_COURIER_API_CDEK_CLIENT_SECRET: 's3cret' };

async function start(env: Record<string, string> = {}): Promise<void> {
  cdek = await startCdekStandIn({ clientId: 'marshrut', clientSecret: 's3cret', clock: () => now });
  ts = await startTestServer({ clock: () => now });
  couriers = attachCouriers(ts.server, { env: { ...ENV, MARSHRUT_COURIER_API_CDEK_URL: cdek.url, ...env }, clock: () => now, shipmentsEveryMs: 0 });
}

beforeEach(() => {
  now = Date.UTC(2026, 11, 2, 6, 0);
});

afterEach(async () => {
  await ts.stop();
  await cdek.close();
});

function handedToCdek(number: string, extra: Record<string, unknown> = {}): OrderRow {
  const id = orderAt(number, 'at_warehouse', { extra: { weightKg: 2.5, volumeM3: 0.008, cargoDescription: 'Чайник', ...extra } }).id;
  runAs('u-dispatcher', 'handToCourier', { orderId: id, provider: 'cdek', trackingNumber: null });
  return order(number);
}

const handovers = (orderId: string) =>
  ts.server.db.sqlite
    .prepare<[string], { handover: string; comment: string | null; actor_name: string }>("SELECT handover, comment, actor_name FROM order_events WHERE order_id = ? AND kind = 'handover' ORDER BY at, rowid")
    .all(orderId)
    .map((e) => ({ ...(JSON.parse(e.handover) as Record<string, unknown>), comment: e.comment, by: e.actor_name }));

const shipment = (orderId: string) =>
  ts.server.db.sqlite.prepare<[string], { state: string; attempts: number; last_error: string | null }>('SELECT state, attempts, last_error FROM courier_shipments WHERE order_id = ?').get(orderId);

async function later(seconds: number): Promise<void> {
  now += seconds * 1000;
  await couriers.shipments.tick();
}

describe('creating a CDEK shipment through the API', () => {
  it('registers the order in CDEK format, records the CDEK number, and CDEK webhooks for it move the order', async () => {
    await start();
    const o = handedToCdek('ALA-500');
    await couriers.shipments.tick();
    expect(cdek.orders).toHaveLength(1);
    expect(cdek.orders[0]?.body).toMatchObject({
      type: 2,
      number: 'ALA-500',
      tariff_code: 139,
      recipient: { name: ORDER_ARGS.customerName, phones: [{ number: ORDER_ARGS.customerPhone }] },
      to_location: { address: ORDER_ARGS.deliveryAddress, city: ORDER_ARGS.deliveryCity },
      from_location: { address: ORDER_ARGS.pickupAddress },
      packages: [{ number: 'ALA-500-1', weight: 2500, length: 20, width: 20, height: 20 }],
    });
    // CDEK registers asynchronously: the first look finds no number yet.
    expect(order('ALA-500').courierTrackingNumber).toBeNull();
    expect(shipment(o.id)).toMatchObject({ state: 'registered' });
    await later(30);
    const number = cdek.orders[0]?.cdekNumber ?? '';
    expect(number).toMatch(/^\d{10}$/);
    expect(order('ALA-500').courierTrackingNumber).toBe(number);
    expect(handovers(o.id).at(-1)).toEqual({ to: 'courier', name: 'cdek', trackingNumber: number, viaApi: true, comment: null, by: 'CDEK API' });
    // Nothing is sent twice.
    await later(60);
    expect(cdek.orders).toHaveLength(1);
    expect(cdek.log.filter((l) => l.startsWith('POST /v2/orders'))).toEqual(['POST /v2/orders 202']);

    const res = await fetch(`${ts.server.url}/integrations/cdek/webhook?token=cdek-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'ORDER_STATUS', date_time: '2026-12-02T11:30:00+0500', uuid: cdek.orders[0]?.uuid, attributes: { cdek_number: number, number: 'ALA-500', code: 'TAKEN_BY_COURIER', status_date_time: '2026-12-02T11:30:00+0500' } }),
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(order('ALA-500')).toMatchObject({ status: 'in_transit', subMark: 'on_route' });
  });

  it('a pasted number never goes to the API', async () => {
    await start();
    runAs('u-dispatcher', 'createOrder', { ...ORDER_ARGS, number: 'ALA-501' });
    runAs('u-dispatcher', 'handToCourier', { orderId: order('ALA-501').id, provider: 'cdek', trackingNumber: '1106207236' });
    await later(1);
    expect(cdek.orders).toHaveLength(0);
  });

  it("CDEK's refusal of the data is on the timeline with CDEK's words, and is not retried", async () => {
    await start();
    const o = handedToCdek('ALA-502', { customerPhone: '' });
    await couriers.shipments.tick();
    expect(cdek.log).toContain('POST /v2/orders 400');
    expect(shipment(o.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(handovers(o.id).at(-1)).toMatchObject({ to: 'courier', failed: true, comment: 'v2_field_is_empty: Field is empty: recipient.phones' });
    await later(3600);
    expect(cdek.log.filter((l) => l.startsWith('POST /v2/orders'))).toHaveLength(1);
    expect(order('ALA-502').courierTrackingNumber).toBeNull();
  });

  it('an outage is retried with backoff; an expired token is renewed once and the call goes through', async () => {
    await start();
    const o = handedToCdek('ALA-503');
    cdek.failNext(503);
    await couriers.shipments.tick();
    expect(shipment(o.id)).toMatchObject({ state: 'retry', last_error: 'CDEK is unavailable (HTTP 503)' });
    await later(10); // not due yet
    expect(cdek.orders).toHaveLength(0);
    cdek.expireTokens();
    await later(30);
    expect(cdek.orders).toHaveLength(1);
    expect(cdek.log.filter((l) => l.startsWith('POST /v2/orders'))).toEqual(['POST /v2/orders 503', 'POST /v2/orders 401', 'POST /v2/orders 202']);
    expect(shipment(o.id)).toMatchObject({ state: 'registered', attempts: 2 });
  });

  it('wrong credentials: retried a few times, then the timeline says so; the order still waits for a number', async () => {
    await start({ MARSHRUT_COURIER_API_CDEK_CLIENT_SECRET: 'wrong' });
    const o = handedToCdek('ALA-504');
    await couriers.shipments.tick();
    for (let i = 0; i < 6; i++) await later(3600);
    expect(cdek.log.filter((l) => l === 'POST /v2/oauth/token 401')).toHaveLength(6);
    expect(cdek.orders).toHaveLength(0);
    expect(shipment(o.id)).toMatchObject({ state: 'failed', attempts: 6 });
    expect(handovers(o.id).at(-1)).toMatchObject({ failed: true, comment: expect.stringContaining('refused the API credentials') });
  });

  it('without credentials the hand-over fails at once with the reason', async () => {
    await start({ MARSHRUT_COURIER_API_CDEK_CLIENT_ID: '' });
    const o = handedToCdek('ALA-505');
    await couriers.shipments.tick();
    expect(handovers(o.id).at(-1)).toMatchObject({ failed: true, comment: "CDEK's API has no credentials configured: paste the number instead" });
    expect(cdek.log).toEqual([]);
  });

  it('a request cut off by a crash is never sent again: it is failed for a person to check', async () => {
    await start();
    const o = handedToCdek('ALA-506');
    ts.server.db.sqlite
      .prepare("INSERT INTO courier_shipments (order_id, provider, state, attempts, next_at, requested_at, created_at, updated_at) VALUES (?, 'cdek', 'creating', 1, ?, ?, ?, ?)")
      .run(o.id, now, o.assignedAt, now, now);
    const restarted = new CourierShipments(ts.server.db.sqlite, [], (n, a, actor) => ts.server.runMutation(n, a, actor, now), () => now, ts.server.logger);
    expect(restarted.recoverInterrupted()).toBe(1);
    expect(shipment(o.id)).toMatchObject({ state: 'failed' });
    await later(60);
    expect(cdek.orders).toHaveLength(0);
    // Handed over again, it is a new request and goes out.
    runAs('u-dispatcher', 'handToOwnFleet', { orderId: o.id, reason: 'проверили кабинет СДЭК' });
    now += 1000;
    runAs('u-dispatcher', 'handToCourier', { orderId: o.id, provider: 'cdek', trackingNumber: null });
    await later(1);
    expect(cdek.orders).toHaveLength(1);
  });
});
