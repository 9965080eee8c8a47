// The predicted arrival of an order: from the driver's last fix, through the stops still
// ahead of it in the driver's work, at the learned approach speed of each leg's city and
// hour (speed-profile.ts), or at straight-line distance x road factor / city speed where
// nothing is learned yet. Pure: the server (REST, tracking page, messages), the desktop
// (queue, card) and the benchmark all call this one function.
import { DEFAULT_CITY_SPEED_KMH, distanceMeters, etaMinutes, type LatLon } from '../domain/geo';
import type { Stop } from './driver-work';
import { localHour, type CityLocator, type SpeedTable } from './speed-profile';

/** Roads are longer than the straight line; used only where no speed is learned. */
export const ROAD_FACTOR = 1.3;
/** Minutes at a delivery address (hand-over) and at a warehouse (loading). */
export const DELIVERY_DWELL_MIN = 4;
export const PICKUP_DWELL_MIN = 4;
/** A fix older than this is stale: the band widens with its age. */
export const FRESH_FIX_MS = 60_000;

export interface PredictionInput {
  now: number;
  driver: { lat: number; lon: number; fixAt: number };
  /** From stopsThrough(): the stops ahead, the last one being the order's own delivery. */
  stops: readonly Stop[];
  speeds: SpeedTable;
  locator: CityLocator;
}

export interface PredictedArrival {
  /** Most likely arrival time (ms). */
  at: number;
  /** The band: earliest and latest plausible arrival. */
  earliest: number;
  latest: number;
  basis: {
    /** Stops before this order's own delivery (pickups included). */
    stopsAhead: number;
    /** Straight-line kilometres along the stops. */
    distanceKm: number;
    /** The speed of the first leg, km/h (approach speed when learned). */
    speedKmh: number;
    speedSource: 'learned' | 'fallback';
    fixAgeMs: number;
  };
}

/** The effective straight-line speed for a leg starting at `from` at time `at`. */
function legSpeed(from: LatLon, at: number, input: PredictionInput): { kmh: number; learned: boolean } {
  const city = input.locator.cityOf(from);
  const b = input.speeds.lookup(city, localHour(at, input.locator.utcOffsetMinutes));
  if (b !== null) return { kmh: b.kmh, learned: true };
  return { kmh: DEFAULT_CITY_SPEED_KMH / ROAD_FACTOR, learned: false };
}

interface Leg {
  stop: Stop;
  /** When the stop is reached (before its dwell). */
  arrive: number;
  driveMs: number;
  metres: number;
  speed: { kmh: number; learned: boolean };
}

/**
 * The one walk from the driver's fix through the stops: each leg at its learned (or fallback)
 * speed, a dwell at every stop but the last. predictArrival and predictDeliveries both use it.
 */
function walkStops(input: PredictionInput, visit: (leg: Leg) => void): void {
  const { driver, stops, now } = input;
  let t = Math.min(driver.fixAt, now);
  let pos: LatLon = { lat: driver.lat, lon: driver.lon };
  for (let i = 0; i < stops.length; i++) {
    const stop = stops[i] as Stop;
    const d = distanceMeters(pos, stop);
    const speed = legSpeed(pos, t, input);
    const ms = (d / 1000 / speed.kmh) * 3_600_000;
    t += ms;
    visit({ stop, arrive: t, driveMs: ms, metres: d, speed });
    if (i < stops.length - 1) t += (stop.kind === 'pickup' ? PICKUP_DWELL_MIN : DELIVERY_DWELL_MIN) * 60_000;
    pos = stop;
  }
}

/**
 * The predicted arrival at every delivery along the stops, in one walk: the same `at` that
 * predictArrival gives for each order's own stops (its prefix of this walk).
 */
export function predictDeliveries(input: PredictionInput): Map<string, number> {
  const out = new Map<string, number>();
  if (input.stops.length === 0 || !Number.isFinite(input.driver.fixAt)) return out;
  try {
    walkStops(input, (leg) => {
      if (leg.stop.kind === 'delivery') out.set(leg.stop.orderId, Math.max(input.now, Math.round(leg.arrive)));
    });
  } catch {
    return new Map();
  }
  return out;
}

/**
 * Null when there is nothing to predict from (no stops, broken coordinates). The clock starts
 * at the fix, not at `now`: a driver last seen two minutes ago has been driving since.
 */
export function predictArrival(input: PredictionInput): PredictedArrival | null {
  const { driver, stops, now } = input;
  if (stops.length === 0 || !Number.isFinite(driver.fixAt)) return null;
  const fixAgeMs = Math.max(0, now - driver.fixAt);
  let t = 0;
  let metres = 0;
  let driveMs = 0;
  // An array rather than a `let`: TypeScript does not follow assignments made inside the callback.
  const firstSpeed: { kmh: number; learned: boolean }[] = [];
  try {
    walkStops(input, (leg) => {
      if (firstSpeed.length === 0) firstSpeed.push(leg.speed);
      t = leg.arrive;
      driveMs += leg.driveMs;
      metres += leg.metres;
    });
  } catch {
    return null;
  }
  const first = firstSpeed[0];
  const at = Math.max(now, Math.round(t));
  // The band: ±15% of the driving plus 2 min, and a stale fix adds its age on both sides
  // (the driver may have moved on, or stood still, since).
  const spread = driveMs * 0.15 + 2 * 60_000 + (fixAgeMs > FRESH_FIX_MS ? fixAgeMs : 0);
  return {
    at,
    earliest: Math.max(now, Math.round(at - spread)),
    latest: Math.round(at + spread),
    basis: {
      stopsAhead: stops.length - 1,
      distanceKm: Math.round(metres / 100) / 10,
      speedKmh: Math.round((first?.kmh ?? 0) * 10) / 10,
      speedSource: first?.learned ? 'learned' : 'fallback',
      fixAgeMs,
    },
  };
}

/** What the console showed before: straight line at the momentary speed, no stops. */
export function straightLineArrival(now: number, driver: LatLon & { speedKmh: number | null }, to: LatLon): number {
  return now + etaMinutes(distanceMeters(driver, to), driver.speedKmh) * 60_000;
}

/** How near the deadline a prediction may come before the order counts as at risk. */
export const ARRIVAL_WARNING_MARGIN_MS = 15 * 60_000;

export type ArrivalRisk = 'late' | 'tight' | 'ok';

/** Late: predicted after the deadline; tight: within the warning margin of it. */
export function arrivalRisk(predictedAt: number, deadline: number | null, marginMs = ARRIVAL_WARNING_MARGIN_MS): ArrivalRisk {
  if (deadline === null) return 'ok';
  if (predictedAt > deadline) return 'late';
  if (predictedAt > deadline - marginMs) return 'tight';
  return 'ok';
}
