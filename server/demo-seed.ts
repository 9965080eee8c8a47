// `--demo`: fills an EMPTY server database with the deterministic demo data of shared/demo,
// every row with its change-log entry (so clients receive it like any other change), and
// gives each demo user a token, printed and saved next to the database file.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoDataStreams, type DemoOptions } from '../shared/demo';
import type { SyncedTableKey } from '../shared/schema';
import { hashToken, newToken } from './auth/user-tokens';
import type { ServerDb } from './db/open-server-db';
import type { SyncEngine } from './sync/sync-engine';
import type { Logger } from './log/logger';

export type DemoSeedOptions = DemoOptions;

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
