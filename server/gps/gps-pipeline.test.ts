// The GPS module on a real server (temp SQLite file, real ports): OsmAnd requests in, counters,
// positions frames to a connected desktop, stored track, geofence marks through the mutators.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators/mutator-tx';
import type { OrderRow } from '../../shared/schema';
import { startTestServer, type TestServer } from '../testing/test-server';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { attachGps, type AttachedGps } from './attach-gps';
import { deviceCommand } from './device-command';

const M_PER_DEG_LAT = 111_195.08;
const DELIVERY: { lat: number; lon: number } = { lat: ORDER_ARGS.deliveryLat, lon: ORDER_ARGS.deliveryLon };
const WAREHOUSE = { lat: 51.18, lon: 71.44 }; // w1

let now = T0;
let ts: TestServer;
let gps: AttachedGps;
const clients: TestClient[] = [];

beforeEach(async () => {
  now = T0;
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now, positions: { flushDelayMs: 5 } });
  const io = { out: () => undefined, err: () => undefined, now };
  expect(await deviceCommand(['bind', 'phone-1', 'd1'], ts.server.db.sqlite, io)).toBe(0);
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts.stop();
});

/** Sends an OsmAnd request the way Traccar Client does (POST, parameters in the query). */
async function send(params: Record<string, string | number>, device = 'phone-1'): Promise<{ status: number; text: string }> {
  const q = new URLSearchParams({ id: device, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  const res = await fetch(`http://127.0.0.1:${gps.port}/?${q}`, { method: 'POST' });
  return { status: res.status, text: await res.text() };
}

/** A fix `north` metres north of `base` at `sec` seconds after T0 (and moves the clock there). */
function at(sec: number, north: number, base = DELIVERY): Record<string, number> {
  now = T0 + sec * 1000 + 500;
  return { timestamp: Math.floor((T0 + sec * 1000) / 1000), lat: base.lat + north / M_PER_DEG_LAT, lon: base.lon, accuracy: 0 };
}

async function health(): Promise<{ gps: AttachedGps['counters'] }> {
  const res = await fetch(`${ts.server.url}/health`, { headers: { authorization: `Bearer ${ts.tokens['u-admin']}` } });
  return (await res.json()) as { gps: AttachedGps['counters'] };
}

function runAs(userId: string, name: string, args: unknown) {
  const user = ts.server.engine.newTx().get('users', userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  const actor: MutationActor = { id: user.id, name: user.name, actor: user.role, role: user.role };
  const r = ts.server.runMutation(name, args, actor, now);
  if (r.result !== 'applied') throw new Error(`${name} rejected: ${JSON.stringify(r)}`);
}

function orderByNumber(number: string): OrderRow {
  const o = ts.server.engine.newTx().findOrderByNumber(number);
  if (o === undefined) throw new Error(`no order ${number}`);
  return o;
}

/** Order `number` assigned to d1, walked to `status`. */
function orderFor(number: string, status: 'at_warehouse' | 'in_transit'): OrderRow {
  runAs('u-dispatcher', 'createOrder', { ...ORDER_ARGS, number });
  const id = orderByNumber(number).id;
  runAs('u-dispatcher', 'confirmOrder', { orderId: id });
  runAs('u-dispatcher', 'assignDriver', { orderId: id, driverId: 'd1', seenVersion: orderByNumber(number).version });
  runAs('u-warehouse', 'markPicked', { orderId: id, source: 'scan' });
  if (status === 'in_transit') runAs('u-dispatcher', 'setStatus', { orderId: id, to: 'in_transit' });
  return orderByNumber(number);
}

describe('GPS ingest over HTTP', () => {
  it('accepts a fix from a bound device, answers an unknown one the same way and lists it', async () => {
    expect(await send(at(0, 0))).toEqual({ status: 200, text: 'OK' });
    // The same answer: the port must not tell which ids are bound (they could be spoofed).
    expect(await send(at(1, 0), 'stranger')).toEqual({ status: 200, text: 'OK' });
    gps.flush();
    const lines: string[] = [];
    await deviceCommand(['list'], ts.server.db.sqlite, { out: (l) => lines.push(l), err: () => undefined, now });
    expect(lines.join('\n')).toMatch(/stranger\t1 requests.*51\.16/);
    const row = ts.server.engine.newTx().get('drivers', 'd1');
    expect(row?.lat).toBeCloseTo(DELIVERY.lat, 6);
    expect(row?.version).toBe(1); // positions never bump the synced row
    expect((await health()).gps).toMatchObject({ received: 2, accepted: 1, unknownDevice: 1 });
  });

  it('answers 400 with the reason to an unreadable request, 200 OK to a filtered fix, and counts both', async () => {
    expect(await send({ lat: 'north', lon: 71 })).toMatchObject({ status: 400, text: expect.stringMatching(/not numbers/) });
    expect(await send({ lat: 51.1 })).toMatchObject({ status: 400, text: expect.stringMatching(/coordinates missing/) });
    // Filtered fixes are answered like taken ones (the reasons are in /health).
    expect(await send({ ...at(0, 0), lat: 0, lon: 0 })).toEqual({ status: 200, text: 'OK' });
    expect(await send({ ...at(0, 0), accuracy: 500 })).toEqual({ status: 200, text: 'OK' });
    const h = (await health()).gps;
    expect(h.malformed).toBe(1);
    expect(h.rejected).toMatchObject({ invalid_coordinates: 1, null_island: 1, poor_accuracy: 1 });
    expect(h.accepted).toBe(0);
  });

  it('streams positions to a connected desktop and stores the track', async () => {
    const client = await connectTestClient(ts.server.url, ts.tokens['u-dispatcher'] ?? '');
    clients.push(client);
    client.hello({ clientId: 'desk-1', cursor: 0 });
    await client.next('caught-up');
    await send(at(0, -3000));
    const frame = await client.next('positions', (m) => m.drivers.some((d) => d.driverId === 'd1'));
    expect(frame.drivers[0]).toMatchObject({ driverId: 'd1', noSignal: false, fixAt: T0 });
    await send(at(30, -2700));
    await send(at(60, -2400));
    const res = await fetch(`${ts.server.url}/api/drivers/d1/track?from=${T0}&to=${T0 + 60_000}`, {
      headers: { authorization: `Bearer ${ts.tokens['u-dispatcher']}` },
    });
    const body = (await res.json()) as { points: Array<{ fixAt: number }> };
    expect(body.points.map((p) => p.fixAt)).toEqual([T0, T0 + 30_000, T0 + 60_000]);
    const noAuth = await fetch(`${ts.server.url}/api/drivers/d1/track`);
    expect(noAuth.status).toBe(401);
  });

  it('gives a desktop that connects the positions of every driver', async () => {
    await send(at(0, 0));
    const client = await connectTestClient(ts.server.url, ts.tokens['u-dispatcher'] ?? '');
    clients.push(client);
    client.hello({ clientId: 'desk-2', cursor: 0 });
    await client.next('caught-up');
    const snapshot = await client.next('positions');
    expect(snapshot.drivers).toEqual([expect.objectContaining({ driverId: 'd1', fixAt: T0, noSignal: false })]);
  });

  it('marks an in-transit order "arrived" (source gps) after 60 s inside the delivery circle, once', async () => {
    const o = orderFor('G-1', 'in_transit');
    for (const [sec, north] of [[0, -2000], [60, -400], [90, -60], [120, -95], [150, -130], [160, -80]] as const) await send(at(sec, north));
    const after = orderByNumber('G-1');
    expect(after.subMark).toBe('arrived');
    const events = ts.server.db.sqlite
      .prepare<[string], { kind: string; source: string; actor: string; at: number }>("SELECT kind, source, actor, at FROM order_events WHERE order_id = ? AND kind = 'sub_mark'")
      .all(o.id);
    expect(events).toEqual([{ kind: 'sub_mark', source: 'gps', actor: 'gps', at: T0 + 150_000 }]);
    for (const sec of [200, 260]) await send(at(sec, -20));
    expect((await health()).gps.autoMarks).toMatchObject({ arrived: 1, rejected: 0 });
  });

  it('moves a picked order to in_transit when its driver leaves the warehouse circle', async () => {
    orderFor('G-2', 'at_warehouse');
    await send(at(0, 20, WAREHOUSE));
    await send(at(60, 120, WAREHOUSE));
    expect(orderByNumber('G-2').status).toBe('at_warehouse');
    await send(at(90, 600, WAREHOUSE));
    expect(orderByNumber('G-2')).toMatchObject({ status: 'in_transit', subMark: 'left_warehouse' });
  });

  it('does not overwrite a later manual change', async () => {
    const o = orderFor('G-3', 'in_transit');
    await send(at(0, -50));
    // A dispatcher marks "on route" by hand, timed after the fixes that will fire the fence.
    now = T0 + 500_000;
    runAs('u-dispatcher', 'setSubMark', { orderId: o.id, subMark: 'on_route' });
    await send(at(70, -40));
    expect(orderByNumber('G-3').subMark).toBe('on_route');
    expect((await health()).gps.autoMarks.skipped).toBe(1);
  });

  it('a jump and a stale fix change no position, no track and no geofence; the fences still work afterwards', async () => {
    orderFor('G-4', 'at_warehouse');
    const track = async (): Promise<number[]> => {
      gps.flush();
      const res = await fetch(`${ts.server.url}/api/drivers/d1/track?from=${T0}&to=${T0 + 3_600_000}`, { headers: { authorization: `Bearer ${ts.tokens['u-dispatcher']}` } });
      return ((await res.json()) as { points: Array<{ fixAt: number }> }).points.map((p) => p.fixAt);
    };
    expect(await send(at(0, 20, WAREHOUSE))).toEqual({ status: 200, text: 'OK' });
    expect(await send(at(60, 80, WAREHOUSE))).toEqual({ status: 200, text: 'OK' });
    // 50 s older than the shown fix, 600 m out of the circle: had it counted, the order would be on its way.
    expect(await send(at(10, 600, WAREHOUSE))).toEqual({ status: 200, text: 'OK' });
    // 50 km in 5 s: a jump, also outside the circle.
    expect(await send(at(65, 50_000, WAREHOUSE))).toEqual({ status: 200, text: 'OK' });
    expect(orderByNumber('G-4')).toMatchObject({ status: 'at_warehouse', subMark: null });
    expect(await track()).toEqual([T0, T0 + 60_000]);
    expect(ts.server.engine.newTx().get('drivers', 'd1')?.lat).toBeCloseTo(WAREHOUSE.lat + 80 / M_PER_DEG_LAT, 7);
    expect((await health()).gps.rejected).toMatchObject({ stale: 1, jump: 1 });

    // A real departure (520 m in 65 s) still fires the fence: the rejected fixes left no state behind.
    expect(await send(at(125, 600, WAREHOUSE))).toEqual({ status: 200, text: 'OK' });
    expect(orderByNumber('G-4')).toMatchObject({ status: 'in_transit', subMark: 'left_warehouse' });
    expect(await track()).toEqual([T0, T0 + 60_000, T0 + 125_000]);
  });

  it('a jump out of the delivery circle does not restart the 60 s dwell', async () => {
    const o = orderFor('G-5', 'in_transit');
    expect(await send(at(0, -20))).toEqual({ status: 200, text: 'OK' });
    expect(await send(at(30, 50_000))).toEqual({ status: 200, text: 'OK' });
    // Had the jump counted as leaving, the dwell would restart here and "arrived" wait until 130 s.
    expect(await send(at(70, -25))).toEqual({ status: 200, text: 'OK' });
    expect(orderByNumber('G-5').subMark).toBe('arrived');
    const events = ts.server.db.sqlite.prepare<[string], { at: number }>("SELECT at FROM order_events WHERE order_id = ? AND kind = 'sub_mark'").all(o.id);
    expect(events).toEqual([{ at: T0 + 70_000 }]);
  });
});
