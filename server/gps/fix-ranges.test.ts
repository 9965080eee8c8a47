import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GpsFix } from './gps-fix';
import { dropOutOfRange, FIELD_RANGES } from './fix-ranges';

const fix: GpsFix = {
  deviceId: 'p1',
  fixAt: 1,
  lat: 51.1,
  lon: 71.4,
  speedKmh: 40,
  headingDeg: 90,
  altitudeM: 350,
  accuracyM: 5,
  battery: 80,
  charging: false,
  moving: true,
  valid: true,
};

describe('dropOutOfRange', () => {
  it('keeps a fix whose fields are all in range, unchanged', () => {
    expect(dropOutOfRange(fix)).toEqual({ fix, dropped: [] });
    expect(dropOutOfRange({ ...fix, headingDeg: 360, battery: 0, speedKmh: 0, accuracyM: 0 }).dropped).toEqual([]);
  });

  it('drops speed, battery and heading of 1e9 and keeps the rest', () => {
    const r = dropOutOfRange({ ...fix, speedKmh: 1e9, battery: 1e9, headingDeg: 1e9 });
    expect(r.dropped).toEqual(['speed', 'heading', 'battery']);
    expect(r.fix).toEqual({ ...fix, speedKmh: null, headingDeg: null, battery: null });
  });

  it('drops negative accuracy and speed, non-finite values, battery above 100, heading above 360, absurd altitude', () => {
    const r = dropOutOfRange({ ...fix, accuracyM: -1, speedKmh: Number.POSITIVE_INFINITY, battery: 100.5, headingDeg: 361, altitudeM: Number.NaN });
    expect(r.dropped.sort()).toEqual(['accuracy', 'altitude', 'battery', 'heading', 'speed']);
    expect(dropOutOfRange({ ...fix, altitudeM: 40_000 }).dropped).toEqual(['altitude']);
  });

  it('never returns an out-of-range value, whatever comes in', () => {
    const value = fc.oneof(fc.double(), fc.constant(null));
    fc.assert(
      fc.property(value, value, value, value, value, (speedKmh, headingDeg, altitudeM, accuracyM, battery) => {
        const out = dropOutOfRange({ ...fix, speedKmh, headingDeg, altitudeM, accuracyM, battery }).fix;
        const check = (v: number | null, r: { min: number; max: number }) => v === null || (v >= r.min && v <= r.max);
        return (
          check(out.speedKmh, FIELD_RANGES.speed) &&
          check(out.headingDeg, FIELD_RANGES.heading) &&
          check(out.altitudeM, FIELD_RANGES.altitude) &&
          check(out.accuracyM, FIELD_RANGES.accuracy) &&
          check(out.battery, FIELD_RANGES.battery) &&
          out.lat === fix.lat
        );
      }),
    );
  });
});
