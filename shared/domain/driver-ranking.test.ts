import { describe, expect, it } from 'vitest';
import type { RankableDriver } from './driver-ranking';
import { rankDrivers } from './driver-ranking';

const NOW = Date.UTC(2026, 2, 2, 6, 0);
const PICKUP = { lat: 51.1694, lon: 71.4491 };

/** A driver `km` north of the pickup with a fresh fix. */
function driver(id: string, km: number, over: Partial<RankableDriver> = {}): RankableDriver {
  return {
    id,
    shiftState: 'on_shift',
    lat: PICKUP.lat + (km * 1000) / 111_195.08,
    lon: PICKUP.lon,
    fixAt: NOW - 30_000,
    activeOrders: 0,
    ordersToday: 0,
    ...over,
  };
}

const ids = (r: ReturnType<typeof rankDrivers>) => r.suggestions.map((s) => s.driverId);

describe('rankDrivers', () => {
  it('prefers the nearer driver when loads are equal, with reasons', () => {
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [driver('far', 8), driver('near', 2)], now: NOW });
    expect(ids(r)).toEqual(['near', 'far']);
    expect(r.suggestions[0]).toMatchObject({ driverId: 'near', distanceKm: 2, noSignal: false, isRegular: false, score: 96 });
    expect(r.suggestions[0]?.reasons).toEqual(['2.0 km away', '0 orders in work, 0 today']);
  });

  it('distributes by load: a busy near driver loses to an idle one a little further', () => {
    const busy = driver('busy', 1, { activeOrders: 2, ordersToday: 6 });
    const idle = driver('idle', 6, { activeOrders: 0, ordersToday: 1 });
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [busy, idle], now: NOW });
    expect(ids(r)).toEqual(['idle', 'busy']);
    expect(r.suggestions[1]?.reasons).toContain('2 orders in work, 6 today');
  });

  it('uses orders this month to break otherwise even loads', () => {
    const r = rankDrivers({
      pickup: PICKUP,
      customerId: null,
      drivers: [driver('a', 3, { ordersThisMonth: 200 }), driver('b', 3, { ordersThisMonth: 40 })],
      now: NOW,
    });
    expect(ids(r)).toEqual(['b', 'a']);
  });

  it('never suggests off-shift drivers and tells when nobody has started the day', () => {
    const r = rankDrivers({ pickup: PICKUP, customerId: 'c1', drivers: [driver('x', 1, { shiftState: 'off_shift', regularCustomerIds: ['c1'] })], now: NOW });
    expect(r).toEqual({ suggestions: [], excluded: [{ driverId: 'x', reason: 'off_shift' }], nobodyOnShift: true });
    expect(rankDrivers({ pickup: PICKUP, customerId: null, drivers: [], now: NOW }).nobodyOnShift).toBe(true);
  });

  it('suggests a driver on a break only for their own regular customer', () => {
    const resting = driver('rest', 1, { shiftState: 'on_break', regularCustomerIds: ['c1'] });
    const other = rankDrivers({ pickup: PICKUP, customerId: 'c2', drivers: [resting], now: NOW });
    expect(other).toMatchObject({ suggestions: [], excluded: [{ driverId: 'rest', reason: 'on_break' }], nobodyOnShift: false });
    const own = rankDrivers({ pickup: PICKUP, customerId: 'c1', drivers: [resting, driver('on', 1)], now: NOW });
    expect(ids(own)).toEqual(['rest', 'on']);
    expect(own.suggestions[0]).toMatchObject({ isRegular: true, onBreak: true });
    expect(own.suggestions[0]?.reasons).toContain('regular driver for this customer');
  });

  it('ranks drivers without signal lower and marks them', () => {
    const stale = driver('stale', 1, { fixAt: NOW - 12 * 60_000 });
    const fresh = driver('fresh', 5);
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [stale, fresh], now: NOW });
    expect(ids(r)).toEqual(['fresh', 'stale']);
    expect(r.suggestions[1]).toMatchObject({ noSignal: true, distanceKm: 1 });
    expect(r.suggestions[1]?.reasons).toContain('no signal for 12 min: position may be stale');
  });

  it('treats exactly 5 minutes as still in signal and a missing position as no signal', () => {
    const edge = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [driver('e', 1, { fixAt: NOW - 5 * 60_000 })], now: NOW });
    expect(edge.suggestions[0]?.noSignal).toBe(false);
    const lost = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [driver('l', 0, { lat: null, lon: null, fixAt: null })], now: NOW });
    expect(lost.suggestions[0]).toMatchObject({ noSignal: true, distanceKm: null, score: 40 });
    expect(lost.suggestions[0]?.reasons).toEqual(['position unknown', '0 orders in work, 0 today', 'no signal']);
  });

  it('is deterministic on ties and accepts custom weights', () => {
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [driver('b', 2), driver('a', 2)], now: NOW });
    expect(ids(r)).toEqual(['a', 'b']);
    const distanceOnly = rankDrivers({
      pickup: PICKUP,
      customerId: null,
      drivers: [driver('busy', 1, { activeOrders: 5 }), driver('idle', 3)],
      now: NOW,
      weights: { perActiveOrder: 0 },
    });
    expect(ids(distanceOnly)).toEqual(['busy', 'idle']);
  });
});
