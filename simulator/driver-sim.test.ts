import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../shared/domain/geo';
import { Rng } from '../shared/demo/prng';
import { CDEK_ROAD, newParcel, nextCdekStatus } from './cdek-sim';
import { DEFAULT_DRIVER_SIM, newSimDriver, stepDriver, type DriverIntent } from './driver-sim';
import type { FleetOrder } from './fleet-api';
import { osmAndPath, cdekBody, cdekTime } from './senders';

const WAREHOUSE = { lat: 51.1936, lon: 71.3905 };
const ADDRESS = { lat: 51.16, lon: 71.43 };
const T = Date.UTC(2024, 6, 1, 5, 0);

const order = (o: Partial<FleetOrder>): FleetOrder => ({
  id: 'o1',
  number: 'AST-1',
  status: 'in_transit',
  subMark: null,
  driverId: 'd1',
  pickupLat: WAREHOUSE.lat,
  pickupLon: WAREHOUSE.lon,
  deliveryLat: ADDRESS.lat,
  deliveryLon: ADDRESS.lon,
  courierProvider: null,
  courierTrackingNumber: null,
  ...o,
});

/** Runs a driver second by second (sim = real here) until `stop` or `limitS`. */
function drive(orders: FleetOrder[], speedup = 1, limitS = 4 * 3600) {
  const rng = new Rng(7);
  const cfg = { ...DEFAULT_DRIVER_SIM, speedup };
  const d = newSimDriver('d1', 'on_shift', WAREHOUSE, WAREHOUSE, T, rng);
  const intents: DriverIntent[] = [];
  let maxSpeed = 0;
  let closest = Infinity;
  for (let s = 1; s <= limitS && intents.length === 0; s++) {
    intents.push(...stepDriver(d, orders, { sim: T + s * 1000 * speedup, real: T + s * 1000, dtSim: 1000 * speedup }, cfg, rng));
    maxSpeed = Math.max(maxSpeed, d.speedKmh * speedup);
    closest = Math.min(closest, distanceMeters(d.pos, ADDRESS));
  }
  return { d, intents, maxSpeed, closest };
}

describe('simulated driver', () => {
  it('drives an in-transit order to its address, waits the hand-over, and marks it', () => {
    const { intents, closest } = drive([order({})]);
    expect(closest).toBeLessThan(1);
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ kind: 'mark', order: { id: 'o1' }, status: expect.stringMatching(/delivered|problem/) });
  });

  it('picks up a picked order at the warehouse first, and marks departure if GPS missed it', () => {
    const { intents } = drive([order({ status: 'at_warehouse' })]);
    expect(intents.map((i) => i.status)[0]).toBe('in_transit');
  });

  it('never looks faster than 150 km/h to the server, whatever the speedup', () => {
    expect(drive([order({})], 20).maxSpeed).toBeLessThanOrEqual(150);
  });

  it('stays put and silent of marks off shift', () => {
    const rng = new Rng(1);
    const d = newSimDriver('d1', 'off_shift', WAREHOUSE, WAREHOUSE, T, rng);
    for (let s = 1; s < 600; s++) expect(stepDriver(d, [order({})], { sim: T + s * 1000, real: T + s * 1000, dtSim: 1000 }, DEFAULT_DRIVER_SIM, rng)).toEqual([]);
    expect(d.pos).toEqual(WAREHOUSE);
  });
});

describe('simulated CDEK', () => {
  it('walks a parcel along CDEK\'s road from where our order is', () => {
    const rng = new Rng(3);
    const p = newParcel(order({ status: 'at_warehouse', courierProvider: 'cdek' }), T, rng);
    const codes: string[] = [];
    for (let m = 0; m < 24 * 60; m++) {
      const s = nextCdekStatus(p, T + m * 60_000, rng, 0);
      if (s !== null) codes.push(s.code);
    }
    expect(codes).toEqual([...CDEK_ROAD]);
  });
});

describe('what the simulator sends', () => {
  it('writes the OsmAnd request line Traccar Client writes', () => {
    const path = osmAndPath({ deviceId: 'sim-d1', fixAt: 1719830712_345, lat: 51.1281234, lon: 71.43, speedKmh: 40, headingDeg: 87, accuracyM: 0, battery: 80, charging: false });
    expect(path).toBe('/?id=sim-d1&timestamp=1719830712&lat=51.128123&lon=71.430000&speed=21.6&bearing=87.0&altitude=350.0&accuracy=0.0&batt=80.0');
  });

  it('writes CDEK times with a +0500 offset without a colon', () => {
    expect(cdekTime(Date.UTC(2024, 6, 1, 11, 2, 11))).toBe('2024-07-01T16:02:11+0500');
    expect(cdekBody({ orderId: 'o1', orderNumber: 'AST-1', cdekNumber: '1', code: 'DELIVERED', at: T, cityName: 'Астана' })).toMatchObject({
      type: 'ORDER_STATUS',
      attributes: { number: 'AST-1', code: 'DELIVERED' },
    });
  });
});
