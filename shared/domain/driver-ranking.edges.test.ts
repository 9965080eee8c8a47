// Edges of the driver ranking a mutation run found unread: the exact score arithmetic, each
// reason's words, positions that are not numbers, and the order of full ties.
import { describe, expect, it } from 'vitest';
import type { RankableDriver } from './driver-ranking';
import { rankDrivers } from './driver-ranking';

const NOW = Date.UTC(2026, 2, 2, 6, 0);
const PICKUP = { lat: 51.1694, lon: 71.4491 };

function at(id: string, over: Partial<RankableDriver> = {}): RankableDriver {
  return { id, shiftState: 'on_shift', lat: PICKUP.lat, lon: PICKUP.lon, fixAt: NOW - 30_000, activeOrders: 0, ordersToday: 0, ...over };
}

const only = (d: RankableDriver, customerId: string | null = null) => {
  const s = rankDrivers({ pickup: PICKUP, customerId, drivers: [d], now: NOW }).suggestions[0];
  if (!s) throw new Error('expected one suggestion');
  return s;
};

describe('rankDrivers: the score and its words', () => {
  it('takes 10 per order in work, 3 per order today and 0.05 per order this month', () => {
    const s = only(at('d1', { activeOrders: 2, ordersToday: 3, ordersThisMonth: 20 }));
    expect(s.score).toBe(70); // 100 - (0 km + 2*10 + 3*3 + 20*0.05)
    expect(s.reasons).toEqual(['0 m away', '2 orders in work, 3 today']);
    expect(s.onBreak).toBe(false);
    expect(only(at('d2', { activeOrders: 1, ordersToday: 1 })).reasons[1]).toBe('1 order in work, 1 today');
  });

  it('says why a driver on a break is offered', () => {
    const s = only(at('d1', { shiftState: 'on_break', regularCustomerIds: ['c1'] }), 'c1');
    expect(s.onBreak).toBe(true);
    expect(s.reasons).toContain('on a break: offered only because this is their regular customer');
  });

  it('treats a position that is not a finite number as unknown, and says there is no signal', () => {
    for (const lat of [Number.NaN, Number.POSITIVE_INFINITY, null]) {
      const s = only(at('d1', { lat, fixAt: NOW }));
      expect(s.distanceKm, String(lat)).toBeNull();
      expect(s.noSignal).toBe(true);
      expect(s.reasons).toEqual(['position unknown', '0 orders in work, 0 today', 'no signal']);
    }
  });

  it('needs both coordinates: a finite latitude with a longitude that is not a number is unknown too', () => {
    for (const lon of [Number.NaN, Number.NEGATIVE_INFINITY, null]) {
      const s = only(at('d1', { lon, fixAt: NOW }));
      expect(s.distanceKm, String(lon)).toBeNull();
      expect(s.reasons[0]).toBe('position unknown');
    }
    expect(only(at('d1')).distanceKm).toBe(0);
  });

  it('counts a driver as regular only for a customer in their list, never for no customer at all', () => {
    const regular = (customerId: string | null, regularCustomerIds?: readonly string[]) =>
      only(at('d1', regularCustomerIds === undefined ? {} : { regularCustomerIds }), customerId).isRegular;
    expect(regular('c1', ['c0', 'c1'])).toBe(true);
    expect(regular('c2', ['c0', 'c1'])).toBe(false);
    expect(regular(null, ['c0', 'c1'])).toBe(false);
    expect(regular('c1')).toBe(false);
    expect(regular(null)).toBe(false);
    expect(regular('c1', [])).toBe(false);
  });

  it('marks a known position without any fix time as stale, without inventing an age', () => {
    const s = only(at('d1', { fixAt: null }));
    expect(s.noSignal).toBe(true);
    expect(s.reasons).toContain('no signal: position may be stale');
  });
});

describe('rankDrivers: ties', () => {
  const free = { perKm: 0, noSignal: 0, unknownPositionKm: 0 };
  it('puts a known distance before an unknown one when the scores are equal', () => {
    const far = at('far', { lat: PICKUP.lat + 0.03 });
    const nowhere = at('nowhere', { lat: null, lon: null });
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [nowhere, far], now: NOW, weights: free });
    expect(r.suggestions.map((s) => s.driverId)).toEqual(['far', 'nowhere']);
  });
  it('orders full ties by id', () => {
    const r = rankDrivers({ pickup: PICKUP, customerId: null, drivers: [at('c'), at('a'), at('d'), at('b')], now: NOW });
    expect(r.suggestions.map((s) => s.driverId)).toEqual(['a', 'b', 'c', 'd']);
  });
});
