// The OsmAnd / Traccar Client protocol, decoded the way Traccar's OsmAndProtocolDecoder does:
// - parameters in the query string, or (when the query has none) in a form body, any method:
//   id|deviceid, lat+lon or location=lat,lon, timestamp, speed (knots), bearing|heading,
//   altitude, accuracy, batt (percent), charge, valid. A repeated parameter: the last wins.
// - the JSON body Traccar Client 9+ POSTs: device_id + location {timestamp (ISO), coords
//   {latitude, longitude, accuracy, speed (m/s, <0 unknown), heading (<0 unknown), altitude},
//   is_moving, battery {level 0-1, is_charging}}.
// Decoding checks syntax only; ranges, 0/0, times and the rest are the filter's business.
import { z } from 'zod';
import { KNOTS_TO_KMH, MAX_DEVICE_ID_CHARS, MPS_TO_KMH, type GpsFix } from './gps-fix';
import { parseDecimal, parseIsoTime, parseOsmAndTimestamp } from './wire-time';

/** Why a request carried no usable fix; each is a /health counter. */
export type DecodeFailure = 'malformed' | 'invalid_coordinates';

export type DecodeResult =
  | { ok: true; fix: GpsFix }
  | { ok: false; reason: DecodeFailure; message: string; deviceId: string | null };

export interface OsmAndRequest {
  /** Path and query, as in the request line (`/?id=1&lat=...`). */
  url: string;
  contentType: string | undefined;
  body: string;
}

/** Decodes one request; `receivedAt` stands in for a missing timestamp (as Traccar does). */
export function decodeOsmAndRequest(req: OsmAndRequest, receivedAt: number): DecodeResult {
  const q = req.url.indexOf('?');
  const query = q < 0 ? {} : parseQuery(req.url.slice(q + 1));
  const body = req.body.trim();
  const hasQuery = Object.keys(query).length > 0;
  const isJson = (req.contentType ?? '').toLowerCase().includes('json') || (!hasQuery && body.startsWith('{'));
  if (isJson && body !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return fail('malformed', 'body is not valid JSON', null);
    }
    return decodeTraccarJson(parsed);
  }
  return decodeOsmAndParams(hasQuery ? query : parseQuery(body), receivedAt);
}

/** Form/query decoding with the last value of a repeated parameter winning (Traccar's loop overwrites). */
export function parseQuery(qs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs)) if (k !== '__proto__') out[k] = v;
  return out;
}

function fail(reason: DecodeFailure, message: string, deviceId: string | null): DecodeResult {
  return { ok: false, reason, message, deviceId };
}

/** No device id is that long: refused before anything is stored (deviceId null: not listed). */
function tooLong(deviceId: string): DecodeResult {
  return fail('malformed', `device id is ${deviceId.length} characters; the limit is ${MAX_DEVICE_ID_CHARS}`, null);
}

/** The last value of each parameter, as strings; unknown parameters are ignored. */
const paramsSchema = z.object({
  id: z.string().optional(),
  deviceid: z.string().optional(),
  lat: z.string().optional(),
  lon: z.string().optional(),
  location: z.string().optional(),
  timestamp: z.string().optional(),
  speed: z.string().optional(),
  bearing: z.string().optional(),
  heading: z.string().optional(),
  altitude: z.string().optional(),
  accuracy: z.string().optional(),
  batt: z.string().optional(),
  charge: z.string().optional(),
  valid: z.string().optional(),
  is_moving: z.string().optional(),
});

export function decodeOsmAndParams(params: Readonly<Record<string, string>>, receivedAt: number): DecodeResult {
  const p = paramsSchema.parse(params);
  const deviceId = (p.deviceid ?? p.id ?? '').trim();
  if (deviceId === '') return fail('malformed', 'device id missing: send id or deviceid', null);
  if (deviceId.length > MAX_DEVICE_ID_CHARS) return tooLong(deviceId);

  let latText = p.lat;
  let lonText = p.lon;
  if (p.location !== undefined) {
    const parts = p.location.split(',');
    if (parts.length < 2) return fail('invalid_coordinates', `location must be "lat,lon", got "${p.location}"`, deviceId);
    [latText, lonText] = parts;
  }
  if (latText === undefined || lonText === undefined) {
    return fail('malformed', 'coordinates missing: send lat and lon, or location=lat,lon', deviceId);
  }
  const lat = parseDecimal(latText);
  const lon = parseDecimal(lonText);
  if (lat === null || lon === null) {
    return fail('invalid_coordinates', `coordinates are not numbers: lat "${latText}", lon "${lonText}"`, deviceId);
  }

  let fixAt = receivedAt;
  if (p.timestamp !== undefined) {
    const t = parseOsmAndTimestamp(p.timestamp);
    if (t === null) return fail('malformed', `timestamp "${p.timestamp}" is not Unix seconds, milliseconds or ISO 8601`, deviceId);
    fixAt = t;
  }

  const numbers: Record<'speed' | 'heading' | 'altitude' | 'accuracy' | 'batt', number | null> = {
    speed: null,
    heading: null,
    altitude: null,
    accuracy: null,
    batt: null,
  };
  const numeric: [keyof typeof numbers, string | undefined][] = [
    ['speed', p.speed],
    ['heading', p.heading ?? p.bearing],
    ['altitude', p.altitude],
    ['accuracy', p.accuracy],
    ['batt', p.batt],
  ];
  for (const [name, text] of numeric) {
    if (text === undefined || text === '') continue;
    const n = parseDecimal(text);
    if (n === null) return fail('malformed', `${name} "${text}" is not a number`, deviceId);
    numbers[name] = n;
  }

  return {
    ok: true,
    fix: {
      deviceId,
      fixAt,
      lat,
      lon,
      speedKmh: numbers.speed === null ? null : numbers.speed * KNOTS_TO_KMH,
      headingDeg: numbers.heading,
      altitudeM: numbers.altitude,
      accuracyM: numbers.accuracy,
      battery: numbers.batt,
      charging: p.charge === undefined ? null : isTrue(p.charge),
      moving: p.is_moving === undefined ? null : isTrue(p.is_moving),
      valid: p.valid === undefined ? true : isTrue(p.valid),
    },
  };
}

function isTrue(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === 'true' || t === '1';
}

/** Traccar Client 9+ (transistorsoft background geolocation) location upload. */
const traccarJsonSchema = z.object({
  device_id: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  location: z.object({
    timestamp: z.string(),
    coords: z.object({
      latitude: z.number(),
      longitude: z.number(),
      accuracy: z.number().nullish(),
      speed: z.number().nullish(),
      heading: z.number().nullish(),
      altitude: z.number().nullish(),
    }),
    is_moving: z.boolean().nullish(),
    battery: z.object({ level: z.number().nullish(), is_charging: z.boolean().nullish() }).nullish(),
  }),
});

export function decodeTraccarJson(body: unknown): DecodeResult {
  const rawDevice =
    typeof body === 'object' && body !== null && 'device_id' in body ? String((body as { device_id: unknown }).device_id) : null;
  // Only an id that could be bound is worth listing as unknown.
  const bodyDevice = rawDevice !== null && rawDevice.length <= MAX_DEVICE_ID_CHARS ? rawDevice : null;
  const r = traccarJsonSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue === undefined ? '' : issue.path.join('.');
    return fail('malformed', `JSON body does not match Traccar Client's format at "${where}": ${issue?.message ?? ''}`, bodyDevice);
  }
  const { device_id: deviceId, location } = r.data;
  if (deviceId === '') return fail('malformed', 'device_id is empty', null);
  if (deviceId.length > MAX_DEVICE_ID_CHARS) return tooLong(deviceId);
  const fixAt = parseIsoTime(location.timestamp);
  if (fixAt === null) return fail('malformed', `location.timestamp "${location.timestamp}" is not ISO 8601`, deviceId);
  const c = location.coords;
  const level = location.battery?.level;
  return {
    ok: true,
    fix: {
      deviceId,
      fixAt,
      lat: c.latitude,
      lon: c.longitude,
      // The library writes -1 for "unknown" speed, heading and battery.
      speedKmh: c.speed == null || c.speed < 0 ? null : c.speed * MPS_TO_KMH,
      headingDeg: c.heading == null || c.heading < 0 ? null : c.heading,
      altitudeM: c.altitude ?? null,
      accuracyM: c.accuracy == null || c.accuracy < 0 ? null : c.accuracy,
      battery: level == null || level < 0 ? null : Math.round(level * 1000) / 10,
      charging: location.battery?.is_charging ?? null,
      moving: location.is_moving ?? null,
      valid: true,
    },
  };
}
