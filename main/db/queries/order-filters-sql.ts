// Turns the queue's filters into one WHERE clause with named parameters. The SQL text depends
// only on which filters are set (never on their values), so prepared statements are reused.
import type { OrderFilters } from '../../../shared/api/orders-api';
import type { SlaPolicies } from '../../../shared/domain/sla-policy';
import { carriedBySql } from '../../../shared/domain/carried-by';
import { toFtsMatchQuery } from '../fts-query';
import { BREACHED_SQL, atRiskSql } from './sla-sql';

export interface WhereClause {
  sql: string;
  params: Record<string, string | number>;
  /** The search text had nothing searchable: the answer is empty, not "all orders". */
  empty: boolean;
}

/**
 * `policies`: the ones in force (effectiveSlaPolicies), and `predictedRisk` the ids at risk by
 * their prediction (predicted-risk.ts), for the at-risk bucket and counts.
 */
export function orderWhere(filters: OrderFilters, now: number, policies: SlaPolicies, predictedRisk: ReadonlyMap<string, unknown> = new Map()): WhereClause {
  const parts: string[] = [];
  const params: Record<string, string | number> = { now, predictedRisk: JSON.stringify([...predictedRisk.keys()]) };
  let empty = false;
  if (filters.status !== undefined && filters.status.length > 0) {
    parts.push('o.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filters.status);
  }
  if (filters.warehouseId !== undefined) {
    parts.push('o.warehouse_id = @warehouseId');
    params.warehouseId = filters.warehouseId;
  }
  if (filters.serviceType !== undefined) {
    parts.push('o.service_type = @serviceType');
    params.serviceType = filters.serviceType;
  }
  if (filters.driverId !== undefined) {
    if (filters.driverId === 'none') parts.push('o.driver_id IS NULL');
    else {
      parts.push('o.driver_id = @driverId');
      params.driverId = filters.driverId;
    }
  }
  if (filters.carriedBy !== undefined) {
    parts.push(`${carriedBySql('o')} = @carriedBy`);
    params.carriedBy = filters.carriedBy;
  }
  if (filters.slaBucket === 'breached') parts.push(BREACHED_SQL);
  if (filters.slaBucket === 'at_risk') parts.push(atRiskSql(policies));
  if (filters.search !== undefined && filters.search.trim() !== '') {
    const match = toFtsMatchQuery(filters.search);
    if (match === null) empty = true;
    else {
      parts.push('o.rowid IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH @match)');
      params.match = match;
    }
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params, empty };
}
