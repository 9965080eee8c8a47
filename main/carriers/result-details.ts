// What a search result shows beyond its rank: contacts, the last rate on the searched
// direction, the vehicles that match. Loaded for the page only (tens of carriers), by id.
import type { CarrierFilters, CarrierSearchResult, LaneRate, VehicleSummary } from '../../shared/api/carriers-api';
import type { Ranked } from '../../shared/carriers/rank-carriers';
import { vehicleMatches } from '../../shared/carriers/vehicle-match';
import type { SecurityCheckState, VehicleType } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import type { Candidate, Direction } from './search-candidates';

const VEHICLES_SHOWN = 5;

/** Finished deals per carrier (all directions): the reliability figures. */
export function dealFigures(replica: ReadonlyReplica, ids: string[]): Map<string, { dealsOk: number; dealsProblem: number }> {
  const out = new Map<string, { dealsOk: number; dealsProblem: number }>();
  if (ids.length === 0) return out;
  const rows = replica
    .prepareRead(
      `SELECT carrier_id AS id, sum(outcome = 'success') AS ok, sum(outcome = 'problem') AS problem
       FROM carrier_deals WHERE carrier_id IN (SELECT value FROM json_each(?)) GROUP BY carrier_id`,
    )
    .all(JSON.stringify(ids)) as { id: string; ok: number; problem: number }[];
  for (const r of rows) out.set(r.id, { dealsOk: r.ok, dealsProblem: r.problem });
  return out;
}

interface ContactRow {
  id: string;
  taxId: string;
  phone: string;
  phoneNormalized: string;
  email: string | null;
  contactPerson: string;
  securityCheckedAt: number | null;
}

interface VehicleRow {
  id: string;
  carrierId: string;
  type: VehicleType;
  tonnage: number;
  volumeM3: number;
  refrigerated: number;
  adrClasses: string;
  oversize: number;
  plate: string;
}

interface RateRow {
  rate: number;
  currency: string;
  at: number;
  fromCity: string;
  toCity: string;
}

function directionWhere(d: Direction): { sql: string; params: string[] } | null {
  if (d.fromCity !== null && d.toCity !== null) return { sql: 't.from_city = ? AND t.to_city = ?', params: [d.fromCity, d.toCity] };
  if (d.fromCity !== null) return { sql: 't.from_city = ?', params: [d.fromCity] };
  if (d.toCity !== null) return { sql: 't.to_city = ?', params: [d.toCity] };
  return null;
}

/** The latest deal or offer on the direction for each carrier of the page: one query per kind. */
function latestRates(
  replica: ReadonlyReplica,
  table: 'carrier_deals' | 'carrier_offers',
  extra: string,
  ids: string,
  d: Direction,
): Map<string, RateRow> {
  const dir = directionWhere(d);
  if (dir === null) return new Map();
  const at = table === 'carrier_deals' ? 't.deal_at' : 't.offered_at';
  // INDEXED BY: the carrier index finds a page's rows at once; the direction index would walk
  // the whole direction. Bare columns next to max() come from the row holding the max.
  const rows = replica
    .prepareRead(
      `SELECT t.carrier_id AS carrierId, t.rate AS rate, t.currency AS currency, max(${at}) AS at,
         t.from_city AS fromCity, t.to_city AS toCity
       FROM ${table} t INDEXED BY ${table}_carrier_idx
       WHERE t.carrier_id IN (SELECT value FROM json_each(?)) AND ${dir.sql} ${extra}
       GROUP BY t.carrier_id`,
    )
    .all(ids, ...dir.params) as (RateRow & { carrierId: string })[];
  return new Map(rows.map(({ carrierId, ...rate }) => [carrierId, rate]));
}

function toLaneRate(kind: LaneRate['kind'], r: RateRow | null): LaneRate | null {
  return r === null ? null : { kind, ...r };
}

function toVehicle(v: VehicleRow): VehicleSummary {
  return {
    id: v.id,
    type: v.type,
    tonnage: v.tonnage,
    volumeM3: v.volumeM3,
    refrigerated: v.refrigerated === 1,
    adrClasses: v.adrClasses,
    oversize: v.oversize === 1,
    plate: v.plate,
  };
}

export function resultDetails(
  replica: ReadonlyReplica,
  ranked: Ranked<Candidate>[],
  d: Direction,
  f: CarrierFilters,
): CarrierSearchResult[] {
  if (ranked.length === 0) return [];
  const ids = JSON.stringify(ranked.map((r) => r.carrier.id));
  const contacts = new Map(
    (
      replica
        .prepareRead(
          `SELECT id, tax_id AS taxId, phone, phone_normalized AS phoneNormalized, email, contact_person AS contactPerson,
             security_checked_at AS securityCheckedAt
           FROM carriers WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(ids) as ContactRow[]
    ).map((r) => [r.id, r]),
  );
  const vehiclesByCarrier = new Map<string, VehicleSummary[]>();
  const vehicleRows = replica
    .prepareRead(
      `SELECT id, carrier_id AS carrierId, type, tonnage, volume_m3 AS volumeM3, refrigerated, adr_classes AS adrClasses,
         oversize, plate FROM carrier_vehicles WHERE carrier_id IN (SELECT value FROM json_each(?))
       ORDER BY tonnage DESC, id`,
    )
    .all(ids) as VehicleRow[];
  for (const v of vehicleRows) {
    const summary = toVehicle(v);
    if (!vehicleMatches(summary, f)) continue;
    const list = vehiclesByCarrier.get(v.carrierId) ?? [];
    list.push(summary);
    vehiclesByCarrier.set(v.carrierId, list);
  }

  const lastOks = latestRates(replica, 'carrier_deals', "AND t.outcome = 'success'", ids, d);
  // A cancelled deal is not a rate anyone paid.
  const lastDeals = latestRates(replica, 'carrier_deals', "AND t.outcome != 'cancelled'", ids, d);
  const lastOffers = latestRates(replica, 'carrier_offers', '', ids, d);

  return ranked.map((r) => {
    const c = r.carrier;
    const contact = contacts.get(c.id);
    const lastOk = lastOks.get(c.id) ?? null;
    const lastDeal = toLaneRate('deal', lastDeals.get(c.id) ?? null);
    const lastOffer = toLaneRate('offer', lastOffers.get(c.id) ?? null);
    const lastRate = lastDeal && (!lastOffer || lastDeal.at >= lastOffer.at) ? lastDeal : lastOffer;
    const reason =
      r.reason.tier === 'deals'
        ? { ...r.reason, lastRate: lastOk?.rate ?? null }
        : r.reason.tier === 'offers'
          ? { ...r.reason, lastRate: lastOffer?.rate ?? null }
          : r.reason;
    const vehicles = vehiclesByCarrier.get(c.id) ?? [];
    return {
      id: c.id,
      name: c.name,
      taxId: contact?.taxId ?? '',
      phone: contact?.phone ?? '',
      phoneNormalized: contact?.phoneNormalized ?? '',
      email: contact?.email ?? null,
      contactPerson: contact?.contactPerson ?? '',
      baseCity: c.baseCity,
      currentCity: c.currentCity,
      availableFrom: c.availableFrom,
      rating: c.rating,
      securityCheck: c.securityCheck as SecurityCheckState,
      securityCheckedAt: contact?.securityCheckedAt ?? null,
      blacklisted: c.blacklisted,
      reason,
      flags: r.flags,
      reliability: r.reliability,
      dealsOk: c.dealsOk,
      dealsProblem: c.dealsProblem,
      lastRate,
      vehicles: vehicles.slice(0, VEHICLES_SHOWN),
      vehiclesMatching: vehicles.length,
    };
  });
}
