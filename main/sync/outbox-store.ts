// Rows of the persistent outbox (`outbox` table of the replica): mutations applied locally
// and not yet acknowledged by the server. `mid` here is the local sequence (see lineage.ts).
import type Database from 'better-sqlite3';

export interface OutboxRow {
  /** Local sequence number (outbox.mid). */
  localMid: number;
  name: string;
  /** The args as sent on the wire (JSON). */
  args: unknown;
  /** When the user did it (ms): the mutation's `at`. */
  at: number;
  actorId: string | null;
}

export interface OutboxStore {
  insert(row: OutboxRow): void;
  remove(localMid: number): boolean;
  get(localMid: number): OutboxRow | undefined;
  /** Rows with base < localMid <= upTo, in order, at most `limit`. */
  range(base: number, upTo: number, limit: number): OutboxRow[];
  all(): OutboxRow[];
  allLocalMids(): number[];
  count(): number;
  countRange(base: number, upTo: number): number;
  firstLocalMid(): number | undefined;
  firstLocalMidInRange(base: number, upTo: number): number | undefined;
  /** Local mids of the parts of multi-part import `importId` still here (importOrders with args.batch), in order. */
  importPartMids(importId: string): number[];
  /** Forgets the remembered count; the store calls it when a transaction rolls back. */
  forget(): void;
}

interface RawRow {
  mid: number;
  name: string;
  args: string;
  created_at: number;
  actor_id: string | null;
}

const fromRaw = (r: RawRow): OutboxRow => ({
  localMid: r.mid,
  name: r.name,
  args: JSON.parse(r.args) as unknown,
  at: r.created_at,
  actorId: r.actor_id,
});

export function createOutboxStore(sqlite: Database.Database): OutboxStore {
  const cols = 'mid, name, args, created_at, actor_id';
  const insert = sqlite.prepare(`INSERT INTO outbox (${cols}) VALUES (?, ?, ?, ?, ?)`);
  const remove = sqlite.prepare('DELETE FROM outbox WHERE mid = ?');
  const get = sqlite.prepare(`SELECT ${cols} FROM outbox WHERE mid = ?`);
  const range = sqlite.prepare(`SELECT ${cols} FROM outbox WHERE mid > ? AND mid <= ? ORDER BY mid LIMIT ?`);
  const all = sqlite.prepare(`SELECT ${cols} FROM outbox ORDER BY mid`);
  const count = sqlite.prepare('SELECT count(*) FROM outbox').pluck(true);
  const mids = sqlite.prepare('SELECT mid FROM outbox ORDER BY mid').pluck(true);
  const countRange = sqlite.prepare('SELECT count(*) FROM outbox WHERE mid > ? AND mid <= ?').pluck(true);
  const first = sqlite.prepare('SELECT min(mid) FROM outbox').pluck(true);
  const firstInRange = sqlite.prepare('SELECT min(mid) FROM outbox WHERE mid > ? AND mid <= ?').pluck(true);
  const importParts = sqlite
    .prepare("SELECT mid FROM outbox WHERE name = 'importOrders' AND json_extract(args, '$.batch.importId') = ? ORDER BY mid")
    .pluck(true);

  // count() runs after every edit and every frame; with 1,000 edits made offline a count(*)
  // each time made the loop quadratic. This connection is the only writer: the count is kept
  // as rows go in and out, and read again after a rollback (forget()).
  let known: number | null = null;
  return {
    insert: (r) => {
      insert.run(r.localMid, r.name, JSON.stringify(r.args), r.at, r.actorId);
      if (known !== null) known++;
    },
    remove: (m) => {
      const removed = remove.run(m).changes > 0;
      if (removed && known !== null) known--;
      return removed;
    },
    get: (m) => {
      const r = get.get(m) as RawRow | undefined;
      return r === undefined ? undefined : fromRaw(r);
    },
    range: (base, upTo, limit) => (range.all(base, upTo, limit) as RawRow[]).map(fromRaw),
    all: () => (all.all() as RawRow[]).map(fromRaw),
    allLocalMids: () => mids.all() as number[],
    count: () => (known ??= count.get() as number),
    countRange: (base, upTo) => countRange.get(base, upTo) as number,
    firstLocalMid: () => (first.get() as number | null) ?? undefined,
    firstLocalMidInRange: (base, upTo) => (firstInRange.get(base, upTo) as number | null) ?? undefined,
    importPartMids: (importId) => importParts.all(importId) as number[],
    forget: () => {
      known = null;
    },
  };
}
