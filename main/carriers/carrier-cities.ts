// Every city the carrier base mentions, for the filter fields and to resolve typed names.
// Read with skip-scans over the city indexes (one index seek per distinct city), so 1M lanes
// cost a few dozen seeks, not a table scan; cached briefly because it changes rarely.
import { CITY_COORDINATES } from '../../shared/carriers/city-coordinates';
import type { ReadonlyReplica } from '../db/open-replica';

const SOURCES = [
  ['carrier_lanes', 'from_city'],
  ['carrier_lanes', 'to_city'],
  ['carrier_offers', 'from_city'],
  ['carrier_deals', 'from_city'],
  ['carriers', 'current_city'],
  ['carriers', 'base_city'],
] as const;

function distinctValues(replica: ReadonlyReplica, table: string, column: string): string[] {
  const sql = `WITH RECURSIVE v(x) AS (
    SELECT min(${column}) FROM ${table} WHERE ${column} > ''
    UNION ALL
    SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL
  ) SELECT x FROM v WHERE x IS NOT NULL`;
  return (replica.prepareRead(sql).all() as { x: string }[]).map((r) => r.x);
}

export function readCarrierCities(replica: ReadonlyReplica): string[] {
  const all = new Set<string>(Object.keys(CITY_COORDINATES));
  for (const [table, column] of SOURCES) for (const city of distinctValues(replica, table, column)) all.add(city);
  return [...all].sort((a, b) => a.localeCompare(b, 'ru'));
}

/** A cached reader: the list is re-read at most every `ttlMs`. */
export function carrierCitiesCache(replica: ReadonlyReplica, now: () => number, ttlMs = 30_000): () => string[] {
  let cached: { at: number; cities: string[] } | null = null;
  return () => {
    const t = now();
    if (cached === null || t - cached.at > ttlMs) cached = { at: t, cities: readCarrierCities(replica) };
    return cached.cities;
  };
}
