// Free-text search over the carrier base: name, tax id (BIN/INN), phone, contact, notes (FTS5).
// Filters by lane, vehicle and tonnage belong to the carrier query; this finds by words.
import { sql } from 'drizzle-orm';
import { carriers, type CarrierRow } from '../../shared/schema';
import { toFtsMatchQuery } from './fts-query';
import type { ReadonlyReplica } from './open-replica';
import { clampLimit, inHitOrder } from './search-orders';

/** Carriers matching every word of `text` by prefix, best match first. */
export function searchCarriers(replica: ReadonlyReplica, text: string, limit = 50): CarrierRow[] {
  const match = toFtsMatchQuery(text);
  if (match === null) return [];
  const hits = replica
    .prepareRead('SELECT rowid AS id FROM carriers_fts WHERE carriers_fts MATCH ? ORDER BY rank LIMIT ?')
    .all(match, clampLimit(limit)) as { id: number }[];
  if (hits.length === 0) return [];
  const rowids = hits.map((h) => h.id);
  const rows = replica.db
    .select({ rowid: sql<number>`${carriers}.rowid`, carrier: carriers })
    .from(carriers)
    .where(sql`${carriers}.rowid IN (${sql.join(rowids, sql`, `)})`)
    .all();
  return inHitOrder(rowids, rows).map((r) => r.carrier);
}

/**
 * The same match as a SQL fragment of carrier rowids, for carrier queries that combine words
 * with lane/vehicle filters: `WHERE carriers.rowid IN (<this>)`. Null when nothing to match.
 */
export function carrierTextMatchRowids(text: string): ReturnType<typeof sql> | null {
  const match = toFtsMatchQuery(text);
  return match === null ? null : sql`SELECT rowid FROM carriers_fts WHERE carriers_fts MATCH ${match}`;
}
