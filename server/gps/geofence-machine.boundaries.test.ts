// The geofence machines at their exact edges and after they fired, written against the mutants
// StrykerJS found alive: the radius is inclusive, the exit ring too, an inaccurate fix moves
// nothing (not even the dwell), and a fired fence stays fired.
// The 'between' zone's name is an equivalent mutant, marked in geofence-machine.ts; departure's
// early return for an ignored fix was dead (an ignored zone is neither 'in' nor 'out') and is gone.
import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../shared/domain/geo';
import { ARRIVAL_START, DEFAULT_GEOFENCE_CONFIG, DEPARTURE_START, stepArrival, stepDeparture, type ArrivalState, type DepartureState, type FencePoint, type GeofenceConfig } from './geofence-machine';

const T0 = Date.UTC(2024, 6, 1, 10, 0, 0);
const M_PER_DEG_LAT = 111_195.08;
const CENTER = { lat: 43.2389, lon: 76.8897 };
const cfg = DEFAULT_GEOFENCE_CONFIG;
const at = (sec: number, metres: number, accuracyM = 5): FencePoint => ({ lat: CENTER.lat + metres / M_PER_DEG_LAT, lon: CENTER.lon, fixAt: T0 + sec * 1000, accuracyM });

function arrival(points: FencePoint[], c: GeofenceConfig = cfg, start: ArrivalState = ARRIVAL_START) {
  let state = start;
  const fires: number[] = [];
  for (const p of points) {
    const s = stepArrival(state, p, CENTER, c);
    state = s.state;
    if (s.fire) fires.push(p.fixAt);
  }
  return { state, fires };
}
function departure(points: FencePoint[], c: GeofenceConfig = cfg, start: DepartureState = DEPARTURE_START) {
  let state = start;
  const fires: number[] = [];
  const states: DepartureState[] = [];
  for (const p of points) {
    const s = stepDeparture(state, p, CENTER, c);
    state = s.state;
    states.push(state);
    if (s.fire) fires.push(p.fixAt);
  }
  return { state, fires, states };
}

describe('geofence edges', () => {
  it('a fix exactly on the radius is inside', () => {
    const p = at(0, 80);
    const exact: GeofenceConfig = { ...cfg, arrivalRadiusM: distanceMeters(p, CENTER), dwellMs: 0 };
    expect(arrival([p], exact).fires).toEqual([p.fixAt]);
    expect(arrival([p], { ...exact, arrivalRadiusM: exact.arrivalRadiusM * 0.999 }).fires).toEqual([]);
  });

  it('a fix exactly on the exit ring has not left yet; beyond it has', () => {
    const ring = at(60, 200);
    const d = distanceMeters(ring, CENTER);
    // radius d/2 and exit factor 2: the ring at exactly d (halving and doubling are exact).
    const exact: GeofenceConfig = { ...cfg, warehouseRadiusM: d / 2, exitFactor: 2 };
    expect(departure([at(0, 0), ring], exact).fires).toEqual([]);
    expect(departure([at(0, 0), ring], { ...exact, exitFactor: 1.999 }).fires).toEqual([ring.fixAt]);
  });

  it('accuracy exactly at the limit counts; worse is ignored', () => {
    expect(arrival([at(0, 0, 50), at(60, 0, 50)]).fires).toEqual([T0 + 60_000]);
    expect(arrival([at(0, 0, 50.5), at(60, 0, 50.5)]).fires).toEqual([]);
  });
});

describe('inaccurate fixes move nothing', () => {
  it('an inaccurate fix after the dwell does not fire the arrival, and does not end the stay either', () => {
    const r = arrival([at(0, 0), at(70, 0, 80), at(80, 5000, 80)]);
    expect(r.fires).toEqual([]);
    expect(r.state).toEqual({ phase: 'in', since: T0 });
    expect(arrival([at(0, 0), at(70, 0, 80), at(90, 10)]).fires).toEqual([T0 + 90_000]);
  });

  it('an inaccurate fix far outside does not count as leaving the warehouse', () => {
    const r = departure([at(0, 0), at(30, 5000, 80)]);
    expect(r.fires).toEqual([]);
    expect(r.state).toEqual({ phase: 'in' });
    expect(departure([at(0, 5000, 80)]).state).toEqual({ phase: 'unseen' });
  });
});

describe('fired fences stay fired', () => {
  it('arrival fires once even if the driver leaves and comes back for another dwell', () => {
    const r = arrival([at(0, 0), at(60, 0), at(120, 5000), at(180, 0), at(300, 0)]);
    expect(r.fires).toEqual([T0 + 60_000]);
    expect(r.state).toEqual({ phase: 'fired', at: T0 + 60_000 });
  });

  it('departure fires once; the first fix inside is remembered as "in" exactly', () => {
    const r = departure([at(0, 0), at(30, 1000), at(60, 0), at(90, 1000)]);
    expect(r.states[0]).toEqual({ phase: 'in' });
    expect(r.fires).toEqual([T0 + 30_000]);
    expect(r.state).toEqual({ phase: 'fired', at: T0 + 30_000 });
    expect(departure([at(0, 1000)]).states).toEqual([{ phase: 'unseen' }]);
  });
});
