// GPS devices over REST for admins (issue 16) on a real server: devices that sent fixes but are
// bound to nobody are listed; bind makes the very next fix count for the driver and takes the
// device off the list; unbind makes it unknown again. Hostile bodies refused, named, counted.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0 } from '../../shared/testing/fake-world';
import { healthOf, restCall, type RestCallOptions } from '../testing/rest-call';
import { startTestServer, type TestServer } from '../testing/test-server';
import { attachGps, type AttachedGps } from './attach-gps';

let now = T0;
let ts: TestServer;
let gps: AttachedGps;

beforeEach(async () => {
  now = T0;
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now, flushMs: 3_600_000 });
});

afterEach(async () => {
  await ts.stop();
});

const call = (method: string, path: string, opts: RestCallOptions = {}) => restCall(ts, method, path, { as: 'u-admin', ...opts });

/** One OsmAnd fix from `device`, `sec` seconds after T0 (moves the clock there). */
function fix(device: string, sec: number): Promise<number> {
  now = T0 + sec * 1000;
  const q = new URLSearchParams({ id: device, timestamp: String(Math.floor(now / 1000)), lat: '51.18', lon: String(71.44 + sec * 0.0001), accuracy: '5' });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gps.port, method: 'POST', path: `/?${q}`, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function devices(): Promise<{ unknown: Array<Record<string, unknown>>; bound: Array<Record<string, unknown>> }> {
  const r = await call('GET', '/api/gps/devices');
  expect(r.status).toBe(200);
  return r.body as never;
}

describe('GPS devices over REST', () => {
  it('lists an unknown device (queued fixes included), binds it to a driver at once, unbinds it', async () => {
    await fix('lost-phone-7', 1);
    await fix('lost-phone-7', 2);
    const before = await devices();
    expect(before.unknown).toEqual([expect.objectContaining({ deviceId: 'lost-phone-7', requestCount: 2, lastLat: 51.18 })]);

    expect(await call('POST', '/api/gps/devices/bind', { body: { deviceId: 'lost-phone-7', driverId: 'd1' } })).toEqual({
      status: 200,
      body: { deviceId: 'lost-phone-7', driverId: 'd1', previousDriverId: null },
    });
    const after = await devices();
    expect(after.unknown).toEqual([]);
    expect(after.bound).toContainEqual(expect.objectContaining({ deviceId: 'lost-phone-7', driverId: 'd1', boundBy: expect.any(String) }));
    // The very next fix is the driver's (no wait for the GPS port's binding cache).
    await fix('lost-phone-7', 3);
    expect(gps.position('d1')).toMatchObject({ lat: 51.18 });
    expect((await devices()).unknown).toEqual([]);

    expect(await call('POST', '/api/gps/devices/unbind', { body: { deviceId: 'lost-phone-7' } })).toEqual({ status: 200, body: { unbound: true } });
    expect((await devices()).bound.map((b) => b['deviceId'])).not.toContain('lost-phone-7');
    await fix('lost-phone-7', 4);
    expect((await devices()).unknown.map((d) => d['deviceId'])).toEqual(['lost-phone-7']);
    // Unbinding again is a 404 naming the field, and counted.
    expect(await call('POST', '/api/gps/devices/unbind', { body: { deviceId: 'lost-phone-7' } })).toEqual({ status: 404, body: expect.objectContaining({ field: 'deviceId' }) });
    expect((await healthOf(ts))['gpsDevices']).toMatchObject({ bound: 1, unbound: 1, 'refused.not_found': 1 });
  });

  it('is for admins only', async () => {
    await fix('lost-phone-8', 1);
    for (const who of ['u-dispatcher', 'u-supervisor', 'u-logistician', 'u-warehouse']) {
      expect((await call('GET', '/api/gps/devices', { as: who })).status, who).toBe(403);
      expect((await call('POST', '/api/gps/devices/bind', { as: who, body: { deviceId: 'lost-phone-8', driverId: 'd1' } })).status, who).toBe(403);
      expect((await call('POST', '/api/gps/devices/unbind', { as: who, body: { deviceId: 'sim-d1' } })).status, who).toBe(403);
    }
    expect((await call('GET', '/api/gps/devices', { as: null })).status).toBe(401);
    expect((await devices()).unknown).toHaveLength(1);
  });

  it('refuses hostile bodies with a 4xx naming the field, and binds nothing', async () => {
    await fix('lost-phone-9', 1);
    const cases: Array<[string, RestCallOptions, number, string | undefined]> = [
      ['unknown driver', { body: { deviceId: 'lost-phone-9', driverId: 'd-nope' } }, 404, 'driverId'],
      ['driver named __proto__', { body: { deviceId: 'lost-phone-9', driverId: '__proto__' } }, 404, 'driverId'],
      ['driver named constructor', { body: { deviceId: 'lost-phone-9', driverId: 'constructor' } }, 404, 'driverId'],
      ['NUL in the device id', { body: { deviceId: 'lost-phone-9\u0000', driverId: 'd1' } }, 422, 'deviceId'],
      ['device id too long', { body: { deviceId: 'x'.repeat(129), driverId: 'd1' } }, 422, 'deviceId'],
      ['no driver', { body: { deviceId: 'lost-phone-9' } }, 422, 'driverId'],
      ['__proto__ key', { raw: '{"deviceId":"lost-phone-9","driverId":"d1","__proto__":{}}' }, 422, '(body)'],
      ['too deep', { raw: `{"deviceId":${'['.repeat(40)}${']'.repeat(40)}}` }, 400, undefined],
      ['too large', { raw: JSON.stringify({ deviceId: 'x'.repeat(20_000), driverId: 'd1' }) }, 413, undefined],
    ];
    for (const [name, opts, status, field] of cases) {
      const r = await call('POST', '/api/gps/devices/bind', opts);
      expect(r.status, name).toBe(status);
      if (field !== undefined) expect(r.body['field'], name).toBe(field);
    }
    const d = await devices();
    expect(d.unknown.map((x) => x['deviceId'])).toEqual(['lost-phone-9']);
    expect(d.bound.map((x) => x['deviceId'])).not.toContain('lost-phone-9');
    const counted = (await healthOf(ts))['gpsDevices'] ?? {};
    expect(Object.entries(counted).filter(([k]) => k.startsWith('refused.')).reduce((n, [, v]) => n + v, 0)).toBe(cases.length);
  });
});
