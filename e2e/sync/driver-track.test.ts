// The driver card's track against the real server: main's driverTrack fetches
// GET /api/drivers/:id/track with the user's token from a server that took the fixes over its
// OsmAnd port, and passes the server's refusals on (another role, a period over 7 days, from
// after to, a time in 2100) with the field named; main refuses a wrong period itself too, and
// with the server gone the card still answers from the replica.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driverCardHandlers } from '../../main/api/driver-card-handlers';
import { checkedServerCall } from '../../main/api/server-http';
import { memorySettings } from '../../main/settings/settings-store';
import { eachFixtureReplica } from '../../main/testing/fixture-replica';
import { MAX_TRACK_PERIOD_MS } from '../../shared/domain/track-period';
import type { UserRole } from '../../shared/domain/vocabulary';
import { T0 } from '../../shared/testing/fake-world';
import { attachGps, type AttachedGps } from '../../server/gps/attach-gps';
import { deviceCommand } from '../../server/gps/device-command';
import { startTestServer, type TestServer } from '../../server/testing/test-server';

const M_PER_DEG_LAT = 111_195.08;
const START = { lat: 51.16, lon: 71.47 };
let now = T0;
let ts: TestServer;
let gps: AttachedGps;
const fx = eachFixtureReplica();

async function sendFix(sec: number, north: number): Promise<void> {
  now = T0 + sec * 1000 + 500;
  const q = new URLSearchParams({ id: 'phone-1', timestamp: String(Math.floor((T0 + sec * 1000) / 1000)), lat: String(START.lat + north / M_PER_DEG_LAT), lon: String(START.lon), accuracy: '0' });
  const res = await fetch(`http://127.0.0.1:${gps.port}/?${q.toString()}`, { method: 'POST' });
  expect(res.status).toBe(200);
}

beforeEach(async () => {
  now = T0;
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now, positions: { flushDelayMs: 5 } });
  expect(await deviceCommand(['bind', 'phone-1', 'd1'], ts.server.db.sqlite, { out: () => undefined, err: () => undefined, now })).toBe(0);
});
afterEach(async () => {
  await ts.stop();
});

function handlers(token: string, role: UserRole | null = 'dispatcher', serverUrl = ts.server.url) {
  return driverCardHandlers({ replica: fx().replica, server: checkedServerCall(memorySettings({ serverUrl, token })), now: () => now, role: () => role, noSignal: () => new Set() });
}

describe("the driver card's track from the real server", () => {
  it('brings the fixes of the period, oldest first, checked by the contract', async () => {
    for (const [sec, north] of [[0, 0], [30, 300], [60, 600], [90, 900]] as const) await sendFix(sec, north);
    const h = handlers(ts.tokens['u-dispatcher'] as string);
    const track = await h.driverTrack({ driverId: 'd1', from: T0, to: T0 + 60_000 });
    expect(track.points.map((p) => p.fixAt)).toEqual([T0, T0 + 30_000, T0 + 60_000]);
    expect(track.points[2]?.lat).toBeCloseTo(START.lat + 600 / M_PER_DEG_LAT, 6);
    expect(track).toMatchObject({ driverId: 'd1', from: T0, to: T0 + 60_000, truncated: false });
  });

  it("passes the server's refusals on: another role, a period over the limit, from after to, 2100, no driver", async () => {
    await sendFix(0, 0);
    // Main does not know the role yet (null): the server decides, and says 403.
    const warehouse = handlers(ts.tokens['u-warehouse'] as string, null);
    await expect(warehouse.driverTrack({ driverId: 'd1', from: T0 - 3_600_000, to: now })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/dispatchers/) });
    const logistician = handlers(ts.tokens['u-logistician'] as string, null);
    await expect(logistician.driverTrack({ driverId: 'd1', from: T0 - 3_600_000, to: now })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handlers('not-a-token', null).driverTrack({ driverId: 'd1', from: T0 - 3_600_000, to: now })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(handlers(ts.tokens['u-dispatcher'] as string).driverTrack({ driverId: 'nobody', from: T0 - 3_600_000, to: now })).rejects.toMatchObject({ code: 'not_found' });

    // The server refuses by itself (asked directly, as an integration or a script would).
    const get = (q: string, token = ts.tokens['u-dispatcher'] as string) => fetch(`${ts.server.url}/api/drivers/d1/track?${q}`, { headers: { authorization: `Bearer ${token}` } });
    const tooLong = await get(`from=${now - MAX_TRACK_PERIOD_MS - 1}&to=${now}`);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ message: 'to: the period is longer than 7 days', field: 'to' });
    const reversed = await get(`from=${now}&to=${now - 1000}`);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { message: string }).message).toMatch(/from/);
    const in2100 = await get(`from=${now}&to=${Date.UTC(2100, 0, 1)}`);
    expect(in2100.status).toBe(400);
    expect(await in2100.json()).toMatchObject({ message: 'to: more than a day ahead', field: 'to' });
    expect((await get('', ts.tokens['u-warehouse'] as string)).status).toBe(403);
    expect((await get('', ts.tokens['u-supervisor'] as string)).status).toBe(200);
  });

  it('refuses a wrong period before asking, with the field named, and a role without the right', async () => {
    let asked = 0;
    const counting: typeof fetch = (input, init) => {
      asked += 1;
      return fetch(input, init);
    };
    const h = driverCardHandlers({ replica: fx().replica, server: checkedServerCall(memorySettings({ serverUrl: ts.server.url, token: ts.tokens['u-dispatcher'] as string }), counting), now: () => now, role: () => 'dispatcher', noSignal: () => new Set() });
    await expect(h.driverTrack({ driverId: 'd1', from: now - MAX_TRACK_PERIOD_MS - 1, to: now })).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'to', reason: 'too_long' } });
    await expect(h.driverTrack({ driverId: 'd1', from: now, to: now - 1 })).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'from', reason: 'after_to' } });
    await expect(h.driverTrack({ driverId: 'd1', from: now, to: Date.UTC(2100, 0, 1) })).rejects.toMatchObject({ code: 'invalid_request', details: { field: 'to', reason: 'future' } });
    await expect(handlers(ts.tokens['u-warehouse'] as string, 'warehouse').driverTrack({ driverId: 'd1', from: now - 1000, to: now })).rejects.toMatchObject({ code: 'forbidden' });
    expect(asked).toBe(0);
  });

  it('says the server is unreachable, and the card still answers from the replica', async () => {
    fx().addOrder({ id: 'o-1', driverId: 'd1', status: 'in_transit', statusChangedAt: T0 - 3_600_000, slaDeadline: T0 + 3_600_000 });
    fx().addOrder({ id: 'o-2', driverId: 'd1', status: 'delivered', statusChangedAt: T0 - 600_000, deliveredAt: T0 - 600_000 });
    fx().addOrder({ id: 'o-3', driverId: 'd1', status: 'delivered', statusChangedAt: T0 - 3 * 86_400_000 });
    fx().addOrder({ id: 'o-4', driverId: 'd2', status: 'in_transit' });
    const url = ts.server.url;
    await ts.stop();
    const h = handlers('token', 'dispatcher', url);
    await expect(h.driverTrack({ driverId: 'd1', from: T0 - 3_600_000, to: T0 })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/can't be reached/) });
    const card = await h.driverCard({ driverId: 'd1' });
    expect(card).toMatchObject({ id: 'd1', name: 'Berik', shiftState: 'on_shift', battery: 80, noSignal: false });
    expect(card.todayOrders.map((o) => o.id)).toEqual(['o-1', 'o-2']);
    await expect(Promise.resolve().then(() => h.driverCard({ driverId: 'nobody' }))).rejects.toMatchObject({ code: 'not_found' });
    // Restarted for afterEach's stop.
    ts = await startTestServer({ clock: () => now });
  });
});
