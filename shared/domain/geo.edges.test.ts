// The edges of the geometry that StrykerJS found unpinned: which point a refusal names, the
// geofence's edge and zero radius, the moving-speed threshold, the bearing off the equator,
// the distance wording's switch points, and the first of equally near warehouses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY_SPEED_KMH, MIN_MOVING_SPEED_KMH, bearingDegrees, distanceMeters, etaMinutes, formatDistance, insideGeofence, nearest, type LatLon } from './geo';

const ASTANA: LatLon = { lat: 51.1694, lon: 71.4491 };
const ALMATY: LatLon = { lat: 43.2383, lon: 76.9456 };

describe('coordinates refused with the point named', () => {
  it.each([
    [() => distanceMeters({ lat: 91, lon: 0 }, ASTANA), 'the first point'],
    [() => distanceMeters(ASTANA, { lat: 0, lon: 181 }), 'the second point'],
    [() => bearingDegrees({ lat: Number.NaN, lon: 0 }, ASTANA), 'the start point'],
    [() => bearingDegrees(ASTANA, { lat: 0, lon: -180.0001 }), 'the end point'],
  ])('%#: names %s', (call, name) => {
    expect(call).toThrow(new RegExp(`^Invalid coordinates for ${name}: `));
  });
  it('refuses a missing point with a RangeError, not a TypeError', () => {
    expect(() => distanceMeters(undefined as unknown as LatLon, ASTANA)).toThrow(RangeError);
    expect(() => distanceMeters({ lat: '51' as unknown as number, lon: 71 }, ASTANA)).toThrow(RangeError);
  });
  it('takes the poles and the antimeridian exactly', () => {
    expect(distanceMeters({ lat: 90, lon: 180 }, { lat: -90, lon: -180 })).toBeGreaterThan(2e7);
  });
});

describe('insideGeofence at its edge', () => {
  it('counts a point exactly on the circle as inside, and a zero radius as the centre alone', () => {
    const d = distanceMeters(ASTANA, ALMATY);
    expect(insideGeofence(ASTANA, ALMATY, d)).toBe(true);
    expect(insideGeofence(ASTANA, ASTANA, 0)).toBe(true);
    expect(insideGeofence(ALMATY, ASTANA, 0)).toBe(false);
  });
  it('names a bad radius', () => {
    expect(() => insideGeofence(ASTANA, ASTANA, -1)).toThrow(new RangeError('Invalid geofence radius: -1'));
  });
});

describe('etaMinutes at the moving threshold', () => {
  it('uses a speed of exactly the threshold, and the city speed for an infinite one', () => {
    expect(etaMinutes(5_000, MIN_MOVING_SPEED_KMH)).toBe(60);
    expect(etaMinutes(5_000, Number.POSITIVE_INFINITY)).toBe(Math.ceil((5 / DEFAULT_CITY_SPEED_KMH) * 60));
  });
  it('names a bad distance', () => {
    expect(() => etaMinutes(-5)).toThrow(new RangeError('Invalid distance: -5'));
  });
});

describe('bearingDegrees off the equator', () => {
  it('follows the great circle, not the rhumb line, from 60°N due east', () => {
    expect(bearingDegrees({ lat: 60, lon: 0 }, { lat: 60, lon: 10 })).toBeCloseTo(85.667126, 5);
  });
  it('stays below 360 for a hair west of north', () => {
    const b = bearingDegrees({ lat: 0, lon: 0 }, { lat: 1, lon: -1e-13 });
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(360);
  });
});

describe('formatDistance switch points', () => {
  it('says km from 1,000 m and whole km from 100 km', () => {
    expect(formatDistance(999)).toBe('1000 m');
    expect(formatDistance(1000)).toBe('1.0 km');
    expect(formatDistance(99_999)).toBe('100.0 km');
    expect(formatDistance(100_000)).toBe('100 km');
  });
});

describe('nearest', () => {
  it('keeps the first of equally near ones', () => {
    const a = { id: 'a', lat: 1, lon: 0 };
    const b = { id: 'b', lat: -1, lon: 0 };
    expect(nearest([a, b], { lat: 0, lon: 0 })?.id).toBe('a');
    expect(nearest([b, a], { lat: 0, lon: 0 })?.id).toBe('b');
  });
});
