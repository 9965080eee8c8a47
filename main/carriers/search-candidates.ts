// The candidates of a carrier search, as SQL on the replica. A search needs the first page in
// ranking order plus a count, never all matches ranked, so every query reads an index in (or
// close to) ranking order and stops early:
//   - direction: carrier_direction_stats (migration 0003), whose rank index lists a direction's
//     carriers as deals > offers > lane, more deals / fresher offer first; then carriers at or
//     announced near the loading city, per nearby city, soonest available first;
//   - free text only: the FTS hits by relevance;
//   - neither: carriers by rating, from the rating index.
// Blacklisted carriers and failed checks rank after all others, so each step reads the clean
// carriers first and the flagged ones only when the page is not full.
import type { CarrierFilters } from '../../shared/api/carriers-api';
import type { RankInput } from '../../shared/carriers/rank-carriers';
import type { SecurityCheckState } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import { carrierConditionSql, textMatch, type SqlParam } from './search-filters-sql';

export interface Direction {
  fromCity: string | null;
  toCity: string | null;
  /** Cities within reach of the loading city (itself first), with their distance. */
  nearLoading: { city: string; distanceKm: number }[];
}

export interface Candidate extends RankInput {
  currentCity: string | null;
  baseCity: string;
  availableFrom: number | null;
}

/**
 * At least the first `want + 1` in ranking order when that many match (so "more than a page"
 * is known), maybe more. Counting all matches is count-carriers.ts, a separate, slower call.
 */
export type CandidateSet = Candidate[];

/** A carrier's own columns a search ranks by (CARRIER_COLUMNS), as SQLite returns them. */
export interface CarrierRankColumns {
  id: string;
  name: string;
  rating: number;
  blacklisted: number;
  securityCheck: SecurityCheckState;
  currentCity: string | null;
  baseCity: string;
  availableFrom: number | null;
}

interface CandidateRow extends CarrierRankColumns {
  dealsOk: number;
  lastDealAt: number | null;
  offers: number;
  lastOfferAt: number | null;
  lanes: number;
  textRank: number | null;
}

const CARRIER_COLUMNS = `c.id AS id, c.name AS name, c.rating AS rating, c.blacklisted AS blacklisted,
  c.security_check AS securityCheck, c.current_city AS currentCity, c.base_city AS baseCity,
  c.available_from AS availableFrom`;
const NO_LANE_COLUMNS = '0 AS dealsOk, NULL AS lastDealAt, 0 AS offers, NULL AS lastOfferAt, 0 AS lanes';
const FLAGGED = "(c.blacklisted = 1 OR c.security_check = 'failed')";
const PASSES = [`NOT ${FLAGGED}`, FLAGGED] as const;

/** The free-text condition of a query, and which side of it SQLite is to read first. */
export interface TextPart {
  sql: string;
  params: SqlParam[];
  /** The hits are few and listed by rowid: a query reads them first (see textPart). */
  drive: boolean;
}

/**
 * The free-text condition of a direction search or a count (no ranking: with a direction,
 * relevance does not order). The MATCH runs once here, listing up to `limit + 1` hits:
 *   - few hits: the statements get them as a JSON list of rowids and read from them (each
 *     looked up in carriers and the direction); a second MATCH per statement cost as much as
 *     the lookups of a phone or tax id's few hits;
 *   - many ("trans", "8701", "тоо" match thousands): the direction in ranking order, each
 *     carrier checked against the hits listed by the statement's own MATCH, stopping when the
 *     page is full. The unary `+` keeps the planner from driving from the hits, which it
 *     otherwise does whatever their number (3,000 lookups and a sort where 300 index steps do).
 * Driving costs about one lookup per hit; walking about (want + 1) x base / hits steps (hits
 * spread over the base): they meet at sqrt((want + 1) x base) hits. Probing the FTS index per
 * carrier instead (EXISTS ... MATCH AND rowid = c.rowid) re-expands a long prefix on every
 * probe: 100-500 ms at 20,000 carriers, so it is never used.
 */
export function textPart(replica: ReadonlyReplica, f: CarrierFilters, want: number, driveMax?: number): TextPart {
  const match = textMatch(f);
  if (match === null) return { sql: '', params: [], drive: false };
  // max(rowid) is the size of the base give or take deletions: enough for a crossover.
  const size = (replica.prepareRead('SELECT coalesce(max(rowid), 0) AS n FROM carriers').get() as { n: number }).n;
  const limit = driveMax ?? Math.ceil(Math.sqrt((want + 1) * Math.max(size, 1)));
  const hits = replica.prepareRead('SELECT rowid FROM carriers_fts WHERE carriers_fts MATCH ? LIMIT ?').pluck(true).all(match, limit + 1) as number[];
  if (hits.length <= limit) {
    return { sql: 'AND c.rowid IN (SELECT value FROM json_each(?))', params: [JSON.stringify(hits)], drive: true };
  }
  return { sql: 'AND +c.rowid IN (SELECT rowid FROM carriers_fts WHERE carriers_fts MATCH ?)', params: [match], drive: false };
}

/** The carrier is not at or announced near the loading city (a JSON list of the near cities). */
export const NOT_NEAR_NOW = '(c.current_city IS NULL OR c.current_city NOT IN (SELECT value FROM json_each(?)))';

export function statsKey(d: Direction): [string, string] {
  return [d.fromCity ?? '', d.toCity ?? ''];
}

/** Candidates of a search with a direction (from and/or to city), enough for the first `want`. */
export function directionCandidates(replica: ReadonlyReplica, d: Direction, f: CarrierFilters, want: number, hitDriveMax?: number): CandidateSet {
  const key = statsKey(d);
  const text = textPart(replica, f, want, hitDriveMax);
  if (text.drive) return hitCandidates(replica, d, f, text, want);
  const cond = carrierConditionSql(f, 's.carrier_id');
  const nearCond = carrierConditionSql(f);
  const filter = `${cond.sql} ${text.sql}`;
  const filterParams = [...cond.params, ...text.params];
  const near = d.fromCity === null ? [] : d.nearLoading;
  const rows: CandidateRow[] = [];

  const statsSql = (tierSql: string, pass: string, ordered: boolean) => `SELECT ${CARRIER_COLUMNS}, s.deals_ok AS dealsOk,
    s.last_deal_at AS lastDealAt, s.offers AS offers, s.last_offer_at AS lastOfferAt, s.lanes AS lanes, NULL AS textRank
  FROM carrier_direction_stats s JOIN carriers c ON c.id = s.carrier_id
  WHERE s.from_city = ? AND s.to_city = ? AND ${tierSql} AND ${pass} AND ${filter}
  ${ordered ? 'ORDER BY s.tier DESC, s.k1 DESC, s.k2 DESC' : ''} LIMIT ?`;
  const nearFilter = `${nearCond.sql} ${text.sql}`;
  const nearSql = (pass: string) => `SELECT ${CARRIER_COLUMNS}, ${NO_LANE_COLUMNS}, NULL AS textRank
  FROM carriers c INDEXED BY carriers_current_city_idx
  WHERE c.current_city = ? AND ${pass} AND ${nearFilter}
    AND NOT EXISTS (SELECT 1 FROM carrier_direction_stats s WHERE s.from_city = ? AND s.to_city = ? AND s.carrier_id = c.id)
  ORDER BY c.available_from LIMIT ?`;
  const nearCities = JSON.stringify(near.map((n) => n.city));
  const homeSql = (pass: string) => `SELECT ${CARRIER_COLUMNS}, ${NO_LANE_COLUMNS}, NULL AS textRank
  FROM carriers c INDEXED BY carriers_base_city_idx
  WHERE c.base_city = ? AND ${pass} AND ${nearFilter}
    AND NOT EXISTS (SELECT 1 FROM carrier_direction_stats s WHERE s.from_city = ? AND s.to_city = ? AND s.carrier_id = c.id)
    AND ${NOT_NEAR_NOW}
  ORDER BY c.rating DESC LIMIT ?`;

  for (const pass of PASSES) {
    // Deals and offers: read in ranking order; one extra row shows whether the tier goes on.
    rows.push(...(replica.prepareRead(statsSql('s.tier >= 2', pass, true)).all(...key, ...filterParams, want + 1) as CandidateRow[]));
    if (rows.length > want) break;
    // Declared lanes tie on everything but rating: read them all (a bounded set) and let the ranking sort.
    rows.push(...(replica.prepareRead(statsSql('s.tier = 1', pass, false)).all(...key, ...filterParams, 5000) as CandidateRow[]));
    if (rows.length > want) break;
    // Within one city the ranking is "soonest available, then rating": each nearby city's first
    // `want` by availability hold every carrier of that city that can make the page.
    for (const n of near) {
      rows.push(...(replica.prepareRead(nearSql(pass)).all(n.city, ...nearCond.params, ...text.params, ...key, want + 1) as CandidateRow[]));
    }
    if (rows.length > want) break;
    // Based at or near the loading city (and not there or nearby now, which the step above
    // read): ranked by distance, then rating, so each city's best rated fill the page.
    for (const n of near) {
      rows.push(...(replica.prepareRead(homeSql(pass)).all(n.city, ...nearCond.params, ...text.params, ...key, nearCities, want + 1) as CandidateRow[]));
    }
    if (rows.length > want) break;
  }
  return rows.map((r) => toCandidate(r, d));
}

/**
 * A direction search whose text has few hits (textPart), in one statement: each hit is looked
 * up once, with its row of the direction by primary key (the planner would take
 * carrier_direction_carrier_idx and then the table: twice the pages), where the steps of
 * directionCandidates would look every hit up again per step and pass.
 * A hit can rank when it has deals, offers or a lane on the direction, or (without a row there)
 * is at, announced near or based near the loading city: the union of those steps' rows. Of
 * these (hundreds for a first name) only the first `want + 1` in ranking order and whatever
 * ties with the last of them leave SQLite (turning rows into objects cost more than finding
 * them): HIT_ORDER is the ranking's order (shared/carriers/rank-carriers.ts) down to what SQL
 * knows (flag, tier, deals or latest offer, availability), and rank() gives ties one number.
 */
function hitCandidates(replica: ReadonlyReplica, d: Direction, f: CarrierFilters, text: TextPart, want: number): CandidateSet {
  const cond = carrierConditionSql(f);
  const near = JSON.stringify(d.fromCity === null ? [] : d.nearLoading.map((n) => n.city));
  const nearNow = 'c.current_city IN (SELECT value FROM json_each(?))';
  const sql = `SELECT * FROM (
    SELECT ${CARRIER_COLUMNS}, coalesce(s.deals_ok, 0) AS dealsOk, s.last_deal_at AS lastDealAt,
      coalesce(s.offers, 0) AS offers, s.last_offer_at AS lastOfferAt, coalesce(s.lanes, 0) AS lanes, NULL AS textRank,
      rank() OVER (ORDER BY ${FLAGGED},
        CASE WHEN s.tier >= 1 THEN s.tier WHEN ${nearNow} THEN 0 ELSE -1 END DESC,
        CASE WHEN s.tier >= 2 THEN s.k1 WHEN s.tier = 1 THEN 0 WHEN ${nearNow} THEN -coalesce(c.available_from, 0) ELSE 0 END DESC,
        CASE WHEN s.tier = 3 THEN s.k2 ELSE 0 END DESC) AS pos
    FROM carriers c LEFT JOIN carrier_direction_stats s INDEXED BY sqlite_autoindex_carrier_direction_stats_1
      ON s.from_city = ? AND s.to_city = ? AND s.carrier_id = c.id
    WHERE ${cond.sql} ${text.sql}
      AND (s.tier >= 1 OR (s.carrier_id IS NULL AND (${nearNow} OR c.base_city IN (SELECT value FROM json_each(?)))))
  ) WHERE pos <= ?`;
  const params = [near, near, ...statsKey(d), ...cond.params, ...text.params, near, near, want + 1];
  return (replica.prepareRead(sql).all(...params) as CandidateRow[]).map((r) => toCandidate(r, d));
}

/**
 * Free text without a direction: the FTS hits passing the filters, most relevant first. Reads
 * the best `n` hits by bm25 (FTS5 keeps only the top n while scoring) and widens n until the
 * page is full of carriers that pass the filters and are not flagged, or the hits run out:
 * a broad prefix ("тоо") matches most of the base, and looking all of it up would be slow.
 */
export function textCandidates(replica: ReadonlyReplica, f: CarrierFilters, want: number, hitDriveMax?: number): CandidateSet {
  const match = textMatch(f);
  if (match === null) return [];
  const cond = carrierConditionSql(f);
  const none: Direction = { fromCity: null, toCity: null, nearLoading: [] };
  // A broad text ("тоо", "trans": 15,000-40,000 of 100,000 carriers) would have every hit
  // scored by bm25 to find the best 50 (30-50 ms); relevance among that many prefix matches
  // says little, so they are read best-rated first from the rating index instead, each checked
  // against the listed hits (as a direction search walks, textPart), and ranked by rating.
  const text = textPart(replica, f, want, hitDriveMax);
  if (!text.drive) {
    const rows: CandidateRow[] = [];
    for (const pass of PASSES) {
      const sql = `SELECT ${CARRIER_COLUMNS}, ${NO_LANE_COLUMNS}, NULL AS textRank
FROM carriers c INDEXED BY carriers_rating_idx
WHERE ${pass} AND ${cond.sql} ${text.sql}
ORDER BY c.rating DESC LIMIT ?`;
      rows.push(...(replica.prepareRead(sql).all(...cond.params, ...text.params, want + 1 - rows.length) as CandidateRow[]));
      if (rows.length > want) break;
    }
    return rows.map((r) => toCandidate(r, none));
  }
  const sql = `SELECT ${CARRIER_COLUMNS}, ${NO_LANE_COLUMNS}, hits.text_rank AS textRank
FROM (SELECT rowid AS r, rank AS text_rank FROM carriers_fts WHERE carriers_fts MATCH ? ORDER BY rank LIMIT ?) hits
JOIN carriers c ON c.rowid = hits.r
WHERE ${cond.sql}`;
  for (let n = Math.ceil((want + 1) * 1.25) + 10; ; n *= 4) {
    const rows = replica.prepareRead(sql).all(match, n, ...cond.params) as CandidateRow[];
    const clean = rows.filter((r) => !(r.blacklisted === 1 || r.securityCheck === 'failed')).length;
    if (clean > want) return rows.map((r) => toCandidate(r, none));
    // Fewer hits than asked for: that was all of them.
    const hits = (replica.prepareRead('SELECT count(*) AS k FROM (SELECT 1 FROM carriers_fts WHERE carriers_fts MATCH ? LIMIT ?)').get(match, n + 1) as { k: number }).k;
    if (hits <= n) return rows.map((r) => toCandidate(r, none));
  }
}

/** Neither direction nor text: the best-rated carriers passing the filters, from the rating index. */
export function ratedCandidates(replica: ReadonlyReplica, f: CarrierFilters, want: number): CandidateSet {
  const cond = carrierConditionSql(f);
  const none: Direction = { fromCity: null, toCity: null, nearLoading: [] };
  const rows: CandidateRow[] = [];
  for (const pass of PASSES) {
    const sql = `SELECT ${CARRIER_COLUMNS}, ${NO_LANE_COLUMNS}, NULL AS textRank
FROM carriers c INDEXED BY carriers_rating_idx
WHERE ${pass} AND ${cond.sql}
ORDER BY c.rating DESC LIMIT ?`;
    rows.push(...(replica.prepareRead(sql).all(...cond.params, want + 1 - rows.length) as CandidateRow[]));
    if (rows.length > want) break;
  }
  return rows.map((r) => toCandidate(r, none));
}

function toCandidate(r: CandidateRow, d: Direction): Candidate {
  const near = d.fromCity === null || r.currentCity === null ? undefined : d.nearLoading.find((n) => n.city === r.currentCity);
  const home = d.fromCity === null ? undefined : d.nearLoading.find((n) => n.city === r.baseCity);
  return {
    id: r.id,
    name: r.name,
    rating: r.rating,
    blacklisted: r.blacklisted === 1,
    securityCheck: r.securityCheck,
    dealsOk: 0,
    dealsProblem: 0,
    laneDealsOk: r.dealsOk,
    laneLastDealRate: null,
    laneLastDealAt: r.lastDealAt,
    laneOffers: r.offers,
    laneLastOfferRate: null,
    laneLastOfferAt: r.lastOfferAt,
    declaredLane: r.lanes > 0,
    nearLoading: near === undefined ? null : { city: near.city, distanceKm: near.distanceKm, availableFrom: r.availableFrom },
    homeNear: home === undefined ? null : { city: home.city, distanceKm: home.distanceKm },
    textRank: r.textRank,
    currentCity: r.currentCity,
    baseCity: r.baseCity,
    availableFrom: r.availableFrom,
  };
}
