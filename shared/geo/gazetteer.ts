// The gazetteer the app ships for the regions it serves (Kazakhstan): cities with their
// centres, their districts with approximate centres, and the streets in each. It answers
// address suggestions when no geocoder URL is set, and places an order that came without
// coordinates at its city (or district) centre, so an address always lands in the right city.
import { CITY_COORDINATES } from '../carriers/city-coordinates';
import { KZ_CITIES } from '../demo/kz-geography';
import { distanceMeters, type LatLon } from '../domain/geo';

export type PlaceKind = 'city' | 'district' | 'street';

export interface Place extends LatLon {
  kind: PlaceKind;
  /** As a dispatcher reads it: "ул. Толе би, Алмалинский р-н, Алматы". */
  label: string;
  /** The city's Russian name, as stored in orders.deliveryCity. */
  city: string;
  district: string | null;
  /** True when the point is a city or district centre, not the house itself. */
  approximate: boolean;
}

/** Latin spellings shops and people type, to the Russian names the gazetteer keeps. */
const LATIN_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  almaty: 'Алматы', alma: 'Алматы', 'alma-ata': 'Алматы', astana: 'Астана', 'nur-sultan': 'Астана', nursultan: 'Астана',
  karaganda: 'Караганда', karagandy: 'Караганда', qaragandy: 'Караганда', shymkent: 'Шымкент', aktobe: 'Актобе',
  pavlodar: 'Павлодар', 'ust-kamenogorsk': 'Усть-Каменогорск', oskemen: 'Усть-Каменогорск', kostanay: 'Костанай',
  kostanai: 'Костанай', atyrau: 'Атырау', taraz: 'Тараз', semey: 'Семей', oral: 'Уральск', uralsk: 'Уральск', aktau: 'Актау',
  kyzylorda: 'Кызылорда', petropavl: 'Петропавловск', petropavlovsk: 'Петропавловск', kokshetau: 'Кокшетау',
  turkestan: 'Туркестан', taldykorgan: 'Талдыкорган', temirtau: 'Темиртау', ekibastuz: 'Экибастуз', kaskelen: 'Каскелен',
  talgar: 'Талгар', konaev: 'Конаев', kosshy: 'Косшы',
}));

/** Lower case, ё -> е, no "г." / "город" prefix, single spaces. */
export function normalizePlaceName(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/^\s*(г\.|город|city of)\s*/u, '')
    .replace(/[\s,]+/g, ' ')
    .trim();
}

const PLACES: readonly Place[] = buildPlaces();

function buildPlaces(): Place[] {
  const out: Place[] = [];
  const seenCities = new Set<string>();
  for (const c of KZ_CITIES) {
    seenCities.add(c.name);
    out.push({ kind: 'city', label: c.name, city: c.name, district: null, lat: c.lat, lon: c.lon, approximate: true });
    for (const d of c.districts) {
      out.push({ kind: 'district', label: `${d.name}, ${c.name}`, city: c.name, district: d.name, lat: d.lat, lon: d.lon, approximate: true });
      for (const s of d.streets) {
        out.push({ kind: 'street', label: `${s}, ${d.name}, ${c.name}`, city: c.name, district: d.name, lat: d.lat, lon: d.lon, approximate: true });
      }
    }
  }
  for (const [name, at] of Object.entries(CITY_COORDINATES)) {
    if (!seenCities.has(name)) out.push({ kind: 'city', label: name, city: name, district: null, lat: at.lat, lon: at.lon, approximate: true });
  }
  return out;
}

/** The city by its Russian or Latin name ("Алматы", "г. Алматы", "almaty"), or undefined. */
export function findCity(name: string): Place | undefined {
  const n = normalizePlaceName(name);
  // A Map, not an object: "__proto__" typed as a city must not find Object.prototype.
  const russian = LATIN_NAMES.get(n);
  const wanted = russian === undefined ? n : normalizePlaceName(russian);
  return PLACES.find((p) => p.kind === 'city' && normalizePlaceName(p.city) === wanted);
}

/**
 * Where an address without coordinates lands: the district it names inside `city`, else the
 * city centre; undefined for a city the gazetteer doesn't know.
 */
export function placeAddress(city: string, address: string): Place | undefined {
  const c = findCity(city);
  if (c === undefined) return undefined;
  const a = normalizePlaceName(address);
  const district = PLACES.find((p) => p.kind === 'district' && p.city === c.city && p.district !== null && a.includes(normalizePlaceName(p.district)));
  return district ?? c;
}

/**
 * Suggestions for what is typed: every word must occur in the place's label (so "толе алмал"
 * finds "ул. Толе би, Алмалинский р-н, Алматы"); cities first, then districts, then streets.
 */
export function searchPlaces(query: string, limit = 8, near?: LatLon): Place[] {
  const words = normalizePlaceName(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => normalizePlaceName(LATIN_NAMES.get(w) ?? w));
  if (words.length === 0) return [];
  const rank: Record<PlaceKind, number> = { city: 0, district: 1, street: 2 };
  return PLACES.filter((p) => {
    const label = normalizePlaceName(p.label);
    return words.every((w) => label.includes(w));
  })
    .sort((a, b) => rank[a.kind] - rank[b.kind] || (near ? distanceMeters(near, a) - distanceMeters(near, b) : 0) || a.label.localeCompare(b.label, 'ru'))
    .slice(0, Math.max(0, Math.min(limit, 50)));
}
