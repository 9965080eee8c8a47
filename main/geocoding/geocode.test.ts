// The geocoder client against a real local HTTP server speaking Nominatim's documented jsonv2
// format (https://nominatim.org/release-docs/latest/api/Output/), and the gazetteer fallback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocode, gazetteerSuggestions } from './geocode';
import { nominatimSearch, searchUrl } from './nominatim-client';

/** What nominatim.openstreetmap.org answers for "Толе би 59 Алматы" (trimmed to the fields it documents). */
const TOLE_BI = [
  {
    place_id: 123456,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'way',
    osm_id: 98765,
    lat: '43.2546',
    lon: '76.9282',
    category: 'building',
    type: 'yes',
    place_rank: 30,
    importance: 0.00001,
    addresstype: 'building',
    name: '',
    display_name: '59, улица Толе би, Алмалинский район, Алматы, 050000, Казахстан',
    address: { house_number: '59', road: 'улица Толе би', city_district: 'Алмалинский район', city: 'Алматы', postcode: '050000', country: 'Казахстан', country_code: 'kz' },
    boundingbox: ['43.2545', '43.2547', '76.9281', '76.9283'],
  },
];

type Reply = { status?: number; body: string; delayMs?: number; type?: string };
let next: Reply = { body: '[]' };
const seen: URL[] = [];
const seenAgents: string[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(new URL(req.url ?? '/', 'http://x'));
    seenAgents.push(req.headers['user-agent'] ?? '');
    const r = next;
    setTimeout(() => {
      res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'application/json; charset=utf-8' });
      res.end(r.body);
    }, r.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nominatim/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('Nominatim client', () => {
  it('asks /search in jsonv2 with address details, Kazakhstan, Russian names, and names itself', async () => {
    next = { body: JSON.stringify(TOLE_BI) };
    const places = await nominatimSearch('Толе би 59 Алматы', { baseUrl: base }, { lat: 43.25, lon: 76.9 });
    const url = seen[seen.length - 1]!;
    expect(url.pathname).toBe('/nominatim/search');
    expect(url.searchParams.get('q')).toBe('Толе би 59 Алматы');
    expect(url.searchParams.get('format')).toBe('jsonv2');
    expect(url.searchParams.get('addressdetails')).toBe('1');
    expect(url.searchParams.get('countrycodes')).toBe('kz');
    expect(url.searchParams.get('accept-language')).toBe('ru');
    expect(url.searchParams.get('viewbox')).toBe('76.4000,43.7500,77.4000,42.7500');
    expect(seenAgents[seenAgents.length - 1]).toMatch(/Marshrut/);
    expect(places).toEqual([
      { kind: 'street', label: 'улица Толе би, 59, Алмалинский район, Алматы', city: 'Алматы', district: 'Алмалинский район', lat: 43.2546, lon: 76.9282, approximate: false },
    ]);
  });

  it('drops places with coordinates off the Earth and keeps the rest', async () => {
    next = { body: JSON.stringify([{ ...TOLE_BI[0], lat: '91.5' }, { ...TOLE_BI[0], lon: 'east' }, TOLE_BI[0]]) };
    const places = await nominatimSearch('x', { baseUrl: base });
    expect(places).toHaveLength(1);
    expect(places[0]!.lat).toBe(43.2546);
  });

  it('refuses HTTP errors, HTML, a non-list and a slow answer with a reason', async () => {
    next = { status: 503, body: 'busy' };
    await expect(nominatimSearch('x', { baseUrl: base })).rejects.toThrow(/HTTP 503/);
    next = { body: '<html>hi</html>', type: 'text/html' };
    await expect(nominatimSearch('x', { baseUrl: base })).rejects.toThrow(/not JSON/);
    next = { body: '{"error":"Unable to geocode"}' };
    await expect(nominatimSearch('x', { baseUrl: base })).rejects.toThrow(/not a list/);
    next = { body: '[]', delayMs: 400 };
    await expect(nominatimSearch('x', { baseUrl: base, timeoutMs: 100 })).rejects.toThrow(/in time/);
  });

  it('refuses an answer bigger than a geocoder ever sends', async () => {
    next = { body: JSON.stringify(Array.from({ length: 3000 }, () => TOLE_BI[0])) };
    await expect(nominatimSearch('x', { baseUrl: base })).rejects.toThrow(/too much data/);
  });

  it('builds the URL under a base with a path and no trailing slash alike', () => {
    expect(searchUrl('http://h:1/geo', 'a', { countryCodes: 'kz', language: 'en' }).pathname).toBe('/geo/search');
    expect(searchUrl('http://h:1/geo///', 'a', { countryCodes: '', language: 'en' }).searchParams.has('countrycodes')).toBe(false);
  });
});

describe('geocode: the geocoder when set, else the gazetteer', () => {
  it('answers from the geocoder', async () => {
    next = { body: JSON.stringify(TOLE_BI) };
    const r = await geocode('Толе би 59', { geocoderUrl: base });
    expect(r.source).toBe('geocoder');
    expect(r.places[0]!.approximate).toBe(false);
  });

  it('falls back to the gazetteer, saying why, when the geocoder fails or finds nothing', async () => {
    next = { status: 500, body: '' };
    const failed = await geocode('Толе би 59 Алматы', { geocoderUrl: base });
    expect(failed.source).toBe('gazetteer');
    expect(failed.geocoderError).toMatch(/HTTP 500/);
    expect(failed.places[0]!.city).toBe('Алматы');
    next = { body: '[]' };
    const none = await geocode('Толе би 59 Алматы', { geocoderUrl: base });
    expect(none).toMatchObject({ source: 'gazetteer', geocoderError: null });
    expect(none.places.length).toBeGreaterThan(0);
  });

  it('uses only the gazetteer without a URL, and asks nothing for one letter', async () => {
    const before = seen.length;
    expect((await geocode('Астана', { geocoderUrl: '' })).places[0]).toMatchObject({ kind: 'city', city: 'Астана' });
    expect(await geocode('а', { geocoderUrl: base })).toEqual({ source: 'gazetteer', places: [], geocoderError: null });
    expect(seen.length).toBe(before);
  });

  it('gazetteer: drops house numbers and "ул." it cannot know, then single words', () => {
    expect(gazetteerSuggestions('ул. Толе би 59, Алматы')[0]?.city).toBe('Алматы');
    expect(gazetteerSuggestions('Неизвестная 5, Караганда')[0]).toMatchObject({ kind: 'city', city: 'Караганда' });
    expect(gazetteerSuggestions('__proto__ constructor')).toEqual([]);
  });
});
