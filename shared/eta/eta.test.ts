import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../domain/geo';
import { driverWorkSequence, stopsThrough, type WorkOrder } from './driver-work';
import { arrivalRisk, predictArrival, predictDeliveries, ROAD_FACTOR, DELIVERY_DWELL_MIN, PICKUP_DWELL_MIN } from './predict-arrival';
import { fleetArrivalRisks, predictedRisk } from './arrival-risk';
import { learnSpeeds, localHour, MIN_LEARNED_SECONDS, nearestCityLocator, SpeedTable, type TrackPoint } from './speed-profile';

const ALMATY = { lat: 43.2389, lon: 76.8897 };
const locator = nearestCityLocator({ Алматы: ALMATY }, 300);
const T0 = Date.UTC(2026, 5, 1, 5, 0); // 10:00 in Almaty (UTC+5)

function order(id: string, status: WorkOrder['status'], at: number, dLat: number): WorkOrder {
  return { id, status, pickupLat: ALMATY.lat, pickupLon: ALMATY.lon, deliveryLat: ALMATY.lat + dLat, deliveryLon: ALMATY.lon, statusChangedAt: at, assignedAt: at };
}

/** A straight drive from `from` towards `to` at `kmh` with a fix every 10 s. */
function drive(from: { lat: number; lon: number }, to: { lat: number; lon: number }, kmh: number, start: number): TrackPoint[] {
  const total = distanceMeters(from, to);
  const pts: TrackPoint[] = [];
  for (let t = 0; ; t += 10_000) {
    const f = Math.min(1, ((kmh / 3.6) * (t / 1000)) / total);
    pts.push({ fixAt: start + t, lat: from.lat + (to.lat - from.lat) * f, lon: from.lon + (to.lon - from.lon) * f });
    if (f >= 1) break;
  }
  return pts;
}

describe('driver work order', () => {
  it('puts carried goods first in loading order, then picked orders in assignment order', () => {
    const seq = driverWorkSequence([order('c', 'at_warehouse', 5, 0.01), order('a', 'in_transit', 9, 0.02), order('d', 'delivered', 1, 0), order('b', 'in_transit', 3, 0.03), order('e', 'confirmed', 2, 0.04)]);
    expect(seq.map((o) => o.id)).toEqual(['b', 'a', 'e', 'c']);
  });

  it('lists the stops up to the order, with pickups for orders not loaded yet', () => {
    const orders = [order('a', 'in_transit', 1, 0.01), order('b', 'at_warehouse', 2, 0.02)];
    expect(stopsThrough(orders, 'b')?.map((s) => `${s.kind}:${s.orderId}`)).toEqual(['delivery:a', 'pickup:b', 'delivery:b']);
    expect(stopsThrough(orders, 'a')?.map((s) => `${s.kind}:${s.orderId}`)).toEqual(['delivery:a']);
    expect(stopsThrough(orders, 'zzz')).toBeNull();
  });
});

describe('learned speeds', () => {
  it('learns the straight-line approach speed per city and local hour', () => {
    const dest = { lat: ALMATY.lat + 0.1, lon: ALMATY.lon };
    const buckets = learnSpeeds([{ destination: dest, points: drive(ALMATY, dest, 30, T0) }], locator);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatchObject({ city: 'Алматы', hour: 10 });
    expect(buckets[0]?.kmh).toBeCloseTo(30, 0);
  });

  it('a detour counts as slower progress, and bad pairs are skipped', () => {
    const dest = { lat: ALMATY.lat + 0.05, lon: ALMATY.lon };
    const sideways = { lat: ALMATY.lat, lon: ALMATY.lon + 0.05 };
    const pts = [...drive(ALMATY, sideways, 40, T0)];
    const legStraight = learnSpeeds([{ destination: dest, points: drive(ALMATY, dest, 40, T0) }], locator)[0]?.kmh ?? 0;
    const legDetour = learnSpeeds([{ destination: dest, points: [...pts, { fixAt: pts[0]!.fixAt - 5, lat: 95, lon: 0 }] }], locator);
    expect(legStraight).toBeGreaterThan(38);
    expect(legStraight).toBeLessThanOrEqual(40);
    // Driving sideways brings the driver no closer: no positive speed is learned.
    expect(legDetour).toEqual([]);
  });

  it('a bucket is trusted only after enough driving', () => {
    expect(new SpeedTable([{ city: 'Алматы', hour: 10, kmh: 30, seconds: MIN_LEARNED_SECONDS - 1 }]).lookup('Алматы', 10)).toBeNull();
    expect(new SpeedTable([{ city: 'Алматы', hour: 10, kmh: 30, seconds: MIN_LEARNED_SECONDS }]).lookup('Алматы', 10)?.kmh).toBe(30);
    expect(localHour(T0, 300)).toBe(10);
    expect(localHour(T0, -600)).toBe(19);
  });
});

describe('predictArrival', () => {
  const dest = { lat: ALMATY.lat + 0.09, lon: ALMATY.lon }; // ~10 km north
  const km = distanceMeters(ALMATY, dest) / 1000;

  it('falls back to straight line x road factor at city speed', () => {
    const p = predictArrival({ now: T0, driver: { ...ALMATY, fixAt: T0 }, stops: [{ ...dest, kind: 'delivery', orderId: 'x' }], speeds: new SpeedTable([]), locator });
    expect(p?.basis.speedSource).toBe('fallback');
    expect(p!.at - T0).toBeCloseTo(((km * ROAD_FACTOR) / 25) * 3_600_000, -3);
    expect(p!.earliest).toBeLessThan(p!.at);
    expect(p!.latest).toBeGreaterThan(p!.at);
  });

  it('uses the learned speed of the hour and adds dwell for each stop ahead', () => {
    const speeds = new SpeedTable([{ city: 'Алматы', hour: 10, kmh: 20, seconds: 3600 }]);
    const stops = [
      { ...ALMATY, kind: 'pickup' as const, orderId: 'x' },
      { ...dest, kind: 'delivery' as const, orderId: 'x' },
    ];
    const p = predictArrival({ now: T0, driver: { ...ALMATY, fixAt: T0 }, stops, speeds, locator });
    expect(p?.basis).toMatchObject({ stopsAhead: 1, speedSource: 'learned', speedKmh: 20 });
    expect(p!.at - T0).toBeCloseTo((km / 20) * 3_600_000 + PICKUP_DWELL_MIN * 60_000, -3);
    expect(DELIVERY_DWELL_MIN).toBeGreaterThan(0);
  });

  it('a stale fix widens the band', () => {
    const stops = [{ ...dest, kind: 'delivery' as const, orderId: 'x' }];
    const fresh = predictArrival({ now: T0, driver: { ...ALMATY, fixAt: T0 }, stops, speeds: new SpeedTable([]), locator })!;
    const stale = predictArrival({ now: T0 + 10 * 60_000, driver: { ...ALMATY, fixAt: T0 }, stops, speeds: new SpeedTable([]), locator })!;
    expect(stale.basis.fixAgeMs).toBe(10 * 60_000);
    expect(stale.latest - stale.earliest).toBeGreaterThan(fresh.latest - fresh.earliest + 10 * 60_000);
  });

  it('gives nothing for broken coordinates or no stops', () => {
    expect(predictArrival({ now: T0, driver: { lat: 91, lon: 0, fixAt: T0 }, stops: [{ ...dest, kind: 'delivery', orderId: 'x' }], speeds: new SpeedTable([]), locator })).toBeNull();
    expect(predictArrival({ now: T0, driver: { ...ALMATY, fixAt: T0 }, stops: [], speeds: new SpeedTable([]), locator })).toBeNull();
  });
});

describe('arrivalRisk', () => {
  it('is late after the deadline, tight within the margin', () => {
    expect(arrivalRisk(1000, null)).toBe('ok');
    expect(arrivalRisk(10 * 60_000, 5 * 60_000)).toBe('late');
    expect(arrivalRisk(10 * 60_000, 20 * 60_000)).toBe('tight');
    expect(arrivalRisk(10 * 60_000, 60 * 60_000)).toBe('ok');
  });
});

describe('at risk by prediction (fleetArrivalRisks, predictedRisk)', () => {
  // ~10 km at the fallback (1.3 road factor, 25 km/h) is about 31 min, plus dwell for stops ahead.
  const fleetOrder = (id: string, status: WorkOrder['status'], at: number, dLat: number, deadline: number | null, driverId: string | null = 'd1') => ({
    ...order(id, status, at, dLat),
    driverId,
    slaDeadline: deadline,
  });
  const driver = { id: 'd1', lat: ALMATY.lat, lon: ALMATY.lon, fixAt: T0 };

  it('is late past the deadline, tight inside the margin, nothing with room to spare or once the deadline has passed', () => {
    expect(predictedRisk({ at: T0 + 10 }, T0 + 5, T0)).toBe('late');
    expect(predictedRisk({ at: T0 }, T0 + 10 * 60_000, T0)).toBe('tight');
    expect(predictedRisk({ at: T0 }, T0 + 16 * 60_000, T0)).toBeNull();
    expect(predictedRisk({ at: T0 + 10 }, T0 - 1, T0)).toBeNull();
    expect(predictedRisk(null, T0 + 5, T0)).toBeNull();
    expect(predictedRisk({ at: T0 }, null, T0)).toBeNull();
  });

  it('walks each driver\'s work: an order behind another one is later than on its own', () => {
    const orders = [
      fleetOrder('first', 'in_transit', T0 - 60_000, 0.09, T0 + 3 * 3_600_000),
      // On its own this one (10 km south) makes it (~31 min against 50); behind 'first' (10 km north) it cannot.
      fleetOrder('second', 'in_transit', T0, -0.09, T0 + 50 * 60_000),
      fleetOrder('alone', 'in_transit', T0, -0.09, T0 + 50 * 60_000, 'd2'),
      fleetOrder('unassigned', 'confirmed', T0, 0.09, T0 + 60_000, null),
      fleetOrder('breached', 'in_transit', T0, 0.09, T0 - 1, 'd2'),
      fleetOrder('no-fix', 'in_transit', T0, 0.09, T0 + 60_000, 'd3'),
    ];
    const drivers = [driver, { ...driver, id: 'd2' }, { id: 'd3', lat: null, lon: null, fixAt: null }];
    const risks = fleetArrivalRisks(orders, drivers, new SpeedTable([]), locator, T0);
    expect(Object.fromEntries(risks)).toEqual({ second: 'late' });
  });

  it('a deadline just after the prediction is tight', () => {
    const solo = [fleetOrder('o', 'in_transit', T0, 0.09, T0 + 40 * 60_000)];
    expect(fleetArrivalRisks(solo, [driver], new SpeedTable([]), locator, T0).get('o')).toBe('tight');
  });
});

describe('predictDeliveries', () => {
  it('gives each delivery the same time predictArrival gives for that order\'s own stops', () => {
    const work = [order('a', 'in_transit', T0 - 3, 0.05), order('b', 'in_transit', T0 - 2, -0.04), order('c', 'at_warehouse', T0 - 1, 0.02)];
    const driver = { lat: ALMATY.lat + 0.01, lon: ALMATY.lon, fixAt: T0 - 30_000 };
    const all = predictDeliveries({ now: T0, driver, stops: stopsThrough(work, 'c') ?? [], speeds: new SpeedTable([]), locator });
    expect([...all.keys()]).toEqual(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) {
      const one = predictArrival({ now: T0, driver, stops: stopsThrough(work, id) ?? [], speeds: new SpeedTable([]), locator });
      expect(all.get(id)).toBe(one?.at);
    }
  });
});
