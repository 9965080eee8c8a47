// Moving a point across a city: straight legs between waypoints (no road graph: good enough
// for a living demo map), and GPS noise like a phone's.
import { bearingDegrees, distanceMeters, type LatLon } from '../shared/domain/geo';
import type { Rng } from '../shared/demo/prng';

const M_PER_DEG_LAT = 111_195;

export interface Step {
  pos: LatLon;
  headingDeg: number;
  arrived: boolean;
}

/** Moves up to `metres` from `from` towards `to`; lands exactly on `to` when it is closer. */
export function moveToward(from: LatLon, to: LatLon, metres: number): Step {
  const d = distanceMeters(from, to);
  if (d <= metres || d < 0.5) return { pos: { lat: to.lat, lon: to.lon }, headingDeg: d < 0.5 ? 0 : bearingDegrees(from, to), arrived: true };
  const f = metres / d;
  return {
    pos: { lat: from.lat + (to.lat - from.lat) * f, lon: from.lon + (to.lon - from.lon) * f },
    headingDeg: bearingDegrees(from, to),
    arrived: false,
  };
}

/** A point `sigmaM`-ish metres around `p` (roughly normal), like a phone's fix scatter. */
export function jitter(p: LatLon, sigmaM: number, rng: Rng): LatLon {
  const dLat = (rng.spread(2) * sigmaM) / M_PER_DEG_LAT;
  const dLon = (rng.spread(2) * sigmaM) / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180));
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/** A point `metres` away from `p` in a random direction. */
export function around(p: LatLon, metres: number, rng: Rng): LatLon {
  const angle = rng.float(0, 2 * Math.PI);
  const r = metres * Math.sqrt(rng.next());
  return {
    lat: p.lat + (Math.cos(angle) * r) / M_PER_DEG_LAT,
    lon: p.lon + (Math.sin(angle) * r) / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)),
  };
}

/** A kink halfway, so legs don't all look like rulers on the map. */
export function midWaypoint(from: LatLon, to: LatLon, rng: Rng): LatLon {
  const d = distanceMeters(from, to);
  const mid = { lat: (from.lat + to.lat) / 2, lon: (from.lon + to.lon) / 2 };
  return around(mid, Math.min(1500, d * 0.2), rng);
}
