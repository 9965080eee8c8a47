// Straight-line distance and ETA from a driver's live position to a point, for the card and
// the map's route line. shared/domain/geo's etaMinutes assumes city speed when standing.
import { distanceMeters, etaMinutes } from '../../../shared/domain/geo';

export function driverEta(
  driver: { lat: number | null; lon: number | null; speedKmh: number | null } | undefined,
  to: { lat: number; lon: number },
  now: number,
): { km: number; arrivesAt: number } | null {
  if (!driver || driver.lat === null || driver.lon === null) return null;
  try {
    const m = distanceMeters({ lat: driver.lat, lon: driver.lon }, to);
    return { km: m / 1000, arrivesAt: now + etaMinutes(m, driver.speedKmh) * 60_000 };
  } catch {
    return null; // a broken fix: show no ETA rather than a wrong one
  }
}
