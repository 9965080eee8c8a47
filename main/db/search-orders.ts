// The console's instant search over orders: number, customer, phone, addresses (FTS5).
import { sql } from 'drizzle-orm';
import { orders, type OrderRow } from '../../shared/schema';
import { ftsRowids, inHitOrder } from './fts-search';
import type { ReadonlyReplica } from './open-replica';

/**
 * Orders matching every word of `text` by prefix, best match first (number hits outrank
 * customer hits, which outrank addresses). Empty text or text with nothing searchable gives
 * no rows rather than every order. Broad text ranks only the newest RANK_WINDOW matches.
 */
export function searchOrders(replica: ReadonlyReplica, text: string, limit = 50): OrderRow[] {
  const rowids = ftsRowids(replica, 'orders_fts', text, limit);
  if (rowids.length === 0) return [];
  const rows = replica.db
    .select({ rowid: sql<number>`${orders}.rowid`, order: orders })
    .from(orders)
    .where(sql`${orders}.rowid IN (${sql.join(rowids, sql`, `)})`)
    .all();
  return inHitOrder(rowids, rows).map((r) => r.order);
}
