// Speeds learned from the fleet's own GPS tracks, per city and local hour of day. What is
// learned is the *approach speed*: how fast the straight-line distance to the destination
// shrinks while a driver is on a leg (left the warehouse -> arrived). It folds the road
// network's detours, traffic lights and jams into one number, so a prediction needs only the
// straight-line distance, which is all the server and the desktops know without a road graph.
import { distanceMeters, type LatLon } from '../domain/geo';

export interface TrackPoint {
  fixAt: number;
  lat: number;
  lon: number;
}

/** One driven leg: the track between departure and arrival, and where it went. */
export interface LearnLeg {
  destination: LatLon;
  /** The leg's fixes, oldest first. */
  points: readonly TrackPoint[];
}

export interface SpeedBucket {
  city: string;
  /** Local hour of day, 0-23. */
  hour: number;
  /** Straight-line approach speed, km/h. */
  kmh: number;
  /** Seconds of driving the figure rests on. */
  seconds: number;
}

/** A bucket needs this much driving before it is trusted over the fallback. */
export const MIN_LEARNED_SECONDS = 15 * 60;
/** Fix gaps longer than this are a lost signal, not driving. */
const MAX_GAP_MS = 5 * 60_000;
/** Faster than this towards a point is a bad fix. */
const MAX_APPROACH_KMH = 150;

export interface CityLocator {
  /** The city a point lies in (or 'other'). */
  cityOf(p: LatLon): string;
  /** Minutes east of UTC for local hours (Kazakhstan: +300). */
  utcOffsetMinutes: number;
}

export function localHour(at: number, utcOffsetMinutes: number): number {
  const minutes = Math.floor(at / 60_000) + utcOffsetMinutes;
  return (((Math.floor(minutes / 60) % 24) + 24) % 24) as number;
}

/**
 * Approach speeds per (city, hour) from driven legs. Each pair of consecutive fixes adds the
 * straight-line progress it made towards the leg's destination and the time it took to the
 * bucket of its start. Bad pairs (time going backwards, gaps, impossible speeds) are skipped.
 */
export function learnSpeeds(legs: Iterable<LearnLeg>, locator: CityLocator): SpeedBucket[] {
  const sums = new Map<string, { city: string; hour: number; metres: number; ms: number }>();
  for (const leg of legs) {
    const pts = leg.points;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as TrackPoint;
      const b = pts[i] as TrackPoint;
      const dt = b.fixAt - a.fixAt;
      if (!(dt > 0) || dt > MAX_GAP_MS) continue;
      let progress: number;
      try {
        progress = distanceMeters(a, leg.destination) - distanceMeters(b, leg.destination);
      } catch {
        continue; // a broken coordinate in the track: skip the pair
      }
      if ((Math.abs(progress) / dt) * 3600 > MAX_APPROACH_KMH) continue;
      const city = locator.cityOf(a);
      const hour = localHour(a.fixAt, locator.utcOffsetMinutes);
      const key = `${city}\u0000${hour}`;
      const s = sums.get(key) ?? { city, hour, metres: 0, ms: 0 };
      s.metres += progress;
      s.ms += dt;
      sums.set(key, s);
    }
  }
  const out: SpeedBucket[] = [];
  for (const s of sums.values()) {
    if (s.ms <= 0 || s.metres <= 0) continue;
    out.push({ city: s.city, hour: s.hour, kmh: round1((s.metres / s.ms) * 3600), seconds: Math.round(s.ms / 1000) });
  }
  return out.sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : a.hour - b.hour));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Learned speeds by city and hour, for lookups. */
export class SpeedTable {
  private readonly byKey = new Map<string, SpeedBucket>();

  constructor(buckets: Iterable<SpeedBucket>) {
    for (const b of buckets) this.byKey.set(`${b.city}\u0000${b.hour}`, b);
  }

  /** The learned bucket for the city and hour when it rests on enough driving; else null. */
  lookup(city: string, hour: number): SpeedBucket | null {
    const b = this.byKey.get(`${city}\u0000${hour}`);
    return b !== undefined && b.seconds >= MIN_LEARNED_SECONDS && b.kmh > 0 ? b : null;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** The nearest city of a list within `radiusM`, else 'other'. */
export function nearestCityLocator(cities: Readonly<Record<string, LatLon>>, utcOffsetMinutes: number, radiusM = 60_000): CityLocator {
  const list = Object.entries(cities);
  return {
    utcOffsetMinutes,
    cityOf(p) {
      let best = 'other';
      let bestD = radiusM;
      for (const [name, c] of list) {
        const d = distanceMeters(p, c);
        if (d <= bestD) {
          best = name;
          bestD = d;
        }
      }
      return best;
    },
  };
}
