// Distances, geofences, bearings and simple ETAs on a spherical Earth. Haversine is within
// ~0.5% of the ellipsoid, far below GPS noise at city scale, and cheap enough to run for every
// fix against every open order. Invalid coordinates throw: they are a bug upstream (the GPS
// ingest filters ranges first), and a silent NaN distance would hide it.

export interface LatLon {
  lat: number;
  lon: number;
}

export const EARTH_RADIUS_M = 6_371_008.8;
/** "Arrived" means inside this radius around the address (domain brief). */
export const DEFAULT_GEOFENCE_RADIUS_M = 100;
/** Average city speed with stops and traffic, used when the vehicle stands or speed is unknown. */
export const DEFAULT_CITY_SPEED_KMH = 25;
/** Below this the vehicle is standing (lights, loading); its momentary speed says nothing about arrival. */
export const MIN_MOVING_SPEED_KMH = 5;

const RAD = Math.PI / 180;

function checkPoint(p: LatLon, name: string): void {
  // A missing point is refused first; Number.isFinite never coerces, so a string or NaN
  // coordinate is refused too.
  if (p == null || !Number.isFinite(p.lat) || !Number.isFinite(p.lon) || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) {
    throw new RangeError(`Invalid coordinates for ${name}: ${JSON.stringify(p)}`);
  }
}

/** Great-circle distance in metres. */
export function distanceMeters(a: LatLon, b: LatLon): number {
  checkPoint(a, 'the first point');
  checkPoint(b, 'the second point');
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether `point` is inside the circle (edge included). */
export function insideGeofence(point: LatLon, center: LatLon, radiusM: number = DEFAULT_GEOFENCE_RADIUS_M): boolean {
  if (!Number.isFinite(radiusM) || radiusM < 0) throw new RangeError(`Invalid geofence radius: ${radiusM}`);
  return distanceMeters(point, center) <= radiusM;
}

/**
 * Minutes to cover `distanceM` at `speedKmh`, rounded up to a whole minute (a forecast of
 * "~18:20" should not promise early). A missing, standing or absurd speed uses the city average.
 */
export function etaMinutes(distanceM: number, speedKmh?: number | null): number {
  if (!Number.isFinite(distanceM) || distanceM < 0) throw new RangeError(`Invalid distance: ${distanceM}`);
  const given = speedKmh ?? Number.NaN; // unknown: not finite, so the city average
  const speed = Number.isFinite(given) && given >= MIN_MOVING_SPEED_KMH ? given : DEFAULT_CITY_SPEED_KMH;
  // The epsilon keeps float noise (6.000000000000001) from adding a whole minute.
  return Math.max(0, Math.ceil((distanceM / 1000 / speed) * 60 - 1e-9));
}

/** Initial bearing from `from` to `to`, degrees clockwise from north in [0, 360). */
export function bearingDegrees(from: LatLon, to: LatLon): number {
  checkPoint(from, 'the start point');
  checkPoint(to, 'the end point');
  const f1 = from.lat * RAD;
  const f2 = to.lat * RAD;
  const dl = (to.lon - from.lon) * RAD;
  const y = Math.sin(dl) * Math.cos(f2);
  const x = Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl);
  const deg = Math.atan2(y, x) / RAD;
  // % is exact in floating point, so the result is in [0, 360) even where -1e-15 + 360 rounds to 360.
  return ((deg % 360) + 360) % 360;
}

/** "850 m", "4.2 km", "120 km": the way a dispatcher says it on the phone. */
export function formatDistance(distanceM: number): string {
  if (distanceM < 1000) return `${Math.round(distanceM / 10) * 10} m`;
  if (distanceM < 100_000) return `${(distanceM / 1000).toFixed(1)} km`;
  return `${Math.round(distanceM / 1000)} km`;
}

/** The one of `all` closest to `at` (straight line), or undefined for an empty list. */
export function nearest<W extends LatLon>(all: readonly W[], at: LatLon): W | undefined {
  let best: W | undefined;
  let bestD = Infinity;
  for (const w of all) {
    const d = distanceMeters(w, at);
    if (d < bestD) {
      best = w;
      bestD = d;
    }
  }
  return best;
}
