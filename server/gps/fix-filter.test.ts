import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER_CONFIG, EMPTY_FILTER_STATE, filterFix, type FilterState, type FilterStep } from './fix-filter';
import type { GpsFix } from './gps-fix';

const T0 = Date.UTC(2024, 6, 1, 10, 0, 0);
const M_PER_DEG_LAT = 111_195.08;
const BASE = { lat: 51.128, lon: 71.43 };
const cfg = DEFAULT_FILTER_CONFIG;

/** A fix `north` metres north of BASE, `sec` seconds after T0. */
function fix(sec: number, north = 0, extra: Partial<GpsFix> = {}): GpsFix {
  return {
    deviceId: 'd1',
    fixAt: T0 + sec * 1000,
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

/** Runs fixes through the filter, `now` = each fix's time + 1 s. */
function run(fixes: GpsFix[], start: FilterState = EMPTY_FILTER_STATE): { state: FilterState; steps: FilterStep[] } {
  let state = start;
  const steps: FilterStep[] = [];
  for (const f of fixes) {
    const step = filterFix(state, f, f.fixAt + 1000, cfg);
    steps.push(step);
    state = step.state;
  }
  return { state, steps };
}

const outcomes = (steps: FilterStep[]) =>
  steps.map((s) => (s.outcome.kind === 'rejected' ? s.outcome.reason : s.outcome.kind === 'advance' && s.outcome.held ? 'held' : s.outcome.kind));

describe('filterFix', () => {
  it('accepts a first fix and a plausible drive', () => {
    const { state, steps } = run([fix(0), fix(10, 150), fix(20, 300)]); // 54 km/h
    expect(outcomes(steps)).toEqual(['advance', 'advance', 'advance']);
    expect(state.shown?.fixAt).toBe(T0 + 20_000);
  });

  it.each([
    ['latitude above 90', fix(0, 0, { lat: 90.5 })],
    ['longitude below -180', fix(0, 0, { lon: -180.01 })],
    ['NaN', fix(0, 0, { lat: Number.NaN })],
    ['a fix the phone marked invalid', fix(0, 0, { valid: false })],
  ])('rejects %s as invalid coordinates, leaving the state alone', (_name, bad) => {
    const before = run([fix(-10)]).state;
    const step = filterFix(before, bad, T0, cfg);
    expect(step.outcome).toEqual({ kind: 'rejected', reason: 'invalid_coordinates' });
    expect(step.state).toBe(before);
  });

  it('rejects 0/0', () => {
    expect(filterFix(EMPTY_FILTER_STATE, fix(0, 0, { lat: 0, lon: 0 }), T0, cfg).outcome).toEqual({ kind: 'rejected', reason: 'null_island' });
  });

  it('rejects a fix from the future beyond the clock skew, but allows the skew', () => {
    expect(filterFix(EMPTY_FILTER_STATE, fix(61), T0, cfg).outcome).toEqual({ kind: 'rejected', reason: 'future' });
    expect(filterFix(EMPTY_FILTER_STATE, fix(59), T0, cfg).outcome.kind).toBe('advance');
  });

  it('rejects poor accuracy and treats accuracy 0 (Traccar Client GPS fix) as good', () => {
    expect(filterFix(EMPTY_FILTER_STATE, fix(0, 0, { accuracyM: 150 }), T0, cfg).outcome).toEqual({ kind: 'rejected', reason: 'poor_accuracy' });
    expect(filterFix(EMPTY_FILTER_STATE, fix(0, 0, { accuracyM: 0 }), T0, cfg).outcome.kind).toBe('advance');
    expect(filterFix(EMPTY_FILTER_STATE, fix(0, 0, { accuracyM: null }), T0, cfg).outcome.kind).toBe('advance');
  });

  it('rejects an exact duplicate and counts the repeat', () => {
    const { state, steps } = run([fix(0), fix(10, 100), fix(10, 100)]);
    expect(outcomes(steps)).toEqual(['advance', 'advance', 'duplicate']);
    expect(state.repeats).toBe(1);
    expect(state.shown?.fixAt).toBe(T0 + 10_000);
  });

  it('rejects a different fix with the same time as stale', () => {
    expect(outcomes(run([fix(0), fix(0, 40)]).steps)).toEqual(['advance', 'stale']);
  });

  it('puts a fix that arrives late within the reorder window into the track, not the marker', () => {
    const { state, steps } = run([fix(0), fix(10, 100), fix(6, 60), fix(6, 60)]);
    expect(outcomes(steps)).toEqual(['advance', 'advance', 'late', 'duplicate']);
    expect(state.shown?.fixAt).toBe(T0 + 10_000);
  });

  it('rejects a fix older than the reorder window as stale', () => {
    expect(outcomes(run([fix(0), fix(30, 300), fix(20, 200)]).steps)).toEqual(['advance', 'advance', 'stale']);
  });

  it('rejects an implausible jump (over 200 km/h) and keeps the old position', () => {
    const { state, steps } = run([fix(0), fix(10, 1000)]); // 1 km in 10 s = 360 km/h
    expect(outcomes(steps)).toEqual(['advance', 'jump']);
    expect(state.shown?.fixAt).toBe(T0);
  });

  it('honours a configured speed limit', () => {
    const slow = { ...cfg, maxSpeedKmh: 30 };
    const first = filterFix(EMPTY_FILTER_STATE, fix(0), T0, slow).state;
    expect(filterFix(first, fix(10, 150), T0 + 11_000, slow).outcome).toEqual({ kind: 'rejected', reason: 'jump' });
  });

  it('relocates after three consecutive jumps that agree with each other', () => {
    const far = 50_000;
    const { state, steps } = run([fix(0), fix(10, far), fix(20, far + 100), fix(30, far + 200)]);
    expect(outcomes(steps)).toEqual(['advance', 'jump', 'jump', 'advance']);
    expect(steps[3]?.outcome).toEqual({ kind: 'advance', held: false, relocated: true });
    expect(state.shown?.fixAt).toBe(T0 + 30_000);
  });

  it('does not relocate on scattered glitches', () => {
    const { steps } = run([fix(0), fix(10, 50_000), fix(20, -80_000), fix(30, 50_000)]);
    expect(outcomes(steps)).toEqual(['advance', 'jump', 'jump', 'jump']);
  });

  it('holds the old point while parked (moves within both accuracies) and advances the time', () => {
    const { state, steps } = run([fix(0, 0, { accuracyM: 10 }), fix(30, 8, { accuracyM: 10 }), fix(60, -12, { accuracyM: 10 })]);
    expect(outcomes(steps)).toEqual(['advance', 'held', 'held']);
    expect(state.shown?.lat).toBe(BASE.lat);
    expect(state.shown?.fixAt).toBe(T0 + 60_000);
  });

  it('lets creeping movement through once it leaves the held point', () => {
    const { state, steps } = run([fix(0), fix(5, 6), fix(10, 12)]); // 5 + 5 m accuracy
    expect(outcomes(steps)).toEqual(['advance', 'held', 'advance']);
    expect(state.shown?.lat).toBeCloseTo(BASE.lat + 12 / M_PER_DEG_LAT, 9);
  });

  it('resets the repeat count when a fresh fix arrives', () => {
    const { state } = run([fix(0), fix(0), fix(0), fix(10, 100)]);
    expect(state.repeats).toBe(0);
  });
});
