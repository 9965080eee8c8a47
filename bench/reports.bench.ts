// Reports benchmark (issue 17): 1,000,000 orders over a year (with their delivered, arrival and
// problem events), then the time to compute the last 30 days' headline and the driver table
//   - locally: shared/reports over a migrated desktop replica (what main runs: the figures summed
//     inside SQLite a week at a time, shared/reports/report-sql.ts),
//   - on the server: GET /api/reports through a real server over the same rows (HTTP and JSON included),
//   - against a bare SQLite aggregate over the same rows in the same run (count, delivered,
//     on time; and per driver), the floor any implementation pays to read them.
// Also the longest event-loop stall while the local report computes (what the console's main
// process cannot answer meanwhile; the renderer never computes, so the tab itself keeps drawing).
//
//   npm run bench:reports                      # 1,000,000 orders; the data files are cached in the tmp dir
//   npm run bench:reports -- --orders 200000 --fresh --runs 5
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReplica } from '../main/db/open-replica';
import { replicaReader } from '../main/reports/report-handlers';
import { startServer } from '../server/server';
import { silentLogger } from '../platform/log/logger';
import { openServerDb } from '../server/db/open-server-db';
import { loadNames, buildReport, loadSums } from '../shared/reports/report-source';
import { reportFromSums } from '../shared/reports/report-sql';
import { presetDays, resolvePeriod } from '../shared/reports/report-period';
import { PROBLEM_REASONS, SERVICE_TYPES } from '../shared/domain/vocabulary';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ORDERS = arg('orders', 1_000_000);
const RUNS = arg('runs', 7);
const FRESH = process.argv.includes('--fresh');
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 7); // 12:00 in Astana
const DRIVERS = 80;
const CUSTOMERS = 3000;

/** mulberry32: the same orders every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills the server's database (its migrations) with ORDERS orders spread over the year before NOW. */
function fill(file: string): void {
  const db = openServerDb(file, 'NORMAL');
  const s = db.sqlite;
  const rnd = prng(17);
  const started = performance.now();
  s.transaction(() => {
    for (const r of ['r-ast', 'r-ala', 'r-kar']) s.prepare("INSERT INTO regions (id, name, utc_offset_minutes, working_days, work_start_minute, work_end_minute, holidays, updated_at) VALUES (?, ?, 300, '[1,2,3,4,5]', 540, 1080, '[]', ?)").run(r, r, NOW);
    for (let i = 0; i < 3; i++) s.prepare('INSERT INTO warehouses (id, name, city, address, lat, lon, region_id, updated_at) VALUES (?, ?, ?, ?, 51, 71, ?, ?)').run(`w${i}`, `Warehouse ${i}`, 'City', 'Street 1', ['r-ast', 'r-ala', 'r-kar'][i], NOW);
    for (let i = 0; i < DRIVERS; i++) s.prepare('INSERT INTO drivers (id, name, updated_at) VALUES (?, ?, ?)').run(`d${i}`, `Driver ${i}`, NOW);
    for (let i = 0; i < CUSTOMERS; i++) s.prepare('INSERT INTO customers (id, name, updated_at) VALUES (?, ?, ?)').run(`c${i}`, `Customer ${i}`, NOW);
  })();
  const order = s.prepare(
    `INSERT INTO orders (id, number, customer_id, customer_name, pickup_address, pickup_lat, pickup_lon, delivery_address, delivery_city, delivery_lat, delivery_lon,
      warehouse_id, region_id, service_type, status, problem_reason, driver_id, courier_provider, sla_deadline, created_at, confirmed_at, delivered_at, status_changed_at, updated_at)
     VALUES (?, ?, ?, ?, 'a', 51, 71, 'b', 'City', 51.1, 71.1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = s.prepare('INSERT INTO order_events (id, order_id, kind, at, to_status, sub_mark, actor, source, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let events = 0;
  const batch = s.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const id = `o${n}`;
      const created = NOW - 365 * DAY + Math.floor((n / ORDERS) * 365 * DAY);
      const w = Math.floor(rnd() * 3);
      const service = SERVICE_TYPES[Math.floor(rnd() * 3)] as string;
      const deadline = created + (service === 'express' ? 4 : service === 'standard' ? 24 : 72) * 3_600_000;
      const roll = rnd();
      const courier = rnd() < 0.1;
      const driver = courier ? null : `d${Math.floor(rnd() * DRIVERS)}`;
      const problem = rnd() < 0.03 ? (PROBLEM_REASONS[Math.floor(rnd() * PROBLEM_REASONS.length)] as string) : null;
      const cancelled = roll < 0.04;
      const open = !cancelled && created > NOW - 2 * DAY && roll < 0.5;
      const delivered = cancelled || open ? null : deadline + (rnd() < 0.9 ? -1 : 1) * Math.floor(rnd() * 3 * 3_600_000);
      const status = cancelled ? 'cancelled' : open ? 'in_transit' : rnd() < 0.5 ? 'closed' : 'delivered';
      order.run(id, `MR-${n}`, `c${Math.floor(rnd() * CUSTOMERS)}`, 'Customer', `w${w}`, ['r-ast', 'r-ala', 'r-kar'][w], service, status, null, driver, courier ? 'cdek' : null, deadline, created, created, delivered, created, created);
      if (delivered !== null) {
        if (driver !== null && rnd() < 0.7) {
          event.run(`${id}-a`, id, 'sub_mark', delivered - Math.floor(rnd() * 3_600_000), null, 'arrived', 'gps', 'gps', null);
          events += 1;
        }
        event.run(`${id}-d`, id, 'status', delivered, 'delivered', null, driver ? 'driver' : 'courier', driver ? 'driver' : 'courier', null);
        events += 1;
      }
      if (problem !== null) {
        event.run(`${id}-p`, id, 'status', created + 3_600_000, 'problem', null, 'dispatcher', 'manual', problem);
        events += 1;
      }
    }
  });
  for (let n = 0; n < ORDERS; n += 20_000) batch(n, Math.min(ORDERS, n + 20_000));
  // Each driver's GPS track over the last 30 days: a fix every 10 minutes of a 10-hour day.
  const fix = s.prepare('INSERT INTO driver_tracks (driver_id, fix_at, lat, lon, device_id, received_at) VALUES (?, ?, ?, ?, ?, ?)');
  s.transaction(() => {
    for (let d = 0; d < DRIVERS; d++)
      for (let day = 30; day > 0; day--)
        for (let k = 0; k < 60; k++) {
          const at = NOW - day * DAY + k * 600_000;
          fix.run(`d${d}`, at, 51 + rnd() * 0.1, 71 + rnd() * 0.1, 'dev', at);
        }
  })();
  s.exec('ANALYZE');
  console.log(`filled ${ORDERS} orders, ${events} events, ${DRIVERS * 30 * 60} track fixes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;

async function main(): Promise<void> {
  const dir = path.join(os.tmpdir(), `marshrut-bench-reports-${ORDERS}`);
  const serverFile = path.join(dir, 'server.db');
  if (FRESH) fs.rmSync(dir, { recursive: true, force: true });
  if (!fs.existsSync(serverFile)) {
    fs.mkdirSync(dir, { recursive: true });
    fill(serverFile);
  }
  // The desktop's replica: its own migrations, the same rows copied over.
  const replicaFile = path.join(dir, 'replica.db');
  if (!fs.existsSync(replicaFile)) {
    const r = openReplica(replicaFile);
    r.sqlite.exec(`ATTACH DATABASE '${serverFile}' AS s`);
    for (const t of ['regions', 'warehouses', 'drivers', 'customers', 'orders', 'order_events']) r.sqlite.exec(`INSERT INTO main.${t} SELECT * FROM s.${t}`);
    r.sqlite.exec('DETACH DATABASE s');
    r.sqlite.exec('ANALYZE');
    r.close();
  }
  const replica = openReplica(replicaFile);
  const read = replicaReader(replica);
  const q = presetDays('last30', NOW);
  const checked = resolvePeriod(q, NOW);
  if (!checked.ok) throw new Error(checked.message);
  const { startMs, endMs } = checked.period;
  const total = (replica.sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
  const inPeriod = (replica.sqlite.prepare('SELECT count(*) AS n FROM orders WHERE created_at >= ? AND created_at < ?').get(startMs, endMs) as { n: number }).n;
  console.log(`replica: ${total.toLocaleString('en')} orders; last 30 days (${q.from} .. ${q.to}): ${inPeriod.toLocaleString('en')} orders`);

  const bareHeadline = replica.sqlite.prepare(
    `SELECT count(*) AS orders, sum(delivered_at IS NOT NULL AND status <> 'cancelled') AS delivered,
       sum(delivered_at IS NOT NULL AND status <> 'cancelled' AND delivered_at <= sla_deadline) AS onTime
     FROM orders WHERE created_at >= ? AND created_at < ?`,
  );
  const bareDrivers = replica.sqlite.prepare(
    `SELECT driver_id, count(*) AS orders, sum(delivered_at IS NOT NULL AND delivered_at <= sla_deadline) AS onTime
     FROM orders WHERE created_at >= ? AND created_at < ? AND driver_id IS NOT NULL GROUP BY driver_id`,
  );
  const names = loadNames(read);
  const noPause = () => Promise.resolve();
  const runs = { bareHeadline: [] as number[], bareDrivers: [] as number[], headline: [] as number[], drivers: [] as number[], report: [] as number[], server: [] as number[] };
  let stall = 0;
  let localOrders = -1;
  let localDrivers = -1;
  for (let i = 0; i < RUNS; i++) {
    runs.bareHeadline.push(time(() => bareHeadline.get(startMs, endMs)));
    runs.bareDrivers.push(time(() => bareDrivers.all(startMs, endMs)));
    // The nine headline figures of the 30 days (what the previous period costs too).
    runs.headline.push(
      await timeAsync(async () => {
        localOrders = (await loadSums(read, checked.period, {}, NOW, 'headline', noPause)).headline().orders.value ?? -1;
      }),
    );
    // The driver table: the statement that sums it sums every other cut, the days and the bars too.
    runs.drivers.push(
      await timeAsync(async () => {
        const sums = await loadSums(read, checked.period, {}, NOW, 'full', noPause);
        localDrivers = reportFromSums({ period: checked.period, previous: checked.previous, sums, previousSums: sums, names, now: NOW, source: 'local', kmByDriver: null }).drivers.length;
      }),
    );
    // The whole local report (this period and the one before, every cut), watched by a 5 ms ticker.
    let last = performance.now();
    let worst = 0;
    const ticker = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last - 5);
      last = t;
    }, 5);
    await new Promise((r) => setTimeout(r, 20));
    last = performance.now();
    const t0 = performance.now();
    // As main runs it: a week of orders per statement, the loop handed back between weeks.
    const r = await buildReport(read, q, NOW, 'local', () => null, () => new Promise<void>((resolve) => setImmediate(resolve)));
    if (!r.ok) throw new Error(r.message);
    runs.report.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(ticker);
    stall = Math.max(stall, worst);
  }
  replica.close();

  const server = await startServer({ port: 0, dbFile: serverFile, synchronous: 'NORMAL', logger: silentLogger(), clock: () => NOW });
  const token = server.users.addUser({ name: 'Bench supervisor', role: 'supervisor' }).token;
  const url = `${server.url}/api/reports?from=${q.from}&to=${q.to}`;
  let serverBody: { headline: { orders: { value: number } }; drivers: unknown[] } | null = null;
  for (let i = 0; i < RUNS; i++) {
    // One report a second per token is the server's limit: keep under it.
    await new Promise((r) => setTimeout(r, 1000));
    runs.server.push(await timeAsync(async () => (serverBody = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof serverBody)));
  }
  await server.close();

  const floor = median(runs.bareHeadline);
  const floorDrivers = median(runs.bareDrivers);
  const times = (x: number, d: number) => `${ms(x)}   = ${(x / d).toFixed(1)}x the bare ${d === floor ? 'headline' : 'per-driver'} aggregate`;
  console.log(`medians of ${RUNS} runs over the same ${inPeriod.toLocaleString('en')} orders (of ${total.toLocaleString('en')}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
  console.log(`  bare SQLite aggregate, headline      ${ms(floor)}`);
  console.log(`  bare SQLite aggregate, per driver    ${ms(floorDrivers)}`);
  console.log(`  local: 30-day headline (9 figures)   ${times(median(runs.headline), floor)}`);
  console.log(`  local: driver table (+ every cut)    ${times(median(runs.drivers), floorDrivers)}`);
  console.log(`  local: whole report (+ previous 30 days, every cut, charts)  ${times(median(runs.report), floor)}`);
  console.log(`  server: GET /api/reports, whole report with GPS km, over HTTP ${times(median(runs.server), floor)}`);
  console.log(`  longest event-loop stall while the local report computed: ${ms(stall)}`);
  if (localOrders !== inPeriod) throw new Error(`the local headline counted ${localOrders} orders, the bare aggregate ${inPeriod}`);
  if (localDrivers !== DRIVERS) throw new Error(`the local driver table has ${localDrivers} drivers, not ${DRIVERS}`);
  const body = serverBody as { headline: { orders: { value: number } }; drivers: unknown[] } | null;
  if (body === null || body.headline.orders.value !== inPeriod) throw new Error(`the server counted ${body?.headline.orders.value} orders, the replica ${inPeriod}`);
  console.log(`  check: the server counted the same ${inPeriod.toLocaleString('en')} orders, ${body.drivers.length} drivers`);
}

void main();
