// A client for a Nominatim-compatible geocoder (OpenStreetMap's Nominatim, or a company's own):
// GET {base}/search?q=...&format=jsonv2&addressdetails=1, as documented at
// https://nominatim.org/release-docs/latest/api/Search/. The answer is a JSON array of places
// whose lat/lon are strings; each is checked (range, size) before it becomes a suggestion, and
// anything else (timeout, HTTP error, HTML, a huge body) is a GeocoderError, never a crash.
import { z } from 'zod';
import type { Place } from '../../shared/geo/gazetteer';
import type { LatLon } from '../../shared/domain/geo';

export class GeocoderError extends Error {
  override name = 'GeocoderError';
}

export interface NominatimOptions {
  /** The service's base URL, e.g. https://nominatim.openstreetmap.org (its /search is asked). */
  baseUrl: string;
  timeoutMs?: number;
  /** Country codes to search in (ISO 3166-1 alpha-2); default Kazakhstan. */
  countryCodes?: string;
  /** Names in this language ('ru': the cities as orders store them). */
  language?: string;
  fetch?: typeof fetch;
}

/** More bytes than eight places ever take: a bigger answer is not a geocoder's. */
export const MAX_ANSWER_BYTES = 512 * 1024;
const DEFAULT_TIMEOUT_MS = 4000;
const LIMIT = 8;

const coordinate = (max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => Number(v))
    .refine((n) => Number.isFinite(n) && Math.abs(n) <= max);

const text = z.string().max(512).optional();
const placeSchema = z.object({
  lat: coordinate(90),
  lon: coordinate(180),
  display_name: z.string().max(1024),
  address: z
    .object({
      house_number: text,
      road: text,
      pedestrian: text,
      suburb: text,
      city_district: text,
      district: text,
      city: text,
      town: text,
      village: text,
      hamlet: text,
      county: text,
      state: text,
    })
    .optional(),
});

/** The search URL for `query`; the base may carry a path (a proxy) but not its own query. */
export function searchUrl(baseUrl: string, query: string, opts: { countryCodes: string; language: string; near?: LatLon }): URL {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/search`);
  url.searchParams.set('q', query);
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('addressdetails', '1');
  url.searchParams.set('limit', String(LIMIT));
  if (opts.countryCodes !== '') url.searchParams.set('countrycodes', opts.countryCodes);
  url.searchParams.set('accept-language', opts.language);
  if (opts.near) {
    // Prefer (not restrict to) places within about 50 km of the point.
    const d = 0.5;
    url.searchParams.set('viewbox', [opts.near.lon - d, opts.near.lat + d, opts.near.lon + d, opts.near.lat - d].map((n) => n.toFixed(4)).join(','));
  }
  return url;
}

/** One Nominatim place as a suggestion: city from the address parts, exact only with a house number. */
export function toPlace(raw: z.output<typeof placeSchema>): Place {
  const a = raw.address ?? {};
  const city = a.city ?? a.town ?? a.village ?? a.hamlet ?? a.county ?? a.state ?? '';
  const district = a.city_district ?? a.suburb ?? a.district ?? null;
  const street = a.road ?? a.pedestrian;
  const label = street !== undefined ? [a.house_number ? `${street}, ${a.house_number}` : street, district, city].filter(Boolean).join(', ') : raw.display_name;
  return {
    kind: a.house_number !== undefined || street !== undefined ? 'street' : district !== null ? 'district' : 'city',
    label: label.slice(0, 512),
    city,
    district,
    lat: raw.lat,
    lon: raw.lon,
    approximate: a.house_number === undefined,
  };
}

export async function nominatimSearch(query: string, opts: NominatimOptions, near?: LatLon): Promise<Place[]> {
  let url: URL;
  try {
    url = searchUrl(opts.baseUrl, query, { countryCodes: opts.countryCodes ?? 'kz', language: opts.language ?? 'ru', ...(near ? { near } : {}) });
  } catch {
    throw new GeocoderError(`The geocoder URL "${opts.baseUrl.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GeocoderError('The geocoder URL must be http:// or https://');
  const doFetch = opts.fetch ?? fetch;
  let body: string;
  try {
    const res = await doFetch(url, {
      // Nominatim's usage policy asks every application to name itself.
      headers: { 'user-agent': 'Marshrut dispatch console', accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!res.ok) throw new GeocoderError(`The geocoder answered HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_ANSWER_BYTES) throw new GeocoderError('The geocoder answered with too much data');
    body = await readCapped(res, MAX_ANSWER_BYTES);
  } catch (e) {
    if (e instanceof GeocoderError) throw e;
    const name = (e as Error).name;
    throw new GeocoderError(name === 'TimeoutError' || name === 'AbortError' ? 'The geocoder did not answer in time' : `The geocoder is unreachable: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new GeocoderError('The geocoder answered something that is not JSON');
  }
  if (!Array.isArray(json)) throw new GeocoderError('The geocoder answered in an unknown format (not a list of places)');
  const places: Place[] = [];
  for (const item of json.slice(0, LIMIT * 2)) {
    const p = placeSchema.safeParse(item);
    if (p.success) places.push(toPlace(p.data));
  }
  return places.slice(0, LIMIT);
}

async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new GeocoderError('The geocoder answered with too much data');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
