// Ten times the company (issue 19): one server (its own process) with DRIVERS phones sending
// an OsmAnd fix every FIX seconds, ORDERS_PER_DAY orders a day through POST /api/orders, a
// history of bench:reports' 1,000,000 orders (unless --no-history; the cached file of
// bench:sync-window), and DESKTOPS connected desktops as protocol clients (live: they say
// hello at the head with a 30-day window, as desktops that hold their replica already),
// spread over --desktop-procs processes. Three phases:
//   1. steady: --seconds of the company at work;
//   2. a new desktop joins: while everything keeps running, a real desktop (sync client and
//      replica, its own process) makes its first sync with the window (--no-new-desktop skips);
//   3. drain: phones and shop stop, and the desktops are read until no receipt arrives for
//      5 s (at most 60 s), so a fix sent in the last second is counted, not cut off.
// Every fix the phones saw accepted is expected at every desktop; each expected receipt is
// arrived, or missing with a reason (never framed by the server, the desktop was closed, not
// arrived by the drain's end). Reported per phase: the server's CPU (share of one core), RSS,
// event-loop delay and fullest ws send buffer; fix-to-desktop latency p50/p95/p99 (from the
// fix's time: phones send on whole seconds); the clients' CPU and event-loop delay (the phones
// and shop share this process, the desktops their own), and a "first limit" line naming the
// resource nearest its limit, the machine's CPU included. Catch-up after an hour offline at
// this size is bench:catchup's, with the flags this bench prints. Everything talks to
// 127.0.0.1 only, and stops by itself. The parts: scale-world.ts (the server file),
// scale-traffic.ts (phones and shop), scale-desktops.ts and scale-new-desktop.ts (the
// desktops' processes), scale-server.ts (the server's), scale-phase.ts (what a phase
// measures), scale-accounting.ts (receipts, quantiles, the first limit).
//
//   npm run bench:scale [-- --drivers 800] [--fix-seconds 5] [--orders-per-day 20000]
//                        [--desktops 200] [--desktop-procs 4] [--seconds 60] [--no-history]
//                        [--no-new-desktop] [--first-sync-max-seconds 600]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawnScript } from '../e2e/sync/server-child';
import { accountReceipts, firstLimitLine, LOOP_RESOLUTION_MS, quantile, type Resource } from './scale-accounting';
import { ask, clientsLine, desktopsReports, latency, load, mb, pcts, Phase, serverLine, serverStats, type PhaseEnd } from './scale-phase';
import { CompanyTraffic } from './scale-traffic';
import { writeScaleWorld } from './scale-world';
import type { FirstSync } from './desktop-first-sync';

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
const USE_HISTORY = !process.argv.includes('--no-history');
const NEW_DESKTOP = !process.argv.includes('--no-new-desktop');
/** A first sync not caught up by then is reported as such (with the replica so far), not waited for. */
const FIRST_SYNC_MAX_S = arg('first-sync-max-seconds', 600);
const WINDOW_DAYS = 30;
/** The drain ends once no receipt arrived for this long (a frame is parsed in well under it)... */
const DRAIN_QUIET_MS = 5_000;
/** ...or after this long in any case. */
const DRAIN_MAX_MS = 60_000;
/** Event-loop delay treated as saturation: at a p99 of 100 ms a fix waits a tenth of a second behind other work. */
const LOOP_DELAY_LIMIT_MS = 100;
/** A live desktop with more than this queued is closed with 4005 (server/sync/flow-limits.ts). */
const SEND_BUFFER_LIMIT = 8 * 1024 * 1024;
/**
 * bench:catchup's flags for an hour of this company: its history per day is bench:catchup's
 * 600 scaled as the drivers are (at 800: 6,000 a day, ~180,000 orders in the 30 days, about
 * this bench's window), and so are the hour's new orders and changes (150 and 900 at 80).
 */
const perDriver = (atEighty: number): number => Math.round((DRIVERS / 80) * atEighty);
const CATCHUP_COMMAND = `npm run bench:catchup -- --drivers ${DRIVERS} --fix-seconds ${FIX_SECONDS} --history-per-day ${perDriver(600)} --new-orders ${perDriver(150)} --changes ${perDriver(900)}`;

async function main(): Promise<void> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-scale-'));
  const dbFile = path.join(dir, 'server.db');
  const world = await writeScaleWorld(dbFile, { drivers: DRIVERS, desktops: DESKTOPS, useHistory: USE_HISTORY });
  console.log(`scale: ${DRIVERS} drivers every ${FIX_SECONDS} s, ${ORDERS_PER_DAY} orders/day, ${DESKTOPS} desktops, ${SECONDS} s, history ${world.historyOrders} orders; ${os.cpus().length} cores, load ${loadBefore} before the set-up, ${load()} after`);

  const child = spawnScript(path.join(__dirname, 'scale-server.ts'), [dbFile]);
  const { port, gpsPort, pid } = await child.next<{ port: number; gpsPort: number; pid: number }>((m) => typeof m['port'] === 'number');
  const url = `http://127.0.0.1:${port}`;
  const lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  lag.enable();

  // ---- desktops: in DESKTOP_PROCS processes of their own, so parsing frames is not the phones' bottleneck ----
  const procs = Math.max(1, Math.min(DESKTOP_PROCS, DESKTOPS));
  const batches = Array.from({ length: procs }, (_, p) => {
    const first = Math.floor((p * DESKTOPS) / procs);
    const count = Math.floor(((p + 1) * DESKTOPS) / procs) - first;
    return spawnScript(path.join(__dirname, 'scale-desktops.ts'), [url, String(world.head), String(first), String(count), world.deskTokens.join(',')]);
  });
  await Promise.all(batches.map((b) => b.next((m) => typeof m['live'] === 'number')));
  const deskPids = batches.map((b) => b.process.pid as number);
  console.log(`${DESKTOPS} desktops live in ${procs} processes; load ${load()}`);

  const traffic = new CompanyTraffic({ url, gpsUrl: `http://127.0.0.1:${gpsPort}`, shopToken: world.shopToken, drivers: DRIVERS, fixSeconds: FIX_SECONDS, ordersPerDay: ORDERS_PER_DAY });

  // ---- phase 1: steady ----
  const steady = new Phase(pid, deskPids, lag);
  let phase = steady;
  const sampler = setInterval(() => phase.sample(), 1000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const steadyEnd = await steady.end(child, batches);
  const steadyLastFixAt = traffic.lastFixAt;
  // Printed now: a long phase 2 on a busy machine must not hold back what phase 1 measured.
  console.log(`--- phase 1, steady (${steadyEnd.seconds.toFixed(0)} s, load ${steady.load0} -> ${steadyEnd.load}) ---`);
  console.log(`server: ${serverLine(steadyEnd)}; ${world.ordersBefore} orders before the run`);
  console.log(`clients: ${clientsLine(steadyEnd)}`);
  console.log(`fix-to-desktop so far (the drain adds late receipts; final figure below): ${pcts(latency(steadyEnd.reports, -Infinity, steadyLastFixAt))}`);

  // ---- phase 2: a new desktop joins while the company keeps running ----
  let firstSync: FirstSync | null = null;
  let joinEnd: PhaseEnd | null = null;
  let joinLastFixAt = steadyLastFixAt;
  if (NEW_DESKTOP) {
    const join = new Phase(pid, deskPids, lag);
    phase = join;
    const newcomerDir = fs.mkdtempSync(path.join(dir, 'new-desktop-'));
    const nd = spawnScript(path.join(__dirname, 'scale-new-desktop.ts'), [url, world.newcomerToken, newcomerDir, String(WINDOW_DAYS)]);
    const cap = new Promise<null>((r) => setTimeout(() => r(null), FIRST_SYNC_MAX_S * 1000).unref());
    const done = await Promise.race([nd.next<{ firstSync: FirstSync }>((m) => m['firstSync'] !== undefined), cap]);
    let unfinishedBytes = 0;
    if (done === null) {
      const file = path.join(newcomerDir, 'new-desktop.db');
      unfinishedBytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
      await nd.kill();
    } else {
      firstSync = done.firstSync;
      await nd.exited();
    }
    joinEnd = await join.end(child, batches);
    joinLastFixAt = traffic.lastFixAt;
    console.log(`--- phase 2, a new desktop joins (${joinEnd.seconds.toFixed(0)} s, load ${join.load0} -> ${joinEnd.load}) ---`);
    if (firstSync !== null) {
      console.log(`new desktop's first sync with the ${WINDOW_DAYS}-day window: ${(firstSync.ms / 1000).toFixed(1)} s to caught up, replica ${mb(firstSync.bytes)}, ${firstSync.orders} orders`);
    } else {
      console.log(`new desktop's first sync with the ${WINDOW_DAYS}-day window: NOT caught up within ${FIRST_SYNC_MAX_S} s (--first-sync-max-seconds); replica so far ${mb(unfinishedBytes)}`);
    }
    console.log(`server: ${serverLine(joinEnd)}`);
    console.log(`clients: ${clientsLine(joinEnd)}`);
    console.log(`fix-to-desktop meanwhile, so far: ${pcts(latency(joinEnd.reports, steadyLastFixAt + 1, joinLastFixAt))}`);
  }

  // ---- phase 3: stop sending, drain ----
  await traffic.stop();
  clearInterval(sampler);
  const expected = traffic.expected;
  const target = expected.size * DESKTOPS;
  const drainStart = performance.now();
  let lastCount = -1;
  let lastChange = drainStart;
  // What a fixed wait would have cut off: receipts at the drain's start and 2.5 s into it.
  let atDrainStart = -1;
  let atTwoAndAHalf = -1;
  for (;;) {
    const counts = await Promise.all(batches.map((b) => ask<number>(b, 'count', 'count')));
    const total = counts.reduce((n, c) => n + c, 0);
    const t = performance.now();
    if (atDrainStart < 0) atDrainStart = total;
    if (atTwoAndAHalf < 0 && t - drainStart >= 2_500) atTwoAndAHalf = total;
    if (total !== lastCount) {
      lastCount = total;
      lastChange = t;
    }
    if (total >= target || t - lastChange >= DRAIN_QUIET_MS || t - drainStart >= DRAIN_MAX_MS) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const final = await serverStats(child);
  lag.disable();

  const reports = await desktopsReports(batches);
  const counts = new Map<string, number>();
  for (const r of reports) for (const [key, n] of Object.entries(r.fixes)) counts.set(key, (counts.get(key) ?? 0) + n);
  const perDesktop = reports.flatMap((r) => r.perDesktop.map((received, k) => ({ received, closedCode: r.closed[k] ?? null })));
  const account = accountReceipts({ expected, desktops: DESKTOPS, counts, perDesktop });
  const steadyHist = latency(reports, -Infinity, steadyLastFixAt);
  const orderReceipts = reports.reduce((n, r) => n + r.orders, 0);
  const closedCodes = perDesktop.flatMap((d) => (d.closedCode === null ? [] : [d.closedCode]));
  const g = final.gps;
  const rejected = Object.entries(g.rejected).filter(([, n]) => n > 0).map(([why, n]) => `${why} ${n}`).join(', ') || 'none';

  console.log(`--- final figures (after the drain) ---`);
  console.log(`phase 1 fix-to-desktop (from the fix's time): ${pcts(steadyHist)}`);
  if (joinEnd !== null) console.log(`phase 2 fix-to-desktop (while the new desktop syncs): ${pcts(latency(reports, steadyLastFixAt + 1, joinLastFixAt))}`);
  console.log(`--- whole run, drained for ${drainSeconds.toFixed(1)} s ---`);
  console.log(
    `drain: ${atDrainStart} receipts when the last phone's answer came, ${atTwoAndAHalf < 0 ? 'all in before 2.5 s' : `${atTwoAndAHalf} 2.5 s later`}, ${lastCount} at the end (${lastCount - Math.max(atDrainStart, atTwoAndAHalf)} arrived more than 2.5 s into the drain)`,
  );
  console.log(`fixes: ${traffic.fixesSent} sent, ${expected.size} answered 200, ${traffic.fixesRefused} refused, ${traffic.fixErrors} failed; server's GPS counters: accepted ${g.accepted} (held as parking jitter ${g.jitterHeld}), late ${g.late}, rejected: ${rejected}, position frames ${g.positionFrames}`);
  console.log(
    `receipts: ${account.arrived} of ${account.expected} expected (${expected.size} fixes x ${DESKTOPS} desktops) arrived; missing: never framed by the server ${account.neverFramedReceipts} (${account.neverFramedFixes} fixes), at closed desktops ${account.missingAtClosed}, not arrived by the drain's end ${account.notArrived}; unaccounted ${account.unaccounted}; duplicates ${account.duplicates}, out of order ${reports.reduce((n, r) => n + r.outOfOrder, 0)}, receipts of fixes the phone saw fail ${account.unexpected}`,
  );
  console.log(`orders: ${traffic.ordersSent} posted, ${traffic.ordersRefused} refused; ${orderReceipts} order rows received by the desktops`);
  console.log(`desktops closed: ${closedCodes.length} (${[...new Set(closedCodes)].join(', ') || 'none'}); server's sync flow: ${JSON.stringify(final.flow)}`);
  console.log(`catch-up after an hour offline at this size: not measured in this run (a desktop away for an hour needs an hour of the company); measured by ${CATCHUP_COMMAND}`);
  const pressure = (p: PhaseEnd): Resource[] => [
    { name: 'server CPU', value: Math.round(p.serverCpu), limit: 100, unit: '% of a core' },
    { name: "server's event-loop delay p99", value: p.server.eventLoopDelay.p99, limit: LOOP_DELAY_LIMIT_MS, unit: 'ms' },
    { name: 'fullest ws send buffer', value: Math.round(p.server.maxBuffered / 1024), limit: SEND_BUFFER_LIMIT / 1024, unit: 'KB' },
    { name: 'busiest desktops process CPU', value: Math.round(p.deskCpuMax), limit: 100, unit: '% of a core' },
    { name: "desktops' event-loop delay p99", value: p.deskLagP99, limit: LOOP_DELAY_LIMIT_MS, unit: 'ms' },
    { name: "phones' event-loop delay p99", value: Math.round(p.ownLagP99), limit: LOOP_DELAY_LIMIT_MS, unit: 'ms' },
    { name: 'machine CPU (1-min load average)', value: Number(p.load.split(' ')[0]), limit: os.cpus().length, unit: 'runnable' },
  ];
  console.log(`phase 1 ${firstLimitLine(pressure(steadyEnd))}`);
  if (joinEnd !== null) console.log(`phase 2 ${firstLimitLine(pressure(joinEnd))}`);
  console.log(
    `scale drivers=${DRIVERS} desktops=${DESKTOPS} cpu=${steadyEnd.serverCpu.toFixed(0)}% rss=${mb(steadyEnd.rssMax).replace(' ', '')} lag_p99=${steadyEnd.server.eventLoopDelay.p99} fix_p50=${quantile(steadyHist, 0.5)} fix_p95=${quantile(steadyHist, 0.95)} fix_p99=${quantile(steadyHist, 0.99)} missing=${account.expected - account.arrived} closed=${closedCodes.length} first_sync_s=${firstSync === null ? 'na' : (firstSync.ms / 1000).toFixed(1)}`,
  );

  await child.kill();
  for (const b of batches) await b.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
