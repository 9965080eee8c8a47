// The GPS filter at its exact edges, written against the mutants StrykerJS found alive
// (`npm run test:mutation -- --mutate server/gps/fix-filter.ts`): every limit is inclusive on
// the accepting side, accuracies are granted to both fixes, and the bookkeeping of recent fix
// times and jump candidates decides duplicate vs late vs stale and when a driver relocates.
// Code that only equivalent mutants showed to be dead is deleted (impliedSpeedKmh's zero guards,
// the late path's window filter, the jump chain's slice); the equivalent mutants that remain
// carry a `Stryker disable` comment with their reason in fix-filter.ts.
import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../shared/domain/geo';
import { DEFAULT_FILTER_CONFIG, EMPTY_FILTER_STATE, effectiveAccuracy, filterFix, type FilterConfig, type FilterState, type FilterStep } from './fix-filter';
import type { GpsFix } from './gps-fix';

const T0 = Date.UTC(2024, 6, 1, 10, 0, 0);
const M_PER_DEG_LAT = 111_195.08;
const BASE = { lat: 51.128, lon: 71.43 };
const cfg = DEFAULT_FILTER_CONFIG;

function fix(ms: number, north = 0, extra: Partial<GpsFix> = {}): GpsFix {
  return {
    deviceId: 'd1',
    fixAt: T0 + ms,
    lat: BASE.lat + north / M_PER_DEG_LAT,
    lon: BASE.lon,
    speedKmh: null,
    headingDeg: null,
    altitudeM: null,
    accuracyM: 5,
    battery: null,
    charging: null,
    moving: null,
    valid: true,
    ...extra,
  };
}

function run(fixes: GpsFix[], c: FilterConfig = cfg, start: FilterState = EMPTY_FILTER_STATE): { state: FilterState; steps: FilterStep[] } {
  let state = start;
  const steps: FilterStep[] = [];
  for (const f of fixes) {
    const step = filterFix(state, f, f.fixAt + 1000, c);
    steps.push(step);
    state = step.state;
  }
  return { state, steps };
}
const outcomes = (r: { steps: FilterStep[] }): string[] => r.steps.map((s) => (s.outcome.kind === 'rejected' ? s.outcome.reason : s.outcome.kind));

/** The filter's speed between two points without accuracies, computed the way it does. */
function speedKmh(a: GpsFix, b: GpsFix, grant = 0): number {
  const hours = Math.abs(b.fixAt - a.fixAt) / 3_600_000;
  const metres = Math.max(0, distanceMeters(a, b) - grant);
  return metres / 1000 / hours;
}

describe('fix filter: accuracy', () => {
  it('accuracy 0, none or negative stands for the nominal accuracy; anything above 0 is taken as given', () => {
    expect(effectiveAccuracy(null, cfg)).toBe(10);
    expect(effectiveAccuracy(0, cfg)).toBe(10);
    expect(effectiveAccuracy(-3, cfg)).toBe(10);
    expect(effectiveAccuracy(0.5, cfg)).toBe(0.5);
    expect(effectiveAccuracy(42, cfg)).toBe(42);
  });

  it('a GPS fix (accuracy 0) is granted 10 m: a 15 m move between two of them is parking jitter', () => {
    const r = run([fix(0, 0, { accuracyM: 0 }), fix(10_000, 15, { accuracyM: 0 })]);
    expect(r.steps[1]?.outcome).toEqual({ kind: 'advance', held: true, relocated: false });
  });

  it('accuracy exactly at the limit is kept; just worse is rejected', () => {
    expect(outcomes(run([fix(0, 0, { accuracyM: 100 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { accuracyM: 100.5 })]))).toEqual(['poor_accuracy']);
  });
});

describe('fix filter: coordinates and clock', () => {
  it('the poles and the antimeridian are real places; beyond them is not', () => {
    expect(outcomes(run([fix(0, 0, { lat: 90, lon: 0.5 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: -90, lon: 0.5 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: 10, lon: 180 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: 10, lon: -180 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: 90.000001, lon: 1 })]))).toEqual(['invalid_coordinates']);
    expect(outcomes(run([fix(0, 0, { lat: 1, lon: -180.000001 })]))).toEqual(['invalid_coordinates']);
  });

  it('only exactly 0/0 is null island: the equator and the Greenwich meridian are not', () => {
    expect(outcomes(run([fix(0, 0, { lat: 0, lon: 71.43 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: 51.5, lon: 0 })]))).toEqual(['advance']);
    expect(outcomes(run([fix(0, 0, { lat: 0, lon: 0 })]))).toEqual(['null_island']);
  });

  it('a phone clock exactly 60 s ahead is accepted; a millisecond more is the future', () => {
    const now = T0;
    expect(filterFix(EMPTY_FILTER_STATE, fix(60_000), now, cfg).outcome.kind).toBe('advance');
    expect(filterFix(EMPTY_FILTER_STATE, fix(60_001), now, cfg).outcome).toEqual({ kind: 'rejected', reason: 'future' });
  });
});

describe('fix filter: order of fixes', () => {
  it('the first fix advances, neither held nor relocated; a real move replaces the shown point', () => {
    const r = run([fix(0), fix(30_000, 300)]);
    expect(r.steps.map((s) => s.outcome)).toEqual([
      { kind: 'advance', held: false, relocated: false },
      { kind: 'advance', held: false, relocated: false },
    ]);
    expect(r.state.shown).toMatchObject({ fixAt: T0 + 30_000, lat: BASE.lat + 300 / M_PER_DEG_LAT, rawLat: BASE.lat + 300 / M_PER_DEG_LAT });
  });

  it('the same fix time again: a duplicate when the point is the same, stale when it differs', () => {
    expect(outcomes(run([fix(0), fix(0)]))).toEqual(['advance', 'duplicate']);
    expect(outcomes(run([fix(0), fix(0, 40)]))).toEqual(['advance', 'stale']);
    // Only the longitude moved: still a different point.
    expect(outcomes(run([fix(0), fix(0, 0, { lon: BASE.lon + 0.001 })]))).toEqual(['advance', 'stale']);
  });

  it('the reorder window is inclusive: exactly 5 s older is late, 5.001 s is stale', () => {
    expect(outcomes(run([fix(10_000), fix(5_000)]))).toEqual(['advance', 'late']);
    expect(outcomes(run([fix(10_000), fix(4_999)]))).toEqual(['advance', 'stale']);
  });

  it('remembers the previous shown time for the window: its repeat is a duplicate, not a late fix', () => {
    // Shown 10 s, then 15 s: 10 s is exactly at the window's edge and still remembered.
    expect(outcomes(run([fix(10_000), fix(15_000, 100), fix(10_000)]))).toEqual(['advance', 'advance', 'duplicate']);
    // A late fix is remembered too, and forgotten once the window has moved past it.
    expect(outcomes(run([fix(10_000), fix(5_000, 20), fix(5_000, 20), fix(11_000, 60), fix(5_000, 20)]))).toEqual([
      'advance',
      'late',
      'duplicate',
      'advance',
      'stale',
    ]);
  });
});

describe('fix filter: speed and jitter at their edges', () => {
  it('both fixes are granted their accuracy before the speed is judged, and the limit itself is allowed', () => {
    const a = fix(0, 0, { accuracyM: 10 });
    const b = fix(18_000, 1020, { accuracyM: 10 });
    // Exactly at the limit once 10 + 10 m are granted: accepted.
    const exact: FilterConfig = { ...cfg, maxSpeedKmh: speedKmh(a, b, 20) };
    expect(outcomes(run([a, b], exact))).toEqual(['advance', 'advance']);
    // Granting only one accuracy (or none) would make it a jump.
    expect(speedKmh(a, b, 10)).toBeGreaterThan(exact.maxSpeedKmh);
    const slower: FilterConfig = { ...cfg, maxSpeedKmh: speedKmh(a, b, 20) * 0.999 };
    expect(outcomes(run([a, b], slower))).toEqual(['advance', 'jump']);
  });

  it('a move exactly the two accuracies long is a real move, not jitter', () => {
    const a = fix(0, 0);
    const b = fix(30_000, 50);
    const half = distanceMeters(a, b) / 2;
    const r = run([{ ...a, accuracyM: half }, { ...b, accuracyM: half }]);
    expect(r.steps[1]?.outcome).toEqual({ kind: 'advance', held: false, relocated: false });
    const inside = run([{ ...a, accuracyM: half + 0.01 }, { ...b, accuracyM: half }]);
    expect(inside.steps[1]?.outcome).toEqual({ kind: 'advance', held: true, relocated: false });
  });
});

describe('fix filter: jumps and relocation', () => {
  const FAR = 50_000; // 50 km north: a jump from BASE in any of these intervals

  it('three jumps that agree relocate; the relocated fix starts a fresh window', () => {
    const r = run([fix(0), fix(10_000, FAR), fix(20_000, FAR + 100), fix(30_000, FAR + 200), fix(26_000, FAR + 150)]);
    expect(outcomes(r)).toEqual(['advance', 'jump', 'jump', 'advance', 'late']);
    expect(r.steps[3]?.outcome).toEqual({ kind: 'advance', held: false, relocated: true });
  });

  it('jump candidates must move forward in time: a repeated or earlier time breaks the chain', () => {
    expect(outcomes(run([fix(0), fix(20_000, FAR), fix(20_000, FAR), fix(30_000, FAR)]))).toEqual(['advance', 'jump', 'jump', 'jump']);
    expect(outcomes(run([fix(0), fix(20_000, FAR), fix(10_000, FAR), fix(30_000, FAR)]))).toEqual(['advance', 'jump', 'jump', 'jump']);
  });

  it('candidates moving exactly at the speed limit still agree', () => {
    const c1 = fix(10_000, FAR);
    const c2 = fix(20_000, FAR + 500);
    const edge: FilterConfig = { ...cfg, maxSpeedKmh: speedKmh(c1, c2) };
    const r = run([fix(0), c1, c2, fix(30_000, FAR + 500)], edge);
    expect(outcomes(r)).toEqual(['advance', 'jump', 'jump', 'advance']);
  });

  it('a jump that disagrees with the chain starts a new chain with itself', () => {
    // A, then B far from A: the chain restarts at B, so B, C, D relocate at D.
    const r = run([fix(0), fix(10_000, FAR), fix(20_000, -FAR), fix(30_000, -FAR - 100), fix(40_000, -FAR - 200)]);
    expect(outcomes(r)).toEqual(['advance', 'jump', 'jump', 'jump', 'advance']);
    expect(r.state.shown?.fixAt).toBe(T0 + 40_000);
  });
});
