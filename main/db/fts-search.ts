// The part of every text search that is the same whatever the table: user text to a safe
// MATCH, matching rowids best first (bounded, so a broad prefix stays cheap), rows back in
// that order.
import { toFtsMatchQuery } from './fts-query';
import type { ReadonlyReplica } from './open-replica';

/** More than a screen of hits is never useful to a person typing; it only costs time. */
export const MAX_SEARCH_LIMIT = 500;

/**
 * Only the newest this-many matches are ranked. Ranking (bm25) costs per matching row, and a
 * two-letter prefix matches most of 100k orders; FTS5 walks rowids newest first and stops here,
 * so a keystroke costs milliseconds. Narrow searches (the ones where rank matters) fit whole.
 */
export const RANK_WINDOW = 2000;

export type FtsTable = 'orders_fts' | 'carriers_fts';

export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_SEARCH_LIMIT;
  return Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.floor(limit)));
}

/** Rowids of the source table matching every word of `text` by prefix, best first; [] for no text. */
export function ftsRowids(replica: ReadonlyReplica, table: FtsTable, text: string, limit: number): number[] {
  const match = toFtsMatchQuery(text);
  if (match === null) return [];
  const hits = replica
    .prepareRead(
      `SELECT id FROM (SELECT rowid AS id, rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
       ORDER BY rank LIMIT ?`,
    )
    .all(match, clampLimit(limit)) as { id: number }[];
  return hits.map((h) => h.id);
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
