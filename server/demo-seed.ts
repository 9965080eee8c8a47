// `--demo`: fills an EMPTY server database with the deterministic demo data of shared/demo,
// every row with its change-log entry (so clients receive it like any other change), and
// gives each demo user a token, printed and saved next to the database file.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { demoDataStreams, type DemoOptions } from '../shared/demo';
import type { SyncedTableKey } from '../shared/schema';
import { hashToken, newToken } from './auth/user-tokens';
import type { ServerDb } from './db/open-server-db';
import type { SyncEngine } from './sync/sync-engine';
import type { Logger } from '../platform/log/logger';

export type DemoSeedOptions = DemoOptions;

/** server_meta key: the instant the demo data is "as of" (ms), written by the seed. */
export const DEMO_AS_OF_KEY = 'demo_as_of';

/**
 * Demo data older than this is thrown away and seeded again at start: its SLA deadlines and
 * fix ages are relative to the seed time, so a demo database from yesterday (or this morning)
 * opens with every order overdue. Four hours is the express norm, the shortest promise.
 */
export const DEMO_MAX_AGE_MS = 4 * 3_600_000;

const CHUNK = 500;

/** Tables that must be empty for --demo to seed (users may exist: an admin added first). */
const MUST_BE_EMPTY: readonly SyncedTableKey[] = ['orders', 'drivers', 'carriers', 'warehouses'];

export interface DemoSeedResult {
  seeded: boolean;
  tokens: Array<{ userId: string; name: string; role: string; token: string }>;
}

export async function seedDemoIfEmpty(db: ServerDb, engine: SyncEngine, options: DemoSeedOptions, logger: Logger): Promise<DemoSeedResult> {
  const nonEmpty = MUST_BE_EMPTY.filter((t) => (engine.tables[t].count.get()?.n ?? 0) > 0);
  if (nonEmpty.length > 0) {
    logger.info({ tables: nonEmpty }, '--demo: the database already has data; not seeding');
    return { seeded: false, tokens: [] };
  }
  const demo = demoDataStreams(options);
  const { now } = demo.options;
  const { reference } = demo;
  const insert = chunkedInserter(engine);
  const tokens: DemoSeedResult['tokens'] = [];
  const addToken = db.sqlite.prepare<[string, string, number]>('INSERT INTO user_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)');

  db.sqlite
    .transaction(() => {
      insert('regions', reference.regions);
      insert('warehouses', reference.warehouses);
      insert('users', reference.users);
      insert('customers', reference.customers);
      insert('drivers', reference.drivers);
      const orders = batcher((rows) => insert('orders', rows));
      const events = batcher((rows) => insert('order_events', rows));
      for (const o of demo.orders()) {
        orders.add([o.order]);
        events.add(o.events);
      }
      orders.flush();
      events.flush();
      const carriers = batcher((rows) => insert('carriers', rows));
      const vehicles = batcher((rows) => insert('carrier_vehicles', rows));
      const lanes = batcher((rows) => insert('carrier_lanes', rows));
      const offers = batcher((rows) => insert('carrier_offers', rows));
      const deals = batcher((rows) => insert('carrier_deals', rows));
      for (const c of demo.carriers()) {
        carriers.add([c.carrier]);
        vehicles.add(c.vehicles);
        lanes.add(c.lanes);
        offers.add(c.offers);
        deals.add(c.deals);
      }
      for (const b of [carriers, vehicles, lanes, offers, deals]) b.flush();
      db.sqlite.prepare('INSERT OR REPLACE INTO server_meta (key, value) VALUES (?, ?)').run(DEMO_AS_OF_KEY, String(now));
      for (const u of reference.users) {
        const token = newToken();
        addToken.run(hashToken(token), u.id, now);
        tokens.push({ userId: u.id, name: u.name, role: u.role, token });
      }
    })
    .immediate();
  engine.pumpChanges();
  if (db.file !== ':memory:') {
    const file = join(dirname(db.file), 'demo-tokens.json');
    writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    logger.info({ file }, '--demo: seeded; tokens of the demo users written');
  }
  return { seeded: true, tokens };
}

/** Collects rows from a stream and hands them on in chunks, so big demo sets never sit in memory. */
function batcher(flushRows: (rows: readonly object[]) => void): { add(rows: readonly object[]): void; flush(): void } {
  let pending: object[] = [];
  return {
    add(rows) {
      pending.push(...rows);
      if (pending.length >= CHUNK) this.flush();
    },
    flush() {
      if (pending.length > 0) flushRows(pending);
      pending = [];
    },
  };
}

/** Inserts rows (missing columns take their defaults) and records each in the change log. */
function chunkedInserter(engine: SyncEngine): (table: SyncedTableKey, rows: readonly object[]) => void {
  return (table, rows) => {
    const st = engine.tables[table];
    for (const r of rows) {
      st.upsert.run(...st.codec.toValues(r as Record<string, unknown>));
      engine.log.recordChange(table, (r as { id: string }).id);
    }
  };
}

/**
 * Before a `--demo` server opens `file`: when the file holds demo data seeded more than
 * `maxAgeMs` before `now`, deletes it (with its WAL) so the seed runs again and the demo is
 * "today". A database without the demo mark (real data, or demo data from before the mark)
 * is never touched. Desktops see a new history epoch and take a fresh snapshot.
 */
export function removeStaleDemo(file: string, now: number, logger: Logger, maxAgeMs = DEMO_MAX_AGE_MS): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  let asOf: number | null;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasMeta = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'server_meta'").get() !== undefined;
    const row = hasMeta ? (probe.prepare('SELECT value FROM server_meta WHERE key = ?').get(DEMO_AS_OF_KEY) as { value: string } | undefined) : undefined;
    asOf = row === undefined ? null : Number(row.value);
  } finally {
    probe.close();
  }
  if (asOf === null || !Number.isFinite(asOf) || now - asOf <= maxAgeMs) return false;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  logger.info({ file, seededAt: new Date(asOf).toISOString(), ageHours: Math.round((now - asOf) / 360_000) / 10 }, '--demo: the demo data was seeded too long ago; seeding a fresh demo for today');
  return true;
}
