import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeOsmAndRequest, type DecodeResult } from './osmand-decode';
import type { GpsFix } from './gps-fix';

const NOW = Date.UTC(2024, 6, 1, 11, 0, 0);
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function get(url: string): DecodeResult {
  return decodeOsmAndRequest({ url, contentType: undefined, body: '' }, NOW);
}
function fixOf(r: DecodeResult): GpsFix {
  if (!r.ok) throw new Error(`expected a fix, got ${r.reason}: ${r.message}`);
  return r.fix;
}

describe('OsmAnd query parameters', () => {
  it('decodes the request line Traccar Client (Android) sends', () => {
    const raw = fixture('traccar-client-android.http');
    const [requestLine, ...rest] = raw.split('\r\n');
    const [, url] = (requestLine ?? '').split(' ');
    const contentType = rest.find((h) => h.startsWith('Content-Type:'))?.split(': ')[1];
    const fix = fixOf(decodeOsmAndRequest({ url: url ?? '', contentType, body: '' }, NOW));
    expect(fix).toEqual({
      deviceId: '512874',
      fixAt: 1719830712_000,
      lat: 51.128207,
      lon: 71.430411,
      speedKmh: 21.6 * 1.852,
      headingDeg: 87,
      altitudeM: 347,
      accuracyM: 0,
      battery: 87,
      charging: true,
      moving: null,
      valid: true,
    });
  });

  it('accepts deviceid, heading and location=lat,lon', () => {
    const fix = fixOf(get('/?deviceid=abc&location=43.25,76.95&heading=90&timestamp=1719830712'));
    expect(fix).toMatchObject({ deviceId: 'abc', lat: 43.25, lon: 76.95, headingDeg: 90 });
  });

  it('reads a timestamp above 2147483647 as milliseconds, below as seconds', () => {
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=1719830712345')).fixAt).toBe(1719830712345);
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=2147483647')).fixAt).toBe(2147483647_000);
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=2147483648')).fixAt).toBe(2147483648);
  });

  it('reads ISO 8601 and "yyyy-MM-dd HH:mm:ss" timestamps as UTC unless they carry an offset', () => {
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=2016-01-27T18%3A55%3A47Z')).fixAt).toBe(Date.UTC(2016, 0, 27, 18, 55, 47));
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=2014-06-04+09%3A10%3A11')).fixAt).toBe(Date.UTC(2014, 5, 4, 9, 10, 11));
    expect(fixOf(get('/?id=1&lat=1&lon=1&timestamp=2024-07-01T15%3A00%3A00%2B0500')).fixAt).toBe(Date.UTC(2024, 6, 1, 10));
  });

  it('uses the arrival time when the phone sent no timestamp', () => {
    expect(fixOf(get('/?id=1&lat=60.0&lon=30.0')).fixAt).toBe(NOW);
  });

  it('takes parameters from a form body when the query has none', () => {
    const r = decodeOsmAndRequest(
      { url: '/', contentType: 'application/x-www-form-urlencoded', body: 'id=77&lat=51.1&lon=71.4&timestamp=1719830712&batt=50' },
      NOW,
    );
    expect(fixOf(r)).toMatchObject({ deviceId: '77', lat: 51.1, lon: 71.4, battery: 50 });
  });

  it('lets the last of a repeated parameter win, as Traccar does', () => {
    expect(fixOf(get('/?id=1&lat=1&lat=2&lon=3')).lat).toBe(2);
  });

  it('reads valid=false as an invalid fix and charge=1 as charging', () => {
    expect(fixOf(get('/?id=1&lat=1&lon=1&valid=false&charge=1'))).toMatchObject({ valid: false, charging: true });
  });

  it.each([
    ['/?lat=60&lon=30&timestamp=1377177267', 'malformed', /device id missing/],
    ['/?id=&lat=60&lon=30', 'malformed', /device id missing/],
    ['/?id=1&timestamp=1377177267', 'malformed', /coordinates missing/],
    ['/?id=1&lat=abc&lon=30', 'invalid_coordinates', /not numbers/],
    ['/?id=1&lat=&lon=30', 'invalid_coordinates', /not numbers/],
    ['/?id=1&location=60.0', 'invalid_coordinates', /lat,lon/],
    ['/?id=1&lat=1&lon=1&timestamp=yesterday', 'malformed', /timestamp/],
    ['/?id=1&lat=1&lon=1&timestamp=2024-02-30T10:00:00Z', 'malformed', /timestamp/],
    ['/?id=1&lat=1&lon=1&speed=fast', 'malformed', /speed/],
    ['/?id=1&lat=1&lon=1&batt=1e999', 'malformed', /batt/],
  ])('rejects %s as %s', (url, reason, message) => {
    const r = get(url);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(message);
  });

  it('rejects coordinates with bad percent-encoding and ignores a __proto__ parameter', () => {
    expect(get('/?id=1&lat=1&lon=%E0%A4%A').ok).toBe(false);
    expect(fixOf(get('/?__proto__=x&id=1&lat=1&lon=2')).deviceId).toBe('1');
  });

  it('still names the device of a fix with bad coordinates (for the unknown-devices list)', () => {
    const r = get('/?id=dev-9&lat=x&lon=1');
    expect(r.ok ? null : r.deviceId).toBe('dev-9');
  });
});

describe('Traccar Client 9+ JSON body', () => {
  const post = (body: string, contentType = 'application/json') => decodeOsmAndRequest({ url: '/', contentType, body }, NOW);

  it('decodes the body Traccar Client posts', () => {
    const fix = fixOf(post(fixture('traccar-client-9.json')));
    expect(fix).toEqual({
      deviceId: '512874',
      fixAt: Date.parse('2024-07-01T10:45:12.862Z'),
      lat: 43.238949,
      lon: 76.889709,
      speedKmh: 11.5 * 3.6,
      headingDeg: 212.3,
      altitudeM: 792.4,
      accuracyM: 4.8,
      battery: 64,
      charging: false,
      moving: true,
      valid: true,
    });
  });

  it('recognises JSON without a content type when there is no query', () => {
    expect(fixOf(post(fixture('traccar-client-9.json'), '')).deviceId).toBe('512874');
  });

  it('reads negative speed, heading and battery level as unknown', () => {
    const body = {
      device_id: 658765,
      location: {
        timestamp: '2025-05-09T04:11:30.579Z',
        coords: { latitude: 51.1, longitude: 71.4, accuracy: 5, speed: -1, heading: -1, altitude: 0 },
        battery: { level: -1, is_charging: false },
      },
    };
    expect(fixOf(post(JSON.stringify(body)))).toMatchObject({ deviceId: '658765', speedKmh: null, headingDeg: null, battery: null });
  });

  it.each([
    ['not json', '{"device_id": "1", "location": ', /not valid JSON/],
    ['no device', JSON.stringify({ location: { timestamp: '2024-07-01T10:00:00Z', coords: { latitude: 1, longitude: 1 } } }), /device_id/],
    ['empty device', JSON.stringify({ device_id: ' ', location: { timestamp: '2024-07-01T10:00:00Z', coords: { latitude: 1, longitude: 1 } } }), /empty/],
    ['string latitude', JSON.stringify({ device_id: '1', location: { timestamp: '2024-07-01T10:00:00Z', coords: { latitude: '1', longitude: 1 } } }), /coords.latitude/],
    ['bad timestamp', JSON.stringify({ device_id: '1', location: { timestamp: '1719830712', coords: { latitude: 1, longitude: 1 } } }), /ISO 8601/],
    ['no coords', JSON.stringify({ device_id: '1', location: { timestamp: '2024-07-01T10:00:00Z' } }), /location.coords/],
  ])('rejects a body with %s as malformed', (_name, body, message) => {
    const r = post(body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('malformed');
    expect(r.message).toMatch(message);
  });
});
