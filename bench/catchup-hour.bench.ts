// Catch-up after an hour offline (issue 19), at the company's scale: a desktop keeping the
// sync window (30 days asked, 62 kept) syncs, goes offline (the app closed, its replica kept),
// and while it is away the server lives an hour: DRIVERS phones post an OsmAnd fix every
// FIX_SECONDS (timestamps spread over the past hour), NEW_ORDERS orders arrive and CHANGES
// changes are made to open orders (each a row update and a timeline event, written through the
// server's change log). Then the same desktop starts again and we time it to "caught up":
// online, its cursor at the server's head, and every driver at its last position.
// Denominator in the same run: a fresh desktop's first sync of the same window on the same
// server (what a new desktop waits for). Everything in one process on 127.0.0.1 (server and
// desktop share a core's event loop, as bench:sync-window does); the machine's load is printed.
//
//   npm run bench:catchup [-- --drivers 80] [--fix-seconds 30] [--history-per-day 600]
//                          [--new-orders 150] [--changes 900]
// Ten times the company (bench:scale's size; its window holds ~166,000 orders):
//   npm run bench:catchup -- --drivers 800 --fix-seconds 5 --history-per-day 6000 --new-orders 1500 --changes 9000
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OrderEventRow, OrderRow } from '../shared/schema';
import { testOrderRow } from '../shared/testing/order-row';
import { syncWindowDays } from '../shared/protocol';
import { attachGps } from '../server/gps/attach-gps';
import { bindDevice } from '../server/gps/device-bindings';
import { osmAndPath } from '../simulator/senders';
import { addUser, openClient, seedServer, startTestServer, type TestClient } from '../e2e/sync/harness';
import type { MarshrutServer } from '../server/server';
import { desktopFirstSync } from './desktop-first-sync';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const DRIVERS = arg('drivers', 80);
/** A fix every 30 s by default: the desktop gets the latest position per driver (a snapshot), never the
 * track, so how many fixes the hour had changes this bench's set-up time, not its figure. */
const FIX_SECONDS = arg('fix-seconds', 30);
/** Orders a day in the window's history (the company: hundreds a day). */
const HISTORY_PER_DAY = arg('history-per-day', 600);
const HISTORY_DAYS = 30;
const NEW_ORDERS = arg('new-orders', 150);
const CHANGES = arg('changes', 900);
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Concurrent fix requests (phones are independent; the generator must not be the bottleneck). */
const FIX_CONCURRENCY = 32;

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function event(id: string, o: OrderRow, at: number, kind: OrderEventRow['kind'], toStatus: OrderRow['status'] | null, comment: string | null = null): OrderEventRow {
  return { id, orderId: o.id, kind, at, fromStatus: null, toStatus, subMark: null, actor: 'dispatcher', actorId: null, actorName: 'Bench', source: 'manual', reason: null, comment, driverId: o.driverId, changes: null, handover: null };
}

/** HISTORY_DAYS days of orders (most finished, the last day's open), 3 timeline events each. */
function writeHistory(server: MarshrutServer, now: number): number {
  const total = HISTORY_PER_DAY * HISTORY_DAYS;
  const batch = 2000;
  for (let first = 0; first < total; first += batch) {
    server.engine.writeRows((tx) => {
      for (let i = first; i < Math.min(total, first + batch); i++) {
        const createdAt = now - HISTORY_DAYS * DAY_MS + Math.floor((i * HISTORY_DAYS * DAY_MS) / total);
        const open = createdAt > now - DAY_MS;
        const o = testOrderRow({
          id: `h${i}`, number: `H-${100000 + i}`, customerName: `Клиент ${i % 997}`, customerPhone: `+7 701 ${String(1_000_000 + i).slice(-7)}`,
          warehouseId: 'w1', regionId: 'astana', status: open ? 'confirmed' : 'closed', driverId: `cu-d${i % DRIVERS}`,
          createdAt, confirmedAt: createdAt + 600_000, statusChangedAt: createdAt + 3 * HOUR_MS, updatedAt: createdAt + 3 * HOUR_MS, deliveredAt: open ? null : createdAt + 3 * HOUR_MS,
        });
        tx.put('orders', o);
        tx.put('order_events', event(`h${i}-e1`, o, createdAt, 'created', 'new'));
        tx.put('order_events', event(`h${i}-e2`, o, createdAt + 600_000, 'status', 'confirmed'));
        tx.put('order_events', event(`h${i}-e3`, o, createdAt + 3 * HOUR_MS, 'status', open ? 'confirmed' : 'closed'));
      }
    });
  }
  return total;
}

/** The hour's order work: new orders with their 'created' event, and changes to open orders. */
function writeHourOfOrders(server: MarshrutServer, now: number): void {
  const open = server.db.sqlite.prepare("SELECT id FROM orders WHERE status NOT IN ('closed', 'delivered', 'cancelled') ORDER BY id").pluck().all() as string[];
  server.engine.writeRows((tx) => {
    for (let i = 0; i < NEW_ORDERS; i++) {
      const at = now - HOUR_MS + Math.floor((i * HOUR_MS) / NEW_ORDERS);
      const o = testOrderRow({ id: `n${i}`, number: `N-${200000 + i}`, customerName: `Новый клиент ${i}`, warehouseId: 'w1', regionId: 'astana', createdAt: at, statusChangedAt: at, updatedAt: at });
      tx.put('orders', o);
      tx.put('order_events', event(`n${i}-e1`, o, at, 'created', 'new'));
    }
  });
  // In batches, as mutations arrive over the hour (each writeRows is one server transaction).
  for (let first = 0; first < CHANGES; first += 50) {
    server.engine.writeRows((tx) => {
      for (let i = first; i < Math.min(CHANGES, first + 50); i++) {
        const id = open[i % open.length] as string;
        const before = tx.get('orders', id) as OrderRow;
        const at = now - HOUR_MS + Math.floor((i * HOUR_MS) / CHANGES);
        const o: OrderRow = { ...before, cargoDescription: `правка ${i}`, updatedAt: at, version: before.version + 1 };
        tx.put('orders', o);
        tx.put('order_events', event(`c${i}`, o, at, 'comment', null, `правка ${i}`));
      }
    });
  }
}

/** DRIVERS phones, one fix every FIX_SECONDS over the past hour, in time order per phone. */
async function postHourOfFixes(gpsUrl: string, now: number): Promise<{ sent: number; refused: number; lastFixAt: number }> {
  const perPhone = Math.floor(HOUR_MS / (FIX_SECONDS * 1000));
  const start = Math.floor((now - HOUR_MS) / 1000) * 1000;
  let sent = 0;
  let refused = 0;
  let next = 0;
  const total = perPhone * DRIVERS;
  const worker = async (): Promise<void> => {
    for (;;) {
      const k = next++;
      if (k >= total) return;
      // Step-major: every phone's fix n before any phone's fix n + 1, so each phone's fixes are in order.
      const step = Math.floor(k / DRIVERS);
      const i = k % DRIVERS;
      const fix = { deviceId: `cu-phone-${i}`, fixAt: start + step * FIX_SECONDS * 1000, lat: 51.1 + (i % 20) * 0.01 + step * 0.0003, lon: 71.35 + Math.floor(i / 20) * 0.01 + step * 0.0003, speedKmh: 36, headingDeg: 45, accuracyM: 5, battery: 80, charging: false };
      const r = await fetch(`${gpsUrl}${osmAndPath(fix)}`, { method: 'POST' });
      await r.arrayBuffer();
      sent++;
      if (r.status !== 200) refused++;
    }
  };
  await Promise.all(Array.from({ length: FIX_CONCURRENCY }, worker));
  return { sent, refused, lastFixAt: start + (perPhone - 1) * FIX_SECONDS * 1000 };
}

/** Until online, the cursor at the server's head, and every driver at `fixAt` or later. */
async function untilCaughtUp(c: TestClient, server: MarshrutServer, fixAt: number): Promise<void> {
  const head = server.engine.log.headSeq();
  const cursor = c.replica.sqlite.prepare<[], number>("SELECT CAST(value AS INTEGER) FROM replica_meta WHERE key = 'cursor'").pluck();
  const placed = c.replica.sqlite.prepare<[number], number>("SELECT count(*) FROM drivers WHERE id LIKE 'cu-d%' AND fix_at >= ?").pluck();
  const done = () => c.sync.state().connection === 'online' && (cursor.get() ?? 0) >= head && placed.get(fixAt) === DRIVERS;
  while (!done()) await new Promise((r) => setTimeout(r, 10));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-catchup-'));
  const server = await startTestServer(path.join(dir, 'server.db'));
  const gps = await attachGps(server, { port: 0, host: '127.0.0.1', rateLimit: null });
  try {
    seedServer(server, 0);
    const now = Date.now();
    server.engine.writeRows((tx) => {
      for (let i = 0; i < DRIVERS; i++) {
        tx.put('drivers', {
          id: `cu-d${i}`, name: `Водитель ${i}`, phone: '', vehicle: '', vehiclePlate: '', capacityKg: 1000, homeWarehouseId: 'w1', shiftState: 'on_shift',
          shiftChangedAt: now, lat: null, lon: null, headingDeg: null, speedKmh: null, accuracyM: null, battery: null, charging: null, fixAt: null, updatedAt: now, version: 1,
        });
      }
    });
    for (let i = 0; i < DRIVERS; i++) bindDevice(server.db.sqlite, `cu-phone-${i}`, `cu-d${i}`, 'bench', now);
    const historyOrders = writeHistory(server, now - HOUR_MS);
    const { token } = addUser(server, 'Bench dispatcher');
    console.log(`catch-up: ${DRIVERS} drivers every ${FIX_SECONDS} s, window history ${historyOrders} orders over ${HISTORY_DAYS} days (${syncWindowDays(30)} kept), the hour: ${NEW_ORDERS} new orders, ${CHANGES} changes; load ${load()}`);

    // The denominator: a fresh desktop's first sync of the window, on the same server. Its
    // replica is kept: it is the desktop that goes offline (the app closed) and comes back.
    const fresh = path.join(dir, 'fresh.db');
    const first = await desktopFirstSync(fresh, server.url, token, { historyDays: 30, head: server.engine.log.headSeq(), keepFile: true });
    const cursorBefore = server.engine.log.headSeq();
    console.log(`first sync (fresh desktop, window): ${s(first.ms)}, ${first.orders} orders, replica ${mb(first.bytes)}; load ${load()}`);

    // ---- the hour away ----
    const g0 = performance.now();
    const fixes = await postHourOfFixes(`http://127.0.0.1:${gps.port}`, now);
    const gMs = performance.now() - g0;
    writeHourOfOrders(server, now);
    const behind = server.engine.log.headSeq() - cursorBefore;
    console.log(`the hour: ${fixes.sent} fixes posted in ${s(gMs)} (${fixes.refused} refused), ${behind} change-log entries behind the desktop's cursor; load ${load()}`);

    // ---- back: the same replica file starts again ----
    const c0 = performance.now();
    const back = openClient(fresh, server.url, token, { historyDays: 30 });
    let onlineMs = NaN;
    const stopWatch = setInterval(() => {
      if (Number.isNaN(onlineMs) && back.sync.state().connection === 'online') onlineMs = performance.now() - c0;
    }, 5);
    await untilCaughtUp(back, server, fixes.lastFixAt);
    const catchMs = performance.now() - c0;
    clearInterval(stopWatch);
    const orders = back.replica.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    back.close();
    const uptime = fs.readFileSync('/proc/loadavg', 'utf8').trim();
    console.log(
      `catch-up after an hour offline (${DRIVERS} drivers, a fix every ${FIX_SECONDS} s, ${NEW_ORDERS} new orders and ${CHANGES} changes in the hour; server and desktop in this process, nothing else running against the server meanwhile): ${s(catchMs)} to caught up (online after ${s(onlineMs)}), ${behind} change-log entries and ${DRIVERS} driver positions, replica now ${orders} orders`,
    );
    console.log(`catch-up vs first sync of the window in this run: ${(catchMs / first.ms).toFixed(2)}x (${s(catchMs)} / ${s(first.ms)}); ${(behind / (catchMs / 1000)).toFixed(0)} entries/s; load ${uptime}`);
    console.log(`catchup drivers=${DRIVERS} entries=${behind} catchup_ms=${catchMs.toFixed(0)} first_sync_ms=${first.ms.toFixed(0)} ratio=${(catchMs / first.ms).toFixed(3)}`);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
