// How many carriers match a search, counted up to a cap ("1,000+"). A separate call from the
// search itself: counting must visit every match (and check its vehicles), while the ranked
// page stops after the first rows, so the list appears first and the count follows.
import type { CarrierCount, CarrierFilters } from '../../shared/api/carriers-api';
import type { ReadonlyReplica } from '../db/open-replica';
import { NOT_NEAR_NOW, statsKey, textPart, type Direction } from './search-candidates';
import { carrierConditionSql, textMatch } from './search-filters-sql';


/** Counting walks every match (and its vehicles): past this, "500+" is all a logistician needs. */
export const COUNT_CAP = 500;

export function countCarriers(replica: ReadonlyReplica, d: Direction, f: CarrierFilters, cap = COUNT_CAP): CarrierCount {
  const cond = carrierConditionSql(f);
  const statsCond = carrierConditionSql(f, 's.carrier_id');
  const text = textPart(replica, f, cap);
  const filter = `${cond.sql} ${text.sql}`;
  const params = [...cond.params, ...text.params];
  let total: number;
  if (d.fromCity !== null || d.toCity !== null) {
    const key = statsKey(d);
    total = (
      replica
        .prepareRead(
          `SELECT count(*) AS n FROM (SELECT 1 FROM carrier_direction_stats s JOIN carriers c ON c.id = s.carrier_id
            WHERE s.from_city = ? AND s.to_city = ? AND ${statsCond.sql} ${text.sql} LIMIT ?)`,
        )
        .get(...key, ...statsCond.params, ...text.params, cap + 1) as { n: number }
    ).n;
    for (const n of d.fromCity === null ? [] : d.nearLoading) {
      if (total > cap) break;
      total += (
        replica
          .prepareRead(
            `SELECT count(*) AS n FROM (SELECT 1 FROM carriers c INDEXED BY carriers_current_city_idx WHERE c.current_city = ? AND ${filter}
              AND NOT EXISTS (SELECT 1 FROM carrier_direction_stats s WHERE s.from_city = ? AND s.to_city = ? AND s.carrier_id = c.id) LIMIT ?)`,
          )
          .get(n.city, ...params, ...key, cap + 1 - total) as { n: number }
      ).n;
    }
    // Carriers based at or near the loading city and not there now (search-candidates.ts).
    const nearCities = JSON.stringify(d.fromCity === null ? [] : d.nearLoading.map((n) => n.city));
    for (const n of d.fromCity === null ? [] : d.nearLoading) {
      if (total > cap) break;
      total += (
        replica
          .prepareRead(
            `SELECT count(*) AS n FROM (SELECT 1 FROM carriers c INDEXED BY carriers_base_city_idx WHERE c.base_city = ? AND ${filter}
              AND NOT EXISTS (SELECT 1 FROM carrier_direction_stats s WHERE s.from_city = ? AND s.to_city = ? AND s.carrier_id = c.id)
              AND ${NOT_NEAR_NOW} LIMIT ?)`,
          )
          .get(n.city, ...params, ...key, nearCities, cap + 1 - total) as { n: number }
      ).n;
    }
  } else if (textMatch(f) === null && (f.text ?? '').trim() !== '') {
    total = 0;
  } else {
    total = (
      replica.prepareRead(`SELECT count(*) AS n FROM (SELECT 1 FROM carriers c WHERE ${filter} LIMIT ?)`).get(...params, cap + 1) as { n: number }
    ).n;
  }
  return { total: Math.min(total, cap), capped: total > cap };
}
