// Free-text search over the carrier base: name, tax id (BIN/INN), phone, contact, notes (FTS5).
// Filters by lane, vehicle and tonnage belong to the carrier query; this finds by words.
import { sql } from 'drizzle-orm';
import { carriers, type CarrierRow } from '../../shared/schema';
import { ftsRowids, inHitOrder } from './fts-search';
import type { ReadonlyReplica } from './open-replica';

/** Carriers matching every word of `text` by prefix, best match first. */
export function searchCarriers(replica: ReadonlyReplica, text: string, limit = 50): CarrierRow[] {
  const rowids = ftsRowids(replica, 'carriers_fts', text, limit);
  if (rowids.length === 0) return [];
  const rows = replica.db
    .select({ rowid: sql<number>`${carriers}.rowid`, carrier: carriers })
    .from(carriers)
    .where(sql`${carriers}.rowid IN (${sql.join(rowids, sql`, `)})`)
    .all();
  return inHitOrder(rowids, rows).map((r) => r.carrier);
}
