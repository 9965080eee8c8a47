// Orders in through the REST API (issue 14): 10,000 orders from 10 concurrent shop clients
// (one integration token each) against the real server in its own process (synchronous =
// FULL, as shipped), with one desktop's sync client connected here. Reported:
// - orders per second through the API, against raw SQLite inserts of the same rows (one
//   fsynced transaction per order, as the API commits them) measured in the same run;
// - p50/p99 from the start of each POST to the order being in the desktop's replica (the
//   sync client's onChange for its row), against the promise of one second.
// `npm run bench:orders [-- ORDERS CLIENTS]`.
import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { addUser, openClient, seedServer, startTestServer, testDir, waitFor } from '../e2e/sync/harness';
import { spawnServer } from '../e2e/sync/server-child';
import type { Figure } from './sync.bench';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function orderBody(i: number) {
  return {
    externalId: `WEB-${i}`,
    serviceType: i % 3 === 0 ? 'express' : 'standard',
    customer: { name: `Покупатель ${i}`, phone: `+7 701 ${String(1_000_000 + i).slice(-7)}` },
    delivery: { address: `ул. Кенесары ${(i % 200) + 1}, кв. ${i % 90}`, city: 'Астана', lat: 51.16 + (i % 100) / 10_000, lon: 71.43 + (i % 77) / 10_000 },
    cargo: { description: 'Бытовая техника', weightKg: 1 + (i % 30), places: 1 + (i % 3) },
  };
}

/** The same order rows and created events, inserted straight into SQLite: one fsynced commit each. */
function rawInsertRate(file: string, n: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE orders (id TEXT PRIMARY KEY, number TEXT UNIQUE, external_source TEXT, external_id TEXT, body TEXT,
             UNIQUE (external_source, external_id));
           CREATE TABLE order_events (id TEXT PRIMARY KEY, order_id TEXT, kind TEXT, at INTEGER);
           CREATE TABLE change_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT, row_id TEXT, at INTEGER, UNIQUE (tbl, row_id));`);
  const order = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?, ?)');
  const event = db.prepare('INSERT INTO order_events VALUES (?, ?, ?, ?)');
  const log = db.prepare('INSERT INTO change_log (tbl, row_id, at) VALUES (?, ?, ?)');
  const one = db.transaction((i: number) => {
    const body = orderBody(i);
    order.run(`o${i}`, String(100_000 + i), 'shop', body.externalId, JSON.stringify(body));
    event.run(`e${i}`, `o${i}`, 'created', Date.now());
    log.run('orders', `o${i}`, Date.now());
    log.run('order_events', `e${i}`, Date.now());
  });
  const start = performance.now();
  for (let i = 0; i < n; i++) one.immediate(i);
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return n / seconds;
}

export async function benchOrdersApi(total = 10_000, clients = 10): Promise<Figure[]> {
  const dir = testDir();
  try {
    const file = dir.file('server.db');
    const seeding = await startTestServer(file);
    seedServer(seeding, 10);
    const shops = Array.from({ length: clients }, (_, i) => addUser(seeding, `Shop ${i}`, 'integration').token);
    const desk = addUser(seeding, 'Dispatcher Aigerim').token;
    await seeding.close();
    const server = await spawnServer(file, 0, 'FULL', 1_000_000);

    const desktop = openClient(dir.file('desktop.db'), server.url, desk);
    await waitFor('the desktop online', () => desktop.sync.state().connection === 'online', 30_000);
    const numberOf = desktop.replica.sqlite.prepare<[string], { number: string }>('SELECT number FROM orders WHERE id = ?');
    const visibleAt = new Map<string, number>();
    desktop.sync.on('changes', (e) => {
      const now = performance.now();
      for (const id of e.ids.orders ?? []) {
        const n = numberOf.get(id)?.number;
        if (n !== undefined && !visibleAt.has(n)) visibleAt.set(n, now);
      }
    });

    const postedAt = new Map<string, number>(); // number -> POST start
    let next = 0;
    let failures = 0;
    const worker = async (token: string): Promise<void> => {
      for (let i = next++; i < total; i = next++) {
        const start = performance.now();
        const r = await fetch(`${server.url}/api/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(orderBody(i)),
        });
        const json = (await r.json()) as { number?: string };
        if (r.status !== 201 || json.number === undefined) failures++;
        else postedAt.set(json.number, start);
      }
    };
    const start = performance.now();
    await Promise.all(shops.map((t) => worker(t)));
    const apiSeconds = (performance.now() - start) / 1000;
    await waitFor('every order in the desktop replica', () => [...postedAt.keys()].every((n) => visibleAt.has(n)), 120_000);
    desktop.close();
    await server.kill();
    if (failures > 0) throw new Error(`${failures} POSTs failed`);

    const latencies = [...postedAt].map(([n, t]) => (visibleAt.get(n) as number) - t).sort((a, b) => a - b);
    const apiRate = total / apiSeconds;
    const rawRate = rawInsertRate(dir.file('raw.db'), total);
    const p99 = percentile(latencies, 99);
    console.log(`  ${total} orders, ${clients} clients, ${apiSeconds.toFixed(1)} s; POST->replica p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${(latencies[latencies.length - 1] ?? NaN).toFixed(1)} ms`);
    return [
      {
        name: `orders/s through POST /api/orders (${clients} concurrent clients, FULL sync)`,
        value: apiRate,
        unit: 'orders/s',
        limit: rawRate,
        limitName: 'raw SQLite inserts, one fsynced commit per order',
        ratio: apiRate / rawRate,
        target: 'at least a quarter of raw inserts',
        pass: apiRate >= rawRate / 4,
      },
      {
        name: 'p99 POST start -> order in a connected desktop replica',
        value: p99,
        unit: 'ms',
        limit: 1000,
        limitName: "the issue's promise",
        ratio: 1000 / p99,
        target: 'under 1 s',
        pass: p99 < 1000,
      },
    ];
  } finally {
    dir.cleanup();
  }
}

async function main(): Promise<void> {
  const [orders, clients] = process.argv.slice(2).map(Number);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const f of await benchOrdersApi(orders || 10_000, clients || 10)) {
    const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
    console.log(`${f.pass ? 'PASS' : 'MISS'}  ${f.name}\n      ${fmt(f.value)} ${f.unit}  vs ${f.limitName}: ${fmt(f.limit)} ${f.unit}  -> ${f.ratio.toFixed(2)}x  (target ${f.target})`);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
