// Address suggestions for the new-order form: the geocoder set in Settings when there is one,
// and the gazetteer the app ships when there is none, it fails, or it knows nothing, so an
// address always lands at least in the right city or district.
import type { GeocodeResult } from '../../shared/api/order-intake-api';
import type { LatLon } from '../../shared/domain/geo';
import { searchPlaces, type Place } from '../../shared/geo/gazetteer';
import { GeocoderError, nominatimSearch, type NominatimOptions } from './nominatim-client';

const SUGGESTIONS = 8;

/**
 * The gazetteer knows streets, districts and cities, not houses: "ул. Толе би 59" finds
 * nothing word for word, so words it cannot know (house numbers, "ул.") are dropped in turn.
 */
export function gazetteerSuggestions(query: string, near?: LatLon): Place[] {
  const words = query.split(/[\s,]+/).filter((w) => w.length > 0);
  const attempts = [words, words.filter((w) => !/\d/.test(w) && !/^(ул|улица|пр|пр-т|проспект|мкр|д|дом|кв|st|ave)\.?$/i.test(w))];
  for (const attempt of attempts) {
    const found = searchPlaces(attempt.join(' '), SUGGESTIONS, near);
    if (found.length > 0) return found;
  }
  // Each word alone, longest first: at least the city or the district someone named.
  for (const w of [...attempts[1]!].sort((a, b) => b.length - a.length)) {
    const found = searchPlaces(w, SUGGESTIONS, near);
    if (found.length > 0) return found;
  }
  return [];
}

export async function geocode(query: string, opts: { geocoderUrl: string; near?: LatLon; nominatim?: Partial<NominatimOptions> }): Promise<GeocodeResult> {
  const q = query.trim();
  if (q.length < 2) return { source: 'gazetteer', places: [], geocoderError: null };
  let geocoderError: string | null = null;
  if (opts.geocoderUrl !== '') {
    try {
      const places = await nominatimSearch(q, { ...opts.nominatim, baseUrl: opts.geocoderUrl }, opts.near);
      if (places.length > 0) return { source: 'geocoder', places, geocoderError: null };
    } catch (e) {
      if (!(e instanceof GeocoderError)) throw e;
      geocoderError = e.message;
    }
  }
  return { source: 'gazetteer', places: gazetteerSuggestions(q, opts.near), geocoderError };
}
