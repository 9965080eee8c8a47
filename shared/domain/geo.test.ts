import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY_SPEED_KMH, bearingDegrees, distanceMeters, etaMinutes, formatDistance, insideGeofence } from './geo';

const ASTANA = { lat: 51.1694, lon: 71.4491 };
const ALMATY = { lat: 43.222, lon: 76.8512 };

/** A point `metres` north of p (1 degree of latitude ≈ 111.195 km on our sphere). */
function north(p: { lat: number; lon: number }, metres: number) {
  return { lat: p.lat + metres / 111_195.08, lon: p.lon };
}

describe('distanceMeters', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMeters(ASTANA, ASTANA)).toBe(0);
    expect(distanceMeters(ASTANA, ALMATY)).toBeCloseTo(distanceMeters(ALMATY, ASTANA), 6);
  });

  it('gives Astana-Almaty about 970 km and small steps to the metre', () => {
    expect(distanceMeters(ASTANA, ALMATY) / 1000).toBeGreaterThan(960);
    expect(distanceMeters(ASTANA, ALMATY) / 1000).toBeLessThan(980);
    expect(distanceMeters(ASTANA, north(ASTANA, 250))).toBeCloseTo(250, 0);
  });

  it('throws on invalid coordinates instead of returning NaN', () => {
    expect(() => distanceMeters({ lat: 91, lon: 0 }, ASTANA)).toThrow(RangeError);
    expect(() => distanceMeters(ASTANA, { lat: 0, lon: Number.NaN })).toThrow(/Invalid coordinates/);
  });
});

describe('insideGeofence', () => {
  it('uses a 100 m radius by default, edge included', () => {
    expect(insideGeofence(north(ASTANA, 99), ASTANA)).toBe(true);
    expect(insideGeofence(north(ASTANA, 101), ASTANA)).toBe(false);
    expect(insideGeofence(north(ASTANA, 180), ASTANA, 200)).toBe(true);
    expect(() => insideGeofence(ASTANA, ASTANA, -1)).toThrow(RangeError);
  });
});

describe('etaMinutes', () => {
  it('rounds up to whole minutes at the given speed', () => {
    expect(etaMinutes(4200, 42)).toBe(6);
    expect(etaMinutes(4201, 42)).toBe(7);
    expect(etaMinutes(0, 30)).toBe(0);
  });

  it('falls back to the city speed when standing, unknown or absurd', () => {
    const atCity = etaMinutes(10_000, DEFAULT_CITY_SPEED_KMH);
    expect(atCity).toBe(24);
    for (const speed of [0, 2, -5, null, undefined, Number.NaN]) expect(etaMinutes(10_000, speed)).toBe(atCity);
    expect(() => etaMinutes(-1, 30)).toThrow(RangeError);
  });
});

describe('bearingDegrees', () => {
  it('points north, east, south and west', () => {
    const c = { lat: 0, lon: 0 };
    expect(bearingDegrees(c, { lat: 1, lon: 0 })).toBeCloseTo(0, 6);
    expect(bearingDegrees(c, { lat: 0, lon: 1 })).toBeCloseTo(90, 6);
    expect(bearingDegrees(c, { lat: -1, lon: 0 })).toBeCloseTo(180, 6);
    expect(bearingDegrees(c, { lat: 0, lon: -1 })).toBeCloseTo(270, 6);
  });

  it('is in [0, 360) and Almaty lies south-east of Astana', () => {
    const b = bearingDegrees(ASTANA, ALMATY);
    expect(b).toBeGreaterThan(140);
    expect(b).toBeLessThan(170);
    expect(bearingDegrees(ASTANA, ASTANA)).toBe(0);
  });
});

describe('formatDistance', () => {
  it('speaks metres, tenths of km, then whole km', () => {
    expect(formatDistance(847)).toBe('850 m');
    expect(formatDistance(4200)).toBe('4.2 km');
    expect(formatDistance(120_400)).toBe('120 km');
  });
});
