// Ten times the company (issue 19): one server (its own process) with DRIVERS phones sending
// an OsmAnd fix every FIX seconds, ORDERS_PER_DAY orders a day through POST /api/orders, a
// history of bench:reports' 1,000,000 orders (unless --no-history; the cached file of
// bench:sync-window), and DESKTOPS connected desktops as protocol clients (live: they say
// hello at the head with a 30-day window, as desktops that hold their replica already; a
// new desktop's first sync is bench:sync-window's figure), spread over --desktop-procs
// processes. Reported: the server's CPU (share of one core) and RSS, fix-to-desktop latency
// (from the fix's time: phones send on whole seconds, to the positions frame in each desktop)
// p50/p95/p99, order rows received, and what was dropped (fixes refused, fix receipts
// missing at a desktop, desktops closed). The phones and the shop share this process: its
// event-loop delay is printed so a saturated generator is not taken for a slow server.
// Everything talks to 127.0.0.1 only, and stops by itself after --seconds.
//
//   npm run bench:scale [-- --drivers 800] [--fix-seconds 5] [--orders-per-day 20000]
//                        [--desktops 200] [--desktop-procs 4] [--seconds 60] [--no-history]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bindDevice } from '../server/gps/device-bindings';
import { osmAndPath } from '../simulator/senders';
import { addUser, seedServer, startTestServer } from '../e2e/sync/harness';
import { spawnScript } from '../e2e/sync/server-child';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const DRIVERS = arg('drivers', 800);
const FIX_SECONDS = arg('fix-seconds', 5);
const ORDERS_PER_DAY = arg('orders-per-day', 20_000);
const DESKTOPS = arg('desktops', 200);
const SECONDS = arg('seconds', 60);
/** Processes the desktops are spread over (besides this one and the server's). */
const DESKTOP_PROCS = arg('desktop-procs', 4);
const HISTORY_ORDERS = 1_000_000;
const HISTORY = path.join(os.tmpdir(), `marshrut-bench-window-${HISTORY_ORDERS}`, 'history.db');
const USE_HISTORY = !process.argv.includes('--no-history');

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

/** utime + stime of a process in clock ticks, and its RSS in bytes (Linux /proc). */
function procStats(pid: number): { ticks: number; rss: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { ticks, rss: rssKb * 1024 };
}
const TICKS_PER_SECOND = 100;

/** Orders the bench's shop sends (the fake world's Astana). */
function orderBody(i: number): unknown {
  return {
    externalId: `SCALE-${Date.now()}-${i}`,
    serviceType: 'standard',
    customer: { name: `Покупатель ${i}`, phone: `+7 701 ${String(1_000_000 + i).slice(-7)}` },
    delivery: { address: `ул. Кенесары ${(i % 200) + 1}`, city: 'Астана', lat: 51.16 + (i % 100) / 10_000, lon: 71.43 + (i % 77) / 10_000 },
    cargo: { description: 'Бытовая техника', weightKg: 5, places: 1 },
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-scale-'));
  const dbFile = path.join(dir, 'server.db');
  const hasHistory = USE_HISTORY && fs.existsSync(HISTORY);
  if (USE_HISTORY && !hasHistory) console.log(`no history at ${HISTORY} (run npm run bench:sync-window first): running without it`);
  if (hasHistory) fs.copyFileSync(HISTORY, dbFile);
  console.log(`scale: ${DRIVERS} drivers every ${FIX_SECONDS} s, ${ORDERS_PER_DAY} orders/day, ${DESKTOPS} desktops, ${SECONDS} s, history ${hasHistory ? HISTORY_ORDERS : 0} orders; load ${load()}`);

  // The world, written by an in-process server that then closes: drivers, phones, users.
  const prep = await startTestServer(dbFile);
  seedServer(prep, 0);
  const now = Date.now();
  prep.engine.writeRows((tx) => {
    for (let i = 0; i < DRIVERS; i++) {
      tx.put('drivers', {
        id: `sc-d${i}`, name: `Водитель ${i}`, phone: '', vehicle: '', vehiclePlate: '', capacityKg: 1000, homeWarehouseId: null,
        shiftState: 'on_shift', shiftChangedAt: now, lat: null, lon: null, headingDeg: null, speedKmh: null, accuracyM: null, battery: null,
        charging: null, fixAt: null, updatedAt: now, version: 1,
      });
    }
  });
  for (let i = 0; i < DRIVERS; i++) bindDevice(prep.db.sqlite, `sc-phone-${i}`, `sc-d${i}`, 'bench', now);
  const shop = addUser(prep, 'Shop', 'integration').token;
  const desks = Array.from({ length: Math.max(1, Math.ceil(DESKTOPS / 10)) }, (_, i) => addUser(prep, `Dispatcher ${i}`).token);
  const head = prep.engine.log.headSeq();
  const ordersBefore = prep.db.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  await prep.close();

  const child = spawnScript(path.join(__dirname, 'scale-server.ts'), [dbFile]);
  const { port, gpsPort, pid } = await child.next<{ port: number; gpsPort: number; pid: number }>((m) => typeof m['port'] === 'number');
  const url = `http://127.0.0.1:${port}`;
  const gpsUrl = `http://127.0.0.1:${gpsPort}`;
  const lag = monitorEventLoopDelay({ resolution: 10 });

  // ---- desktops: in DESKTOP_PROCS processes of their own, so parsing frames is not the phones' bottleneck ----
  const procs = Math.max(1, Math.min(DESKTOP_PROCS, DESKTOPS));
  const batches = Array.from({ length: procs }, (_, p) => {
    const first = Math.floor((p * DESKTOPS) / procs);
    const count = Math.floor(((p + 1) * DESKTOPS) / procs) - first;
    return spawnScript(path.join(__dirname, 'scale-desktops.ts'), [url, String(head), String(first), String(count), desks.join(',')]);
  });
  await Promise.all(batches.map((b) => b.next((m) => typeof m['live'] === 'number')));
  console.log(`${DESKTOPS} desktops live in ${procs} processes; load ${load()}`);

  // ---- phones and the shop ----
  lag.enable();
  const cpu0 = procStats(pid);
  const t0 = performance.now();
  let fixesSent = 0;
  let fixesRefused = 0;
  let fixErrors = 0;
  let ordersSent = 0;
  let ordersRefused = 0;
  let rssMax = cpu0.rss;
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  // Phones send on whole seconds (a 1/FIX_SECONDS share of them each second), so a desktop
  // measures the latency from the fix's own time without sharing a clock table with us.
  const steps = new Array<number>(DRIVERS).fill(0);
  const tick = (): void => {
    const second = Math.floor(Date.now() / 1000);
    const fixAt = second * 1000;
    for (let i = second % FIX_SECONDS; i < DRIVERS; i += FIX_SECONDS) {
      const step = ++steps[i]!;
      // 36 km/h north-east through Astana: 50 m per 5 s, never a jump or a standstill.
      const fix = { deviceId: `sc-phone-${i}`, fixAt, lat: 51.1 + (i % 40) * 0.005 + step * 0.0003, lon: 71.35 + Math.floor(i / 40) * 0.005 + step * 0.0003, speedKmh: 36, headingDeg: 45, accuracyM: 5, battery: 80, charging: false };
      fixesSent++;
      track(
        fetch(`${gpsUrl}${osmAndPath(fix)}`, { method: 'POST' })
          .then(async (r) => {
            await r.arrayBuffer();
            if (r.status !== 200) fixesRefused++;
          })
          .catch(() => fixErrors++),
      );
    }
    timers.push(setTimeout(tick, 1000 - (Date.now() % 1000)));
  };
  timers.push(setTimeout(tick, 1000 - (Date.now() % 1000)));
  const orderEveryMs = 86_400_000 / ORDERS_PER_DAY;
  timers.push(
    setInterval(() => {
      const body = orderBody(ordersSent++);
      track(
        fetch(`${url}/api/orders`, { method: 'POST', headers: { authorization: `Bearer ${shop}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
          .then(async (r) => {
            await r.arrayBuffer();
            if (r.status !== 201) ordersRefused++;
          })
          .catch(() => ordersRefused++),
      );
    }, orderEveryMs),
  );
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, procStats(pid).rss)), 1000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  for (const t of timers) clearTimeout(t);
  await Promise.all([...inFlight]);
  await new Promise((r) => setTimeout(r, 2500)); // the last positions frame
  clearInterval(sampler);
  const cpu1 = procStats(pid);
  const elapsed = (performance.now() - t0) / 1000;
  lag.disable();

  const reports = await Promise.all(
    batches.map((b) => {
      const r = b.next<{ hist: Record<string, number>; receipts: number; orders: number; closed: number[] }>((m) => m['hist'] !== undefined);
      b.send('report');
      return r;
    }),
  );
  const hist = new Map<number, number>();
  for (const r of reports) for (const [ms, n] of Object.entries(r.hist)) hist.set(Number(ms), (hist.get(Number(ms)) ?? 0) + n);
  const receipts = reports.reduce((n, r) => n + r.receipts, 0);
  const orderReceipts = reports.reduce((n, r) => n + r.orders, 0);
  const closedCodes = reports.flatMap((r) => r.closed);
  const quantile = (q: number): number => {
    let seen = 0;
    for (const ms of [...hist.keys()].sort((a, b) => a - b)) {
      seen += hist.get(ms) as number;
      if (seen >= q * receipts) return ms;
    }
    return NaN;
  };
  const accepted = fixesSent - fixesRefused - fixErrors;
  const expectedReceipts = accepted * DESKTOPS;
  const cpu = ((100 * (cpu1.ticks - cpu0.ticks)) / TICKS_PER_SECOND / elapsed).toFixed(0);
  console.log(`server: CPU ${cpu}% of one core over ${elapsed.toFixed(0)} s, RSS max ${(rssMax / 1048576).toFixed(0)} MB (end ${(cpu1.rss / 1048576).toFixed(0)} MB), ${ordersBefore} orders before the run`);
  console.log(`fixes: ${fixesSent} sent (${(fixesSent / elapsed).toFixed(0)}/s of ${(DRIVERS / FIX_SECONDS).toFixed(0)}/s asked), ${fixesRefused} refused, ${fixErrors} failed`);
  console.log(
    `fix-to-desktop (from the fix's time): p50 ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms, p99 ${quantile(0.99)} ms over ${receipts} receipts of ${expectedReceipts} expected (${accepted} accepted fixes x ${DESKTOPS} desktops); missing ${expectedReceipts - receipts}`,
  );
  console.log(`orders: ${ordersSent} posted, ${ordersRefused} refused; ${orderReceipts} order rows received by the desktops`);
  console.log(`desktops closed by the server: ${closedCodes.length} (${[...new Set(closedCodes)].join(', ') || 'none'}); phones' and shop's event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms; load ${load()}`);
  console.log(`scale drivers=${DRIVERS} desktops=${DESKTOPS} cpu=${cpu}% rss=${(rssMax / 1048576).toFixed(0)}MB fix_p50=${quantile(0.5)} fix_p95=${quantile(0.95)} missing=${expectedReceipts - receipts} closed=${closedCodes.length}`);

  await child.kill();
  for (const b of batches) await b.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
