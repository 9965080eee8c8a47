// The carrier search's page for the texts people type (issue 19: first names and name prefixes
// with many hits, whole phones, phone and tax id prefixes, broad words), alone, with a loading
// city and with a direction, on a replica of demo carriers, against the plainest reading of the
// rules: every carrier the text matches, given its evidence on the direction, ranked whole by
// rankCarriers, then paged. However the search reads (from the listed hits, or walking the
// direction or the rating index and checking each carrier against them), its page is that one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierFilters, SearchCarriersRequest } from '../../shared/api/carriers-api';
import { buildCarrierMatchQuery } from '../../shared/carriers/carrier-text-query';
import { rankCarriers, type RankInput } from '../../shared/carriers/rank-carriers';
import { loadDemoData } from '../db/load-demo-data';
import type { Replica } from '../db/open-replica';
import { T0, memoryReplica } from './carrier-fixtures';
import { readCarrierCities } from './carrier-cities';
import type { CarrierRankColumns } from './search-candidates';
import { resolveDirection, searchCarriers } from './search-carriers';

const CARRIERS = 3000;
const PAGE = 20;
let r: Replica;
let cities: string[];
const texts: string[] = [];
let lines: Map<number, CarrierLine>;
let figures: Map<string, { ok: number; problem: number }>;

beforeAll(() => {
  r = memoryReplica();
  loadDemoData(r, { now: T0, carriers: CARRIERS, orders: 0, drivers: 0, customers: 0 });
  cities = readCarrierCities(r);
  // As bench/carriers.bench.ts picks them: what a person types from a carrier's card.
  const sample = r.sqlite.prepare('SELECT name, phone, tax_id AS taxId, contact_person AS contact FROM carriers WHERE rowid % 331 = 1 LIMIT 6').all() as {
    name: string;
    phone: string;
    taxId: string;
    contact: string;
  }[];
  for (const s of sample) {
    const word = s.name.replace(/^(ТОО|ИП|ООО)\s+/, '').split(/\s+/)[0] ?? s.name;
    texts.push(word.slice(0, 5), s.phone, s.phone.replace(/\D/g, '').slice(0, 7), s.taxId.slice(0, 6), s.contact.split(' ')[0] ?? '');
  }
  texts.push('trans', 'kaz', 'логист', 'тоо', 'серик', '8701', '+7 777', 'Серик 8701');
  lines = new Map(
    (r.sqlite.prepare(`SELECT rowid AS rid, id, name, rating, blacklisted, security_check AS securityCheck, current_city AS currentCity,
      base_city AS baseCity, available_from AS availableFrom FROM carriers`).all() as CarrierLine[]).map((c) => [c.rid, c]),
  );
  figures = new Map(
    (r.sqlite.prepare(`SELECT carrier_id AS id, sum(outcome = 'success') AS ok, sum(outcome = 'problem') AS problem FROM carrier_deals GROUP BY carrier_id`).all() as {
      id: string; ok: number; problem: number;
    }[]).map((x) => [x.id, x]),
  );
});
afterAll(() => r.close());

type CarrierLine = CarrierRankColumns & { rid: number };

/** The whole ranking of every carrier `text` matches, read without any of the search's shortcuts. */
function everyMatchRanked(f: CarrierFilters & { text: string }, relevance: boolean): string[] {
  const match = buildCarrierMatchQuery(f.text);
  if (match === null) return [];
  const hits = r.sqlite.prepare('SELECT rowid AS rid, rank FROM carriers_fts WHERE carriers_fts MATCH ?').all(match) as { rid: number; rank: number }[];
  const d = resolveDirection(f, cities);
  const onDirection = d.fromCity !== null || d.toCity !== null;
  const stats = new Map(
    (r.sqlite.prepare('SELECT carrier_id AS id, deals_ok AS dealsOk, last_deal_at AS lastDealAt, offers, last_offer_at AS lastOfferAt, lanes FROM carrier_direction_stats WHERE from_city = ? AND to_city = ?')
      .all(d.fromCity ?? '', d.toCity ?? '') as { id: string; dealsOk: number; lastDealAt: number | null; offers: number; lastOfferAt: number | null; lanes: number }[]).map((s) => [s.id, s]),
  );
  const nearCity = (city: string | null) => (d.fromCity === null || city === null ? undefined : d.nearLoading.find((n) => n.city === city));
  const candidates: RankInput[] = [];
  for (const h of hits) {
    const c = lines.get(h.rid);
    if (c === undefined) throw new Error(`FTS row ${h.rid} has no carrier`);
    if (f.securityPassed === true && c.securityCheck !== 'passed') continue;
    const s = onDirection ? stats.get(c.id) : undefined;
    const near = nearCity(c.currentCity);
    const home = nearCity(c.baseCity);
    // On a direction, a carrier counts with evidence there, or without any row there when it is at or based near the loading city.
    if (onDirection && !(s !== undefined ? s.dealsOk + s.offers + s.lanes > 0 : near !== undefined || home !== undefined)) continue;
    const fig = figures.get(c.id);
    candidates.push({
      id: c.id,
      name: c.name,
      rating: c.rating,
      blacklisted: c.blacklisted === 1,
      securityCheck: c.securityCheck,
      dealsOk: fig?.ok ?? 0,
      dealsProblem: fig?.problem ?? 0,
      laneDealsOk: s?.dealsOk ?? 0,
      laneLastDealRate: null,
      laneLastDealAt: s?.lastDealAt ?? null,
      laneOffers: s?.offers ?? 0,
      laneLastOfferRate: null,
      laneLastOfferAt: s?.lastOfferAt ?? null,
      declaredLane: (s?.lanes ?? 0) > 0,
      nearLoading: near === undefined ? null : { city: near.city, distanceKm: near.distanceKm, availableFrom: c.availableFrom },
      homeNear: home === undefined ? null : { city: home.city, distanceKm: home.distanceKm },
      // Without a direction, a selective text orders by relevance and a broad one by rating (search-candidates.ts).
      textRank: !onDirection && relevance ? h.rank : null,
    });
  }
  return rankCarriers(candidates).map((x) => x.carrier.id);
}

function page(req: SearchCarriersRequest, hitDriveMax?: number): { ids: string[]; hasMore: boolean } {
  const res = searchCarriers({ replica: r, knownCities: () => cities, hitDriveMax }, req);
  return { ids: res.results.map((x) => x.id), hasMore: res.hasMore };
}

function expected(all: string[], offset: number): { ids: string[]; hasMore: boolean } {
  return { ids: all.slice(offset, offset + PAGE), hasMore: all.length > offset + PAGE };
}

const WHERE: CarrierFilters[] = [{ fromCity: 'Алматы' }, { fromCity: 'Караганда', toCity: 'Астана' }, { toCity: 'Астана' }, { fromCity: 'Шымкент', securityPassed: true }];
/** Read from the hits always, walk always, and the crossover the search chooses itself. */
const MODES = [Number.MAX_SAFE_INTEGER, 0, undefined];

describe('carrier search pages for typed text shapes on a demo replica', () => {
  it('the texts cover both sides of the crossover and every tier', () => {
    const counts = texts.map((t) => (r.sqlite.prepare('SELECT count(*) AS k FROM carriers_fts WHERE carriers_fts MATCH ?').get(buildCarrierMatchQuery(t)) as { k: number }).k);
    expect(Math.min(...counts)).toBeLessThanOrEqual(2);
    expect(Math.max(...counts)).toBeGreaterThan(CARRIERS / 4);
    expect(counts.filter((k) => k >= 30 && k <= 300).length).toBeGreaterThan(3);
  });

  it('with a loading city or a direction: the first pages are the whole ranking of every match, whichever way it reads', () => {
    let pages = 0;
    let tiers = new Set<string>();
    for (const where of WHERE) {
      for (const text of texts) {
        const f = { ...where, text };
        const all = everyMatchRanked(f, false);
        for (const offset of [0, PAGE]) {
          for (const mode of MODES) {
            expect(page({ ...f, offset, limit: PAGE }, mode), `${JSON.stringify(f)} offset ${offset} drive up to ${mode}`).toEqual(expected(all, offset));
            pages += 1;
          }
        }
        const res = searchCarriers({ replica: r, knownCities: () => cities }, { ...f, limit: 100 });
        tiers = new Set([...tiers, ...res.results.map((x) => x.reason.tier)]);
      }
    }
    expect(pages).toBe(WHERE.length * texts.length * 2 * MODES.length);
    expect([...tiers].sort()).toEqual(['deals', 'home', 'lane', 'location', 'offers']);
  });

  it('text alone: a selective text by relevance, a broad one by rating, the same ranks as the whole ranking', () => {
    // bm25 and rating tie often (a first name scores alike in hundreds of carriers): a page
    // read from the best hits by relevance, or from the rating index, breaks a tie at its edge
    // among the rows it read, not over every carrier of that score. The page's scores are exact.
    const byId = new Map([...lines.values()].map((c) => [c.id, c]));
    const flag = (id: string) => {
      const c = byId.get(id);
      return c === undefined ? 'not a carrier' : c.blacklisted === 1 || c.securityCheck === 'failed' ? 'flagged' : 'clean';
    };
    for (const text of texts) {
      const match = buildCarrierMatchQuery(text) ?? '';
      const hits = r.sqlite.prepare('SELECT rowid AS rid, rank FROM carriers_fts WHERE carriers_fts MATCH ?').all(match) as { rid: number; rank: number }[];
      const bm25 = new Map(hits.map((h) => [lines.get(h.rid)?.id ?? '', h.rank]));
      const rating = new Map(hits.map((h) => [lines.get(h.rid)?.id ?? '', lines.get(h.rid)?.rating ?? NaN]));
      const scores = (p: { ids: string[]; hasMore: boolean }, by: Map<string, number>) => ({ scores: p.ids.map((id) => `${flag(id)} ${by.get(id) ?? 'no hit'}`), hasMore: p.hasMore });
      for (const offset of [0, PAGE]) {
        const byRelevance = scores(expected(everyMatchRanked({ text }, true), offset), bm25);
        const byRating = scores(expected(everyMatchRanked({ text }, false), offset), rating);
        expect(scores(page({ text, offset, limit: PAGE }, Number.MAX_SAFE_INTEGER), bm25), text).toEqual(byRelevance);
        expect(scores(page({ text, offset, limit: PAGE }, 0), rating), text).toEqual(byRating);
        // The crossover the search chooses itself reads one way or the other.
        const chosen = page({ text, offset, limit: PAGE });
        const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
        expect(same(scores(chosen, bm25), byRelevance) || same(scores(chosen, rating), byRating), text).toBe(true);
      }
    }
  });
});
