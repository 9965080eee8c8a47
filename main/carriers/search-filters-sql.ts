// The search filters as SQL over the replica: the carrier conditions (alias c) and the vehicle
// condition (alias v) that must hold for ONE vehicle of the carrier. Mirrors vehicleMatches()
// in shared/carriers/vehicle-match.ts; search-carriers.test.ts checks both agree.
import type { CarrierFilters } from '../../shared/api/carriers-api';
import { buildCarrierMatchQuery } from '../../shared/carriers/carrier-text-query';
import { hasVehicleRequirement } from '../../shared/carriers/vehicle-match';

export type SqlParam = string | number;

export interface SqlPart {
  sql: string;
  params: SqlParam[];
}

/** Conditions on one vehicle row `v`; null when the filters ask nothing of vehicles. */
export function vehicleConditionSql(f: CarrierFilters): SqlPart | null {
  if (!hasVehicleRequirement(f)) return null;
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (f.vehicleType !== undefined) {
    where.push('v.type = ?');
    params.push(f.vehicleType);
  }
  if ((f.minTonnage ?? 0) > 0) {
    where.push('v.tonnage >= ?');
    params.push(f.minTonnage ?? 0);
  }
  if ((f.minVolumeM3 ?? 0) > 0) {
    where.push('v.volume_m3 >= ?');
    params.push(f.minVolumeM3 ?? 0);
  }
  if (f.refrigerated === true) where.push("(v.refrigerated = 1 OR v.type = 'refrigerator')");
  if (f.adrClass !== undefined && f.adrClass !== '') {
    // "2,3,8" -> ",2,3,8,": the class itself, or its main class ("2" permits "2.1").
    const main = f.adrClass.split('.')[0] ?? f.adrClass;
    where.push("(instr(',' || v.adr_classes || ',', ',' || ? || ',') > 0 OR instr(',' || v.adr_classes || ',', ',' || ? || ',') > 0)");
    params.push(f.adrClass, main);
  }
  if (f.oversize === true) where.push('v.oversize = 1');
  return { sql: where.join(' AND '), params };
}

/**
 * Conditions on the carrier row `c` (vehicles included as EXISTS); '1' when there are none.
 * `carrierIdSql` names the carrier id the vehicle check joins on: a query driven by
 * carrier_direction_stats passes `s.carrier_id`, so SQLite checks vehicles before it even
 * looks the carrier up, and skips that lookup for carriers without a fitting vehicle.
 */
export function carrierConditionSql(f: CarrierFilters, carrierIdSql = 'c.id'): SqlPart {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (f.securityPassed === true) where.push("c.security_check = 'passed'");
  if (f.availableBy !== undefined) {
    where.push('(c.available_from IS NULL OR c.available_from <= ?)');
    params.push(f.availableBy);
  }
  const vehicle = vehicleConditionSql(f);
  if (vehicle) {
    where.push(`EXISTS (SELECT 1 FROM carrier_vehicles v WHERE v.carrier_id = ${carrierIdSql} AND ${vehicle.sql})`);
    params.push(...vehicle.params);
  }
  return { sql: where.length > 0 ? where.join(' AND ') : '1', params };
}

/** The FTS5 expression for the free text, or null when there is none (or nothing searchable). */
export function textMatch(f: CarrierFilters): string | null {
  return f.text === undefined ? null : buildCarrierMatchQuery(f.text);
}
