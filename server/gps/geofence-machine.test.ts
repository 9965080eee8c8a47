import { describe, expect, it } from 'vitest';
import {
  ARRIVAL_START,
  DEFAULT_GEOFENCE_CONFIG,
  DEPARTURE_START,
  stepArrival,
  stepDeparture,
  type ArrivalState,
  type DepartureState,
  type FencePoint,
} from './geofence-machine';
import { planAutoMark, fenceKindFor, type FenceOrder } from './auto-mark';

const T0 = Date.UTC(2024, 6, 1, 10, 0, 0);
const M_PER_DEG_LAT = 111_195.08;
const CENTER = { lat: 43.2389, lon: 76.8897 };
const cfg = DEFAULT_GEOFENCE_CONFIG;

/** A point `metres` north of the centre at `sec` seconds. */
const at = (sec: number, metres: number, accuracyM = 5): FencePoint => ({
  lat: CENTER.lat + metres / M_PER_DEG_LAT,
  lon: CENTER.lon,
  fixAt: T0 + sec * 1000,
  accuracyM,
});

function runArrival(points: FencePoint[], start: ArrivalState = ARRIVAL_START) {
  let state = start;
  const fires: number[] = [];
  const phases: string[] = [];
  for (const p of points) {
    const step = stepArrival(state, p, CENTER, cfg);
    state = step.state;
    phases.push(state.phase);
    if (step.fire) fires.push(p.fixAt);
  }
  return { state, fires, phases };
}

function runDeparture(points: FencePoint[], start: DepartureState = DEPARTURE_START) {
  let state = start;
  const fires: number[] = [];
  for (const p of points) {
    const step = stepDeparture(state, p, CENTER, cfg);
    state = step.state;
    if (step.fire) fires.push(p.fixAt);
  }
  return { state, fires };
}

describe('arrival geofence', () => {
  it('fires once after the driver dwells 60 s inside 100 m', () => {
    const { fires, phases } = runArrival([at(0, 800), at(30, 300), at(60, 90), at(90, 40), at(120, 20), at(150, 10), at(180, 12)]);
    expect(phases).toEqual(['out', 'out', 'in', 'in', 'fired', 'fired', 'fired']);
    expect(fires).toEqual([T0 + 120_000]);
  });

  it('does not fire for a driver who drives through', () => {
    const { fires } = runArrival([at(0, 300), at(10, 50), at(20, -50), at(30, -300), at(90, -900)]);
    expect(fires).toEqual([]);
  });

  it('keeps counting the dwell while jitter crosses the edge (hysteresis), and fires once', () => {
    // Parked at ~100 m: fixes wander 85-140 m, never beyond the 150 m exit radius.
    const jitter = [95, 104, 98, 120, 87, 139, 101, 92, 110, 97, 133, 99, 96, 105, 90];
    const points = jitter.map((m, i) => at(i * 10, m));
    const { fires, phases } = runArrival(points);
    expect(phases.filter((p) => p === 'out')).toEqual([]);
    expect(fires).toEqual([T0 + 60_000]);
  });

  it('without a fix inside the radius, jitter between the radii never enters', () => {
    const { fires, phases } = runArrival([at(0, 120), at(30, 140), at(60, 101), at(90, 130), at(200, 110)]);
    expect(phases.every((p) => p === 'out')).toBe(true);
    expect(fires).toEqual([]);
  });

  it('restarts the dwell when the driver really leaves (beyond 150 m) and comes back', () => {
    const { fires } = runArrival([at(0, 50), at(40, 50), at(50, 400), at(70, 50), at(100, 40), at(130, 30)]);
    expect(fires).toEqual([T0 + 130_000]);
  });

  it('ignores fixes of poor accuracy: they neither enter nor leave nor count', () => {
    expect(runArrival([at(0, 10, 80), at(60, 10, 80), at(120, 10, 80)]).fires).toEqual([]);
    const { phases } = runArrival([at(0, 10), at(30, 500, 80), at(60, 10)]);
    expect(phases).toEqual(['in', 'in', 'fired']);
  });

  it('honours configured radius and dwell', () => {
    const wide = { ...cfg, arrivalRadiusM: 300, dwellMs: 0 };
    expect(stepArrival(ARRIVAL_START, at(0, 250), CENTER, wide)).toEqual({ state: { phase: 'fired', at: T0 }, fire: true });
  });
});

describe('departure geofence', () => {
  it('fires once when a driver seen at the warehouse drives out', () => {
    const { fires } = runDeparture([at(0, 20), at(30, 60), at(60, 180), at(90, 400), at(120, 900)]);
    expect(fires).toEqual([T0 + 90_000]);
  });

  it('never fires for a driver who was never inside (still coming to pick up)', () => {
    expect(runDeparture([at(0, 5000), at(60, 3000), at(120, 4000)]).fires).toEqual([]);
  });

  it('ignores jitter at the edge of the warehouse circle', () => {
    const jitter = [140, 155, 149, 170, 146, 210, 151, 148, 190, 152];
    expect(runDeparture(jitter.map((m, i) => at(i * 10, m))).fires).toEqual([]);
  });
});

describe('planAutoMark', () => {
  const order = (o: Partial<FenceOrder>): FenceOrder => ({ id: 'o1', status: 'in_transit', subMark: null, driverId: 'drv1', ...o });

  it('watches in_transit orders for arrival and at_warehouse orders for departure', () => {
    expect(fenceKindFor(order({}))).toBe('arrival');
    expect(fenceKindFor(order({ subMark: 'on_route' }))).toBe('arrival');
    expect(fenceKindFor(order({ subMark: 'arrived' }))).toBeNull();
    expect(fenceKindFor(order({ status: 'at_warehouse' }))).toBe('departure');
    expect(fenceKindFor(order({ status: 'delivered' }))).toBeNull();
  });

  it('asks for the arrived sub-mark and the in_transit status, source gps', () => {
    expect(planAutoMark('arrival', order({}), 'drv1', T0, null)).toEqual({
      ok: true,
      mutation: 'setSubMark',
      args: { orderId: 'o1', subMark: 'arrived', source: 'gps' },
    });
    expect(planAutoMark('departure', order({ status: 'at_warehouse' }), 'drv1', T0, T0 - 1)).toMatchObject({
      ok: true,
      mutation: 'setStatus',
      args: { to: 'in_transit', source: 'gps' },
    });
  });

  it('never overwrites a later manual change, and is idempotent', () => {
    expect(planAutoMark('arrival', order({}), 'drv1', T0, T0 + 1)).toEqual({ ok: false, skip: 'later_manual_change' });
    expect(planAutoMark('arrival', order({ subMark: 'arrived' }), 'drv1', T0, null)).toEqual({ ok: false, skip: 'not_applicable' });
    expect(planAutoMark('departure', order({ status: 'in_transit' }), 'drv1', T0, null)).toEqual({ ok: false, skip: 'not_applicable' });
    expect(planAutoMark('arrival', order({ driverId: 'drv2' }), 'drv1', T0, null)).toEqual({ ok: false, skip: 'other_driver' });
  });
});
