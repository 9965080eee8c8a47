// Where the cities of the carrier base are, so "near the loading city" can include the towns
// around it (a truck in Kaskelen is 25 km from Almaty). Cities not listed match by name only.
import { distanceMeters, type LatLon } from '../domain/geo';

export const CITY_COORDINATES: Readonly<Record<string, LatLon>> = {
  Астана: { lat: 51.1694, lon: 71.4491 },
  Алматы: { lat: 43.2389, lon: 76.8897 },
  Шымкент: { lat: 42.3417, lon: 69.5901 },
  Караганда: { lat: 49.8047, lon: 73.1094 },
  Актобе: { lat: 50.2839, lon: 57.167 },
  Тараз: { lat: 42.9, lon: 71.3667 },
  Павлодар: { lat: 52.2873, lon: 76.9674 },
  'Усть-Каменогорск': { lat: 49.9483, lon: 82.6279 },
  Семей: { lat: 50.4111, lon: 80.2275 },
  Атырау: { lat: 47.1167, lon: 51.8833 },
  Костанай: { lat: 53.2144, lon: 63.6246 },
  Кызылорда: { lat: 44.8528, lon: 65.5092 },
  Уральск: { lat: 51.2333, lon: 51.3667 },
  Петропавловск: { lat: 54.8753, lon: 69.1628 },
  Актау: { lat: 43.65, lon: 51.1667 },
  Темиртау: { lat: 50.0549, lon: 72.9645 },
  Туркестан: { lat: 43.2973, lon: 68.2518 },
  Кокшетау: { lat: 53.2833, lon: 69.3833 },
  Талдыкорган: { lat: 45.0156, lon: 78.3739 },
  Экибастуз: { lat: 51.7236, lon: 75.3228 },
  Жезказган: { lat: 47.7833, lon: 67.7667 },
  Балхаш: { lat: 46.8481, lon: 74.995 },
  Каскелен: { lat: 43.2, lon: 76.6167 },
  Талгар: { lat: 43.3033, lon: 77.2403 },
  Конаев: { lat: 43.8667, lon: 77.0667 },
  Косшы: { lat: 51.0833, lon: 71.6167 },
  Сарань: { lat: 49.8, lon: 72.8667 },
  Шахтинск: { lat: 49.7083, lon: 72.5875 },
};

/** "Near the loading city": within this distance of it. */
export const NEAR_CITY_KM = 100;

/** Known cities within `radiusKm` of `city` (itself included, at 0 km); [city] when unknown. */
export function citiesNear(city: string, radiusKm: number = NEAR_CITY_KM): { city: string; distanceKm: number }[] {
  // Own keys only: a typed "__proto__" or "constructor" is a city we do not know, not Object's.
  const center = Object.hasOwn(CITY_COORDINATES, city) ? CITY_COORDINATES[city] : undefined;
  if (center === undefined) return [{ city, distanceKm: 0 }];
  return Object.entries(CITY_COORDINATES)
    .map(([name, at]) => ({ city: name, distanceKm: Math.round(distanceMeters(center, at) / 100) / 10 }))
    .filter((c) => c.distanceKm <= radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

/**
 * The known city closest to a point, within `radiusKm`; null when none is that near. An order
 * has coordinates, not a loading city: the carrier search and a deal need the city's name.
 */
export function nearestCity(at: LatLon, radiusKm: number = 50): string | null {
  let best: { city: string; m: number } | null = null;
  for (const [city, c] of Object.entries(CITY_COORDINATES)) {
    const m = distanceMeters(at, c);
    if (m <= radiusKm * 1000 && (best === null || m < best.m)) best = { city, m };
  }
  return best?.city ?? null;
}
