// Courier webhooks on a real server: secrets, store-first inbox, processing through the
// mutators, idempotent repeats, unknown orders kept for review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { worldOrders } from '../testing/world-orders';
import { attachGps, type AttachedGps } from '../gps/attach-gps';
import { bindDevice } from '../gps/device-bindings';
import { attachCouriers, type AttachedCouriers } from './attach-couriers';
import { hmacHex } from './webhook-auth';
import { TIMELINE_ORDER_SQL } from '../../shared/schema';

const SECRETS = { MARSHRUT_WEBHOOK_SECRET_CDEK: 'cdek-token', MARSHRUT_WEBHOOK_SECRET_GENERIC: 'generic-key', MARSHRUT_WEBHOOK_SECRET_TRACCAR: 'traccar-token' };
const cdekBody = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'cdek-order-status.json'), 'utf8')) as { attributes: Record<string, unknown> };
const traccarBody = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'traccar-event.json'), 'utf8')) as Record<string, unknown>;

let now = 0;
let ts: TestServer;
const { runAs, order, orderAt } = worldOrders(() => ts.server, () => now);
let gps: AttachedGps;
let couriers: AttachedCouriers;

beforeEach(async () => {
  now = Date.UTC(2024, 6, 1, 8, 0); // before the fixtures' status times: the orders were made by hand earlier
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now });
  couriers = attachCouriers(ts.server, { env: SECRETS, clock: () => now, gps: gps.ingest });
});

afterEach(async () => {
  await ts.stop();
});

function cdek(attributes: Record<string, unknown>): Record<string, unknown> {
  return { ...cdekBody, attributes: { ...cdekBody.attributes, ...attributes } };
}

/** The webhooks arrive in the afternoon, after the fixtures' status times (event times are clamped to the clock). */
const ARRIVAL = Date.UTC(2024, 6, 1, 16, 0);

/** CDEK's token rides in the URL (all it can be given); other providers' in a header. */
async function post(provider: string, body: unknown, opts: { token?: string; signature?: string; raw?: string; tokenIn?: 'query' | 'header' } = {}) {
  now = Math.max(now, ARRIVAL);
  const text = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.signature !== undefined) headers['x-marshrut-signature'] = opts.signature;
  const tokenIn = opts.tokenIn ?? (provider === 'cdek' ? 'query' : 'header');
  if (opts.token !== undefined && tokenIn === 'header') headers['authorization'] = `Bearer ${opts.token}`;
  const q = opts.token === undefined || tokenIn === 'header' ? '' : `?token=${encodeURIComponent(opts.token)}`;
  const res = await fetch(`${ts.server.url}/integrations/${provider}/webhook${q}`, { method: 'POST', headers, body: text });
  const json = (await res.json()) as { status?: string; error?: string; message?: string };
  await new Promise((r) => setImmediate(r)); // processing runs right after the answer
  return { status: res.status, body: json };
}

const events = (orderId: string) =>
  ts.server.db.sqlite
    .prepare<[string], { kind: string; to_status: string | null; sub_mark: string | null; actor: string; actor_name: string; source: string; at: number; comment: string | null }>(
      `SELECT kind, to_status, sub_mark, actor, actor_name, source, at, comment FROM order_events WHERE order_id = ? AND actor = 'courier' ORDER BY ${TIMELINE_ORDER_SQL}`,
    )
    .all(orderId);
const inboxCount = () => ts.server.db.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM courier_inbox').get()?.n;

describe('CDEK webhook', () => {
  it('applies TAKEN_BY_COURIER as in_transit/on_route by CDEK, at the status time', async () => {
    const o = orderAt('ALA-10234', 'at_warehouse');
    const r = await post('cdek', cdekBody, { token: 'cdek-token' });
    expect(r).toEqual({ status: 200, body: expect.objectContaining({ status: 'accepted' }) });
    expect(order('ALA-10234')).toMatchObject({ status: 'in_transit', subMark: 'on_route' });
    expect(events(o.id)).toEqual([
      { kind: 'status', to_status: 'in_transit', sub_mark: 'on_route', actor: 'courier', actor_name: 'CDEK', source: 'courier', at: Date.UTC(2024, 6, 1, 11, 2, 11), comment: null },
    ]);
  });

  it('refuses a wrong or missing token with 401 and stores nothing', async () => {
    orderAt('ALA-10234', 'at_warehouse');
    expect((await post('cdek', cdekBody, { token: 'guess' })).status).toBe(401);
    expect((await post('cdek', cdekBody)).status).toBe(401);
    expect(order('ALA-10234').status).toBe('at_warehouse');
    expect(inboxCount()).toBe(0);
    expect(couriers.counters.unauthorized).toBe(2);
  });

  it('answers a repeated webhook without applying it again', async () => {
    const o = orderAt('ALA-10234', 'at_warehouse');
    await post('cdek', cdekBody, { token: 'cdek-token' });
    const again = await post('cdek', cdekBody, { token: 'cdek-token' });
    expect(again).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(events(o.id)).toHaveLength(1);
    expect(inboxCount()).toBe(1);
  });

  it('keeps a webhook for an unknown order for review and answers 202', async () => {
    const r = await post('cdek', cdek({ number: 'NOPE-1' }), { token: 'cdek-token' });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: 'review', message: expect.stringMatching(/no order with number NOPE-1/) });
    expect(couriers.openReviews()).toEqual([expect.objectContaining({ provider: 'cdek', orderNumber: 'NOPE-1', trackingNumber: '1106207236', reason: 'unknown_order' })]);
    expect((await post('cdek', cdek({ number: 'NOPE-1' }), { token: 'cdek-token' })).body.status).toBe('duplicate');
    expect(couriers.openReviews()).toHaveLength(1);
  });

  it('finds an order handed to CDEK by the pasted CDEK number when the number CDEK knows is not ours (issue 16)', async () => {
    const o = orderAt('ALA-77', 'at_warehouse');
    runAs('u-dispatcher', 'handToCourier', { orderId: o.id, provider: 'cdek', trackingNumber: '1106207236' });
    const r = await post('cdek', cdek({ number: 'SHOP-ORDER-5' }), { token: 'cdek-token' });
    expect(r).toEqual({ status: 200, body: expect.objectContaining({ status: 'accepted' }) });
    expect(order('ALA-77')).toMatchObject({ status: 'in_transit', subMark: 'on_route' });
    expect(couriers.openReviews()).toHaveLength(0);
  });

  it('matches a tracking number only for the provider it was handed to, and never guesses between two orders', async () => {
    const a = orderAt('ALA-78', 'at_warehouse');
    runAs('u-dispatcher', 'handToCourier', { orderId: a.id, provider: 'generic', trackingNumber: '1106207236' });
    const r = await post('cdek', cdek({ number: 'SHOP-ORDER-6' }), { token: 'cdek-token' });
    expect(r.status).toBe(202);
    expect(r.body.message).toMatch(/no order with number SHOP-ORDER-6 and no order handed to cdek as 1106207236/);
    expect(order('ALA-78').status).toBe('at_warehouse');
    const b = orderAt('ALA-79', 'at_warehouse');
    const c = orderAt('ALA-80', 'at_warehouse');
    runAs('u-dispatcher', 'handToCourier', { orderId: b.id, provider: 'cdek', trackingNumber: '1106207299' });
    runAs('u-dispatcher', 'handToCourier', { orderId: c.id, provider: 'cdek', trackingNumber: '1106207299' });
    const twice = await post('cdek', cdek({ number: null, cdek_number: '1106207299', status_date_time: '2024-07-01T16:30:00+0500' }), { token: 'cdek-token' });
    expect(twice.status).toBe(202);
    expect(twice.body.message).toMatch(/several orders handed to cdek as 1106207299/);
    expect([order('ALA-79').status, order('ALA-80').status]).toEqual(['at_warehouse', 'at_warehouse']);
  });

  it('walks an order to delivered, and NOT_DELIVERED with a reason to a problem', async () => {
    orderAt('ALA-1', 'in_transit');
    orderAt('ALA-2', 'in_transit');
    await post('cdek', cdek({ number: 'ALA-1', code: 'DELIVERED', status_date_time: '2024-07-01T18:00:00+0500' }), { token: 'cdek-token' });
    await post('cdek', cdek({ number: 'ALA-2', code: 'NOT_DELIVERED', status_reason_code: '2', status_date_time: '2024-07-01T18:05:00+0500' }), { token: 'cdek-token' });
    expect(order('ALA-1').status).toBe('delivered');
    expect(order('ALA-2')).toMatchObject({ status: 'problem', problemReason: 'recipient_unreachable' });
  });

  it('sends a change the status machine refuses to review, and an unmapped code too', async () => {
    orderAt('ALA-3', 'confirmed');
    await post('cdek', cdek({ number: 'ALA-3', code: 'DELIVERED' }), { token: 'cdek-token' });
    await post('cdek', cdek({ number: 'ALA-3', code: 'BRAND_NEW_STATUS' }), { token: 'cdek-token' });
    expect(order('ALA-3').status).toBe('confirmed');
    expect(couriers.openReviews().map((r) => r.reason)).toEqual(['rejected', 'unmapped_code']);
  });

  it('rejects a body that is not JSON or not a CDEK webhook with 400', async () => {
    expect((await post('cdek', null, { token: 'cdek-token', raw: '{"type":' })).status).toBe(400);
    expect((await post('cdek', { hello: 'world' }, { token: 'cdek-token' })).status).toBe(400);
    expect(inboxCount()).toBe(0);
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await post('dhl', cdekBody, { token: 'x' })).status).toBe(404);
  });

  it('answers 404, not 500, for provider names that are JavaScript prototype keys', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '%5F%5Fproto%5F%5F']) {
      const r = await post(name, cdekBody, { token: 'cdek-token' });
      expect(r, name).toEqual({ status: 404, body: expect.objectContaining({ error: 'not_found' }) });
    }
    expect(couriers.counters.unknownProvider).toBe(6);
    expect(inboxCount()).toBe(0);
  });
});

describe('generic webhook (HMAC)', () => {
  const body = { eventId: 'g-1', orderNumber: 'AST-7', at: '2024-07-01T15:00:00+05:00', status: 'delivered' };

  it('applies a correctly signed event and refuses a wrong signature', async () => {
    orderAt('AST-7', 'in_transit');
    const raw = JSON.stringify(body);
    expect((await post('generic', body, { raw, signature: hmacHex('wrong', raw) })).status).toBe(401);
    expect(order('AST-7').status).toBe('in_transit');
    expect((await post('generic', body, { raw, signature: `sha256=${hmacHex('generic-key', raw)}` })).status).toBe(200);
    expect(order('AST-7').status).toBe('delivered');
  });

  it('records an event claimed in 2100 at the server clock, so it cannot outrank later manual changes', async () => {
    const o = orderAt('AST-7', 'in_transit');
    const future = { ...body, eventId: 'g-2100', at: '2100-01-01T00:00:00Z' };
    const raw = JSON.stringify(future);
    expect((await post('generic', future, { raw, signature: hmacHex('generic-key', raw) })).status).toBe(200);
    const delivered = ts.server.db.sqlite.prepare("SELECT at FROM order_events WHERE order_id = ? AND to_status = 'delivered'").pluck().get(o.id);
    expect(delivered).toBe(now);
    expect(order('AST-7').statusChangedAt).toBe(now);
  });

  it('a mapping code that is a prototype key is unmapped (review), not a crash', async () => {
    orderAt('AST-7', 'in_transit');
    const coded = { eventId: 'g-proto', orderNumber: 'AST-7', at: '2024-07-01T15:00:00+05:00', code: 'constructor' };
    const raw = JSON.stringify(coded);
    expect((await post('generic', coded, { raw, signature: hmacHex('generic-key', raw) })).status).toBe(200);
    expect(couriers.counters.failed).toBe(0);
    expect(couriers.openReviews()[0]).toMatchObject({ reason: 'unmapped_code', code: 'constructor' });
  });

  it('refuses every request for a provider without a secret', async () => {
    const raw = JSON.stringify(body);
    expect((await post('driver-app', body, { raw, signature: hmacHex('', raw) })).status).toBe(401);
  });
});

describe('Traccar event forwarding', () => {
  it('feeds the position to GPS and comments an alarm on the driver\'s orders on the road', async () => {
    bindDevice(ts.server.db.sqlite, '512874', 'd1', 'test', now);
    const o = orderAt('AST-9', 'in_transit', { driverId: 'd1' });
    const r = await post('traccar', traccarBody, { token: 'traccar-token' });
    expect(r.status).toBe(200);
    expect(gps.counters.received).toBe(1);
    expect(events(o.id)).toEqual([expect.objectContaining({ kind: 'comment', actor_name: 'Traccar', comment: 'Traccar: alarm:sos (Truck 12 (Serik))' })]);
  });

  it('takes its token only from a header: ?token= is refused (it would land in access logs)', async () => {
    const r = await post('traccar', traccarBody, { token: 'traccar-token', tokenIn: 'query' });
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(/not accepted for this provider/);
    expect(inboxCount()).toBe(0);
  });

  it('keeps an alarm from an unbound device for review', async () => {
    const r = await post('traccar', traccarBody, { token: 'traccar-token' });
    expect(r.status).toBe(202);
    expect(couriers.openReviews()[0]).toMatchObject({ provider: 'traccar', reason: 'unknown_order', detail: expect.stringMatching(/bound to no driver/) });
  });
});

describe('idempotency across restarts and races', () => {
  /** Closes the server (as a deploy or crash would) and starts a new one on the same file. */
  async function restart(): Promise<void> {
    await ts.server.close();
    ts = await startTestServer({ clock: () => now }, ts.dir);
    couriers = attachCouriers(ts.server, { env: SECRETS, clock: () => now });
  }
  const inboxStates = () => ts.server.db.sqlite.prepare('SELECT provider, event_id AS eventId, state FROM courier_inbox ORDER BY id').all();

  it('a webhook repeated after a restart is a duplicate: nothing applied twice', async () => {
    const o = orderAt('ALA-10234', 'at_warehouse');
    expect((await post('cdek', cdekBody, { token: 'cdek-token' })).body.status).toBe('accepted');
    await restart();
    expect(await post('cdek', cdekBody, { token: 'cdek-token' })).toEqual({ status: 200, body: { status: 'duplicate' } });
    expect(events(o.id)).toHaveLength(1);
    expect(inboxCount()).toBe(1);
    expect(couriers.counters).toMatchObject({ duplicate: 1, applied: 0 });
  });

  it('a webhook stored but not yet processed when the server died is processed at start-up, once', async () => {
    const o = orderAt('ALA-10234', 'at_warehouse');
    // The process dies after storing and answering, before the scheduled processing runs.
    couriers.processor.schedule = () => undefined;
    expect((await post('cdek', cdekBody, { token: 'cdek-token' })).body.status).toBe('accepted');
    expect(order('ALA-10234').status).toBe('at_warehouse');
    expect(inboxStates()).toEqual([expect.objectContaining({ provider: 'cdek', state: 'pending' })]);

    await restart();
    expect(order('ALA-10234')).toMatchObject({ status: 'in_transit', subMark: 'on_route' });
    expect(events(o.id)).toEqual([expect.objectContaining({ to_status: 'in_transit', actor_name: 'CDEK', at: Date.UTC(2024, 6, 1, 11, 2, 11) })]);
    expect(inboxStates()).toEqual([expect.objectContaining({ state: 'applied' })]);
    expect(couriers.counters.applied).toBe(1);
    // A second restart finds nothing pending; the provider's retry is a duplicate.
    await restart();
    expect(couriers.counters.applied).toBe(0);
    expect((await post('cdek', cdekBody, { token: 'cdek-token' })).body.status).toBe('duplicate');
    expect(events(o.id)).toHaveLength(1);
  });

  it('the same webhook sent ten times at once is accepted once and applied once', async () => {
    const o = orderAt('ALA-10234', 'at_warehouse');
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('cdek', cdekBody, { token: 'cdek-token' })));
    expect(answers.map((a) => a.body.status).sort()).toEqual(['accepted', ...Array<string>(9).fill('duplicate')]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(events(o.id)).toHaveLength(1);
    expect(inboxCount()).toBe(1);
    expect(couriers.counters).toMatchObject({ received: 10, duplicate: 9, applied: 1 });
  });
});
