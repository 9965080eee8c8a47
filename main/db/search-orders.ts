// The console's instant search over orders: number, customer, phone, addresses (FTS5).
import { sql } from 'drizzle-orm';
import { orders, type OrderRow } from '../../shared/schema';
import { toFtsMatchQuery } from './fts-query';
import type { ReadonlyReplica } from './open-replica';

/** More than a screen of hits is never useful to a person typing; it only costs time. */
export const MAX_SEARCH_LIMIT = 500;

/**
 * Orders matching every word of `text` by prefix, best match first (number hits outrank
 * customer hits, which outrank addresses). Empty text or text with nothing searchable
 * gives no rows rather than every order.
 */
export function searchOrders(replica: ReadonlyReplica, text: string, limit = 50): OrderRow[] {
  const match = toFtsMatchQuery(text);
  if (match === null) return [];
  const hits = replica
    .prepareRead('SELECT rowid AS id FROM orders_fts WHERE orders_fts MATCH ? ORDER BY rank LIMIT ?')
    .all(match, clampLimit(limit)) as { id: number }[];
  if (hits.length === 0) return [];
  const rowids = hits.map((h) => h.id);
  const rows = replica.db
    .select({ rowid: sql<number>`${orders}.rowid`, order: orders })
    .from(orders)
    .where(sql`${orders}.rowid IN (${sql.join(rowids, sql`, `)})`)
    .all();
  return inHitOrder(rowids, rows).map((r) => r.order);
}

export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_SEARCH_LIMIT;
  return Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)));
}

/** Rows fetched by rowid come back in table order; put them back in rank order. */
export function inHitOrder<T extends { rowid: number }>(rowids: number[], rows: T[]): T[] {
  const byRowid = new Map(rows.map((r) => [r.rowid, r]));
  const out: T[] = [];
  for (const id of rowids) {
    const row = byRowid.get(id);
    if (row) out.push(row);
  }
  return out;
}
