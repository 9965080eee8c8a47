// Which change-log entries a windowed snapshot sends (protocol 3, shared/protocol/sync-window.ts):
// every row of a table that is not about one order; and of the tables that are, only rows
// whose order is in the window: open (OPEN_STATUSES: work still to do), or created or changed since the
// window's start (an order is changed when it is made, so "changed since" covers "created
// since", which the Reports tab's local periods need). Decided inside SQLite, a primary-key lookup or two per entry, so the
// history outside the window is never read into JavaScript, let alone sent.
import type Database from 'better-sqlite3';
import { OPEN_STATUSES } from '../../shared/domain/order-status';
import type { SyncedTableKey } from '../../shared/schema';

/**
 * How a row of an order's own table names its order: its id is the order's id, or its
 * `order_id` column. A table with an order_id column that is not listed here goes to every
 * desktop whole (sync-window.test.ts makes each such table a decision).
 */
export const ORDER_KEYED_TABLES: Readonly<Partial<Record<SyncedTableKey, 'id' | 'order_id'>>> = {
  orders: 'id',
  order_events: 'order_id',
  alerts: 'order_id',
  delivery_proofs: 'order_id',
  delivery_codes: 'id',
  tracking_links: 'id',
  messages: 'order_id',
};

/**
 * Tables with an order_id that every desktop keeps whole: carrier deals are the carrier
 * base's history (past deals rank carriers in search), not part of an order's card.
 */
export const WHOLE_TABLES_WITH_ORDER_ID: readonly SyncedTableKey[] = ['carrier_deals'];

export interface WindowPage {
  entries: { seq: number; tbl: string; row_id: string }[];
  /** The highest seq examined: the frame's cursor (entries past it were not looked at). */
  through: number;
}

/**
 * Order-keyed tables whose rows may be about no order (order_id NULL): a staff alert's message,
 * a warehouse alert (nobody started the day). Such a row is not about an order: it goes whole.
 */
export const ORDERLESS_ROW_TABLES = ['messages', 'alerts'] as const satisfies readonly (keyof typeof ORDER_KEYED_TABLES)[];

export type WindowReader = (after: number, scanTo: number, windowStart: number, limit: number) => WindowPage;

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function prepareWindowReader(sqlite: Database.Database): WindowReader {
  const keyed = Object.entries(ORDER_KEYED_TABLES) as [SyncedTableKey, 'id' | 'order_id'][];
  const orderIdOf = keyed
    .map(([table, key]) => `WHEN ${lit(table)} THEN ${key === 'id' ? 'c.row_id' : `(SELECT order_id FROM ${q(table)} WHERE id = c.row_id)`}`)
    .join(' ');
  // A row without an order (a staff alert's message, a warehouse alert) goes whole.
  const orderless = ORDERLESS_ROW_TABLES.map((t) => `OR (c.tbl = ${lit(t)} AND EXISTS (SELECT 1 FROM ${q(t)} x WHERE x.id = c.row_id AND x.order_id IS NULL))`).join('\n      ');
  const sql = `
    SELECT c.seq, c.tbl, c.row_id FROM change_log c
    WHERE c.seq > @after AND c.seq <= @scanTo AND (
      c.tbl NOT IN (${keyed.map(([t]) => lit(t)).join(', ')})
      ${orderless}
      OR EXISTS (
        SELECT 1 FROM orders o
        WHERE o.id = (CASE c.tbl ${orderIdOf} END)
          AND (o.status IN (${OPEN_STATUSES.map(lit).join(', ')}) OR o.updated_at >= @start)
      )
    )
    ORDER BY c.seq LIMIT @limit`;
  const page = sqlite.prepare<[{ after: number; scanTo: number; start: number; limit: number }], { seq: number; tbl: string; row_id: string }>(sql);
  return (after, scanTo, windowStart, limit) => {
    const entries = page.all({ after, scanTo, start: windowStart, limit });
    const last = entries[entries.length - 1];
    // A full page stops at its last entry; a short one examined the whole range.
    return { entries, through: entries.length === limit && last !== undefined ? last.seq : scanTo };
  };
}
