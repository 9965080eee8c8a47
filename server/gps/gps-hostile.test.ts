// The OsmAnd port as an attacker sees it: no credentials, so bound ids must not be findable,
// ids and the unknown list are capped, each source address is rate-limited, every field is
// range-checked, and geofence marks need one device's continuous track.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { T0, ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators/mutator-tx';
import { startTestServer, type TestServer } from '../testing/test-server';
import { attachGps, type AttachGpsOptions, type AttachedGps } from './attach-gps';
import { deviceCommand } from './device-command';
import { listUnknownDevices } from './device-bindings';

const M_PER_DEG_LAT = 111_195.08;
const WAREHOUSE = { lat: 51.18, lon: 71.44 }; // w1

let now = T0;
let ts: TestServer;
let gps: AttachedGps;

async function setup(opts: AttachGpsOptions = {}): Promise<void> {
  now = T0;
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now, ...opts });
  const io = { out: () => undefined, err: () => undefined, now };
  expect(await deviceCommand(['bind', 'phone-1', 'd1'], ts.server.db.sqlite, io)).toBe(0);
}

afterEach(async () => {
  await ts.stop();
});

/** One OsmAnd request from `localAddress` (any 127.x address reaches the loopback port). */
function sendFrom(localAddress: string, params: Record<string, string | number>): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  const q = new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gps.port, method: 'POST', path: `/?${q}`, localAddress, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
const send = (params: Record<string, string | number>) => sendFrom('127.0.0.1', params);

/** A fix `north` metres north of the warehouse at `sec` seconds after T0 (moves the clock there). */
function at(sec: number, north: number, device = 'phone-1'): Record<string, string | number> {
  now = T0 + sec * 1000 + 500;
  return { id: device, timestamp: Math.floor((T0 + sec * 1000) / 1000), lat: WAREHOUSE.lat + north / M_PER_DEG_LAT, lon: WAREHOUSE.lon, accuracy: 0 };
}

function runAs(userId: string, name: string, args: unknown) {
  const user = ts.server.engine.newTx().get('users', userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  const actor: MutationActor = { id: user.id, name: user.name, actor: user.role, role: user.role };
  const r = ts.server.runMutation(name, args, actor, now);
  if (r.result !== 'applied') throw new Error(`${name} rejected: ${JSON.stringify(r)}`);
}

/** A picked order of d1's, waiting at warehouse w1. */
function pickedOrder(number: string): string {
  runAs('u-dispatcher', 'createOrder', { ...ORDER_ARGS, number });
  const order = () => ts.server.engine.newTx().findOrderByNumber(number);
  const id = order()?.id ?? '';
  runAs('u-dispatcher', 'confirmOrder', { orderId: id });
  runAs('u-dispatcher', 'assignDriver', { orderId: id, driverId: 'd1', seenVersion: order()?.version });
  runAs('u-warehouse', 'markPicked', { orderId: id, source: 'scan' });
  return number;
}
const statusOf = (number: string) => ts.server.engine.newTx().findOrderByNumber(number)?.status;

async function health(): Promise<Record<string, unknown> & { gps: AttachedGps['counters'] & { unknownDevicesListed: number } }> {
  const res = await fetch(`${ts.server.url}/health`, { headers: { authorization: `Bearer ${ts.tokens['u-admin']}` } });
  return (await res.json()) as Record<string, unknown> & { gps: AttachedGps['counters'] & { unknownDevicesListed: number } };
}

describe('bound and unbound ids answered alike', () => {
  it('a taken fix, a filtered fix and an unknown device get the same status and body', async () => {
    await setup();
    const strip = (r: { status: number; text: string; headers: Record<string, unknown> }) => ({ status: r.status, text: r.text, type: r.headers['content-type'], length: r.headers['content-length'] });
    const taken = strip(await send(at(0, 0)));
    const filtered = strip(await send({ ...at(1, 0), accuracy: 5000 }));
    const unknown = strip(await send(at(2, 0, 'guess-1234')));
    expect(taken).toEqual({ status: 200, text: 'OK', type: 'text/plain; charset=utf-8', length: '2' });
    expect(filtered).toEqual(taken);
    expect(unknown).toEqual(taken);
    expect((await health()).gps).toMatchObject({ accepted: 1, unknownDevice: 1, rejected: { poor_accuracy: 1 } });
  });
});

describe('device ids and the unknown list are capped', () => {
  it('refuses an id over 128 characters with 400 and the reason, storing nothing', async () => {
    await setup();
    const r = await send(at(0, 0, 'x'.repeat(7000)));
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/7000 characters; the limit is 128/);
    gps.flush();
    expect(listUnknownDevices(ts.server.db.sqlite)).toEqual([]);
    expect((await health()).gps.malformed).toBe(1);
  });

  it('keeps at most maxUnknownDevices, dropping those heard from longest ago, and counts them in /health', async () => {
    await setup({ maxUnknownDevices: 5 });
    for (let i = 0; i < 4; i++) await send(at(i, 0, `old-${i}`));
    gps.flush();
    for (let i = 0; i < 4; i++) await send(at(10 + i, 0, `new-${i}`));
    gps.flush();
    const listed = listUnknownDevices(ts.server.db.sqlite).map((u) => u.deviceId);
    expect(listed).toEqual(['new-3', 'new-2', 'new-1', 'new-0', 'old-3']);
    const h = (await health()).gps;
    expect(h.unknownDevicesDropped).toBe(3);
    expect(h.unknownDevicesListed).toBe(5);
  });

  it('between two writes, a flood of new ids is not kept in memory past the cap', async () => {
    await setup({ maxUnknownDevices: 3, flushMs: 3_600_000 });
    for (let i = 0; i < 10; i++) await send(at(i, 0, `flood-${i}`));
    expect((await health()).gps.unknownDevicesDropped).toBe(7);
    gps.flush();
    expect(listUnknownDevices(ts.server.db.sqlite)).toHaveLength(3);
  });
});

describe('rate limit per source address', () => {
  it('answers 429 with Retry-After past the burst, counts it, and leaves other addresses alone', async () => {
    await setup({ rateLimit: { perSecond: 1, burst: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await sendFrom('127.0.0.2', at(0, 0, 'guess'))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await sendFrom('127.0.0.2', at(0, 0, 'guess'));
    expect(limited.headers['retry-after']).toBe('1');
    expect((await sendFrom('127.0.0.3', at(0, 0))).status).toBe(200);
    // Tokens come back with time.
    now += 1000;
    expect((await sendFrom('127.0.0.2', at(2, 0))).status).toBe(200);
    const h = (await health()).gps;
    expect(h.rateLimited).toBe(3);
    expect(h.received).toBe(5); // limited requests are refused before they are read
  });
});

describe('range checks', () => {
  it('drops speed, battery and heading of 1e9 and keeps the fix, counting each field', async () => {
    await setup();
    expect((await send({ ...at(0, 0), speed: 1e9, batt: 1e9, bearing: 1e9, altitude: 1e9, accuracy: -3 })).status).toBe(200);
    const p = gps.position('d1');
    expect(p).toMatchObject({ speedKmh: null, battery: null, headingDeg: null, accuracyM: null });
    expect(p?.lat).toBeCloseTo(WAREHOUSE.lat, 6);
    gps.flush();
    const row = ts.server.db.sqlite.prepare('SELECT speed_kmh, battery, heading_deg, altitude_m, accuracy_m FROM driver_tracks').get();
    expect(row).toEqual({ speed_kmh: null, battery: null, heading_deg: null, altitude_m: null, accuracy_m: null });
    expect((await health()).gps.droppedFields).toEqual({ speed: 1, heading: 1, altitude: 1, accuracy: 1, battery: 1 });
  });
});

describe('GPS marks need one device\'s continuous track', () => {
  it('another device\'s first fix outside does not finish a departure the first device began', async () => {
    await setup();
    const order = pickedOrder('C-1');
    await deviceCommand(['bind', 'phone-2', 'd1'], ts.server.db.sqlite, { out: () => undefined, err: () => undefined, now });
    await send(at(0, 20)); // phone-1 inside the warehouse circle
    await send(at(30, 600, 'phone-2')); // a fresh device reports outside
    expect(statusOf(order)).toBe('at_warehouse');
    await send(at(60, 620, 'phone-2'));
    expect(statusOf(order)).toBe('at_warehouse'); // phone-2 never saw the driver inside
  });

  it('a gap longer than maxTrackGapMs breaks the track: the first fix after it cannot leave', async () => {
    await setup();
    const order = pickedOrder('C-2');
    await send(at(0, 20));
    await send(at(11 * 60, 600));
    expect(statusOf(order)).toBe('at_warehouse');
  });

  it('a continuous track from one device still marks the departure', async () => {
    await setup();
    const order = pickedOrder('C-3');
    await send(at(0, 20));
    await send(at(60, 120));
    await send(at(90, 600));
    expect(statusOf(order)).toBe('in_transit');
  });
});
