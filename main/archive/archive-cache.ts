// The desktop's read-only cache of archive orders (issue 19): what the server's archive sent
// back, in a database file of its own beside the replica. Sync never reads or writes it, no
// mutator runs on it and no API command edits it: it only answers "show me that old order
// again" quickly, and offline with a clear "fetched at" (main/archive/archive-handlers.ts).
// Bounded: at most MAX_ROWS orders (the least recently looked at go first) and none older than
// TTL_MS, so it never grows into a second replica. Losing it loses nothing: it is asked again.
import Database from 'better-sqlite3';
import { parseArchiveCard, type ArchiveCard, type ArchiveOrder } from '../../shared/archive/archive-search';

/** Orders kept; a dispatcher looks at a handful of old orders a day. */
export const ARCHIVE_CACHE_MAX_ROWS = 500;
/** A copy older than a week is asked for again (an old order can still be corrected by a supervisor). */
export const ARCHIVE_CACHE_TTL_MS = 7 * 86_400_000;

/** Bumped when the stored shape changes: an older file is emptied, never migrated (it is a cache). */
const CACHE_VERSION = 1;

export interface CachedCard {
  card: ArchiveCard;
  fetchedAt: number;
}

export interface ArchiveCache {
  /** Search hits: the orders as the server sent them (a timeline already held is kept if the order did not change). */
  putOrders(orders: readonly ArchiveOrder[], now: number): void;
  /** An opened order with its timeline. */
  putCard(card: ArchiveCard, now: number): void;
  /** The order with its timeline, if held and fresh; counts as a look (kept longer). */
  card(number: string, now: number): CachedCard | null;
  /** Orders held (for tests and /health-like checks). */
  size(): number;
  /** Drops copies older than the TTL and the least recently looked-at beyond the bound. */
  evict(now: number): void;
  close(): void;
}

export function openArchiveCache(file: string, bounds: { maxRows?: number; ttlMs?: number } = {}): ArchiveCache {
  const maxRows = bounds.maxRows ?? ARCHIVE_CACHE_MAX_ROWS;
  const ttlMs = bounds.ttlMs ?? ARCHIVE_CACHE_TTL_MS;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // A cache: a crash may lose the last copy, which is simply asked for again.
  db.pragma('synchronous = OFF');
  if (db.pragma('user_version', { simple: true }) !== CACHE_VERSION) {
    db.exec('DROP TABLE IF EXISTS archive_orders');
    db.pragma(`user_version = ${CACHE_VERSION}`);
  }
  db.exec(`CREATE TABLE IF NOT EXISTS archive_orders (
    number TEXT PRIMARY KEY,
    updated_at INTEGER NOT NULL,
    order_json TEXT NOT NULL,
    events_json TEXT,
    fetched_at INTEGER NOT NULL,
    read_at INTEGER NOT NULL
  )`);
  type Row = { number: string; updatedAt: number; order: string; events: string | null; now: number };
  const upsertOrder = db.prepare<[Omit<Row, 'events'>]>(
    `INSERT INTO archive_orders (number, updated_at, order_json, events_json, fetched_at, read_at) VALUES (@number, @updatedAt, @order, NULL, @now, @now)
     ON CONFLICT(number) DO UPDATE SET
       events_json = CASE WHEN archive_orders.updated_at = excluded.updated_at THEN archive_orders.events_json ELSE NULL END,
       updated_at = excluded.updated_at, order_json = excluded.order_json, fetched_at = excluded.fetched_at, read_at = excluded.read_at`,
  );
  const upsertCard = db.prepare<[Row]>(
    `INSERT INTO archive_orders (number, updated_at, order_json, events_json, fetched_at, read_at) VALUES (@number, @updatedAt, @order, @events, @now, @now)
     ON CONFLICT(number) DO UPDATE SET updated_at = excluded.updated_at, order_json = excluded.order_json, events_json = excluded.events_json,
       fetched_at = excluded.fetched_at, read_at = excluded.read_at`,
  );
  const byNumber = db.prepare<[string], { order_json: string; events_json: string | null; fetched_at: number }>(
    'SELECT order_json, events_json, fetched_at FROM archive_orders WHERE number = ?',
  );
  const touch = db.prepare<[number, string]>('UPDATE archive_orders SET read_at = ? WHERE number = ?');
  const dropStale = db.prepare<[number]>('DELETE FROM archive_orders WHERE fetched_at < ?');
  const dropBeyond = db.prepare<[number]>('DELETE FROM archive_orders WHERE number NOT IN (SELECT number FROM archive_orders ORDER BY read_at DESC, number LIMIT ?)');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM archive_orders');

  const evict = (now: number) => {
    dropStale.run(now - ttlMs);
    dropBeyond.run(maxRows);
  };
  return {
    putOrders: db.transaction((orders: readonly ArchiveOrder[], now: number) => {
      for (const o of orders) upsertOrder.run({ number: o.number, updatedAt: o.updatedAt, order: JSON.stringify(o), now });
      evict(now);
    }),
    putCard: db.transaction((card: ArchiveCard, now: number) => {
      upsertCard.run({ number: card.order.number, updatedAt: card.order.updatedAt, order: JSON.stringify(card.order), events: JSON.stringify(card.events), now });
      evict(now);
    }),
    card(number, now) {
      const row = byNumber.get(number);
      if (row === undefined || row.events_json === null || row.fetched_at < now - ttlMs) return null;
      // What we wrote ourselves, parsed again: a file edited by hand is a miss, not a crash.
      const parsed = parseArchiveCard({ order: safeJson(row.order_json), events: safeJson(row.events_json) });
      if (!parsed.ok) return null;
      touch.run(now, number);
      return { card: parsed.value, fetchedAt: row.fetched_at };
    },
    size: () => count.get()?.n ?? 0,
    evict,
    close: () => db.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
