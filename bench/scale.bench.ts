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
// resource nearest its limit, the machine's CPU included. Catch-up after an hour offline is
// bench:catchup's. Everything talks to 127.0.0.1 only, and stops by itself.
//
//   npm run bench:scale [-- --drivers 800] [--fix-seconds 5] [--orders-per-day 20000]
//                        [--desktops 200] [--desktop-procs 4] [--seconds 60] [--no-history]
//                        [--no-new-desktop]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { bindDevice } from '../server/gps/device-bindings';
import { osmAndPath } from '../simulator/senders';
import { addUser, seedServer, startTestServer } from '../e2e/sync/harness';
import { spawnScript, type ScriptProcess } from '../e2e/sync/server-child';
import type { DesktopsReport } from './scale-desktops';
import { accountReceipts, firstLimitLine, LOOP_RESOLUTION_MS, loopDelayMs, quantile, type Resource } from './scale-accounting';
import type { GpsCounters } from '../server/gps/gps-counters';

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

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

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

interface ServerStats {
  eventLoopDelay: { p50: number; p99: number; max: number };
  maxBuffered: number;
  sessions: number;
  gps: GpsCounters;
  flow: { refusedPerUserLimit: number; droppedSlowCatchUp: number; droppedSlowLive: number };
}

/** Numbers the questions asked of child processes: their answers are matched by it. */
let asked = 0;

async function desktopsReports(batches: ScriptProcess[]): Promise<DesktopsReport[]> {
  return Promise.all(
    batches.map((b) => {
      const id = ++asked;
      const r = b.next<{ report: DesktopsReport }>((m) => m['report'] !== undefined && m['id'] === id);
      b.send(`report ${id}`);
      return r.then((x) => x.report);
    }),
  );
}

/** Latency histogram of the fixes whose time lies in [from, to]. */
function latency(reports: readonly DesktopsReport[], from: number, to: number): Map<number, number> {
  const hist = new Map<number, number>();
  for (const r of reports) {
    for (const [at, byMs] of Object.entries(r.hist)) {
      if (Number(at) < from || Number(at) > to) continue;
      for (const [ms, n] of Object.entries(byMs)) hist.set(Number(ms), (hist.get(Number(ms)) ?? 0) + n);
    }
  }
  return hist;
}

function pcts(hist: Map<number, number>): string {
  let n = 0;
  for (const v of hist.values()) n += v;
  return `p50 ${quantile(hist, 0.5)} ms, p95 ${quantile(hist, 0.95)} ms, p99 ${quantile(hist, 0.99)} ms over ${n} receipts`;
}

type PhaseEnd = Awaited<ReturnType<Phase['end']>>;

const serverLine = (p: PhaseEnd): string =>
  `CPU ${p.serverCpu.toFixed(0)}% of one core, RSS max ${mb(p.rssMax)}, event-loop delay p50 ${p.server.eventLoopDelay.p50} / p99 ${p.server.eventLoopDelay.p99} / max ${p.server.eventLoopDelay.max} ms, fullest ws send buffer ${(p.server.maxBuffered / 1024).toFixed(0)} KB`;
const clientsLine = (p: PhaseEnd): string =>
  `busiest desktops process ${p.deskCpuMax.toFixed(0)}% of one core, their event-loop delay p99 up to ${p.deskLagP99} ms; phones and shop ${p.ownCpu.toFixed(0)}% of one core, event-loop delay p99 ${p.ownLagP99.toFixed(0)} ms`;

async function serverStats(server: ScriptProcess): Promise<ServerStats> {
  const id = ++asked;
  const answer = server.next<{ stats: ServerStats }>((m) => m['stats'] !== undefined && m['id'] === id);
  server.send(`stats ${id}`);
  return (await answer).stats;
}

/** CPU (share of one core), peak RSS and the event-loop delays of one phase. */
class Phase {
  private readonly t0 = performance.now();
  private readonly serverCpu0: number;
  private readonly deskCpu0: number[];
  private readonly ownCpu0 = process.cpuUsage();
  rssMax: number;
  readonly load0 = load();

  constructor(
    readonly name: string,
    private readonly serverPid: number,
    private readonly deskPids: number[],
    private readonly lag: IntervalHistogram,
  ) {
    const s = procStats(serverPid);
    this.serverCpu0 = s.ticks;
    this.rssMax = s.rss;
    this.deskCpu0 = deskPids.map((p) => procStats(p).ticks);
    lag.reset();
  }

  sample(): void {
    this.rssMax = Math.max(this.rssMax, procStats(this.serverPid).rss);
  }

  async end(server: ScriptProcess, batches: ScriptProcess[]): Promise<{ seconds: number; serverCpu: number; rssMax: number; deskCpuMax: number; deskLagP99: number; ownCpu: number; ownLagP99: number; server: ServerStats; load: string; reports: DesktopsReport[] }> {
    this.sample();
    const seconds = (performance.now() - this.t0) / 1000;
    const share = (ticks: number): number => (100 * ticks) / TICKS_PER_SECOND / seconds;
    const serverCpu = share(procStats(this.serverPid).ticks - this.serverCpu0);
    const deskCpuMax = Math.max(...this.deskPids.map((p, i) => share(procStats(p).ticks - (this.deskCpu0[i] as number))));
    const own = process.cpuUsage(this.ownCpu0);
    const ownCpu = (100 * (own.user + own.system)) / 1e6 / seconds;
    const ownLagP99 = loopDelayMs(this.lag.percentile(99));
    const [stats, reports] = await Promise.all([serverStats(server), desktopsReports(batches)]);
    const deskLagP99 = Math.max(...reports.map((r) => r.eventLoopDelay.p99));
    return { seconds, serverCpu, rssMax: this.rssMax, deskCpuMax, deskLagP99, ownCpu, ownLagP99, server: stats, load: load(), reports };
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-scale-'));
  const dbFile = path.join(dir, 'server.db');
  const hasHistory = USE_HISTORY && fs.existsSync(HISTORY);
  if (USE_HISTORY && !hasHistory) console.log(`no history at ${HISTORY} (run npm run bench:sync-window first): running without it`);
  if (hasHistory) fs.copyFileSync(HISTORY, dbFile);
  console.log(`scale: ${DRIVERS} drivers every ${FIX_SECONDS} s, ${ORDERS_PER_DAY} orders/day, ${DESKTOPS} desktops, ${SECONDS} s, history ${hasHistory ? HISTORY_ORDERS : 0} orders; ${os.cpus().length} cores, load ${load()}`);

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
  const newcomer = addUser(prep, 'New desktop').token;
  const head = prep.engine.log.headSeq();
  const ordersBefore = prep.db.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  await prep.close();

  const child = spawnScript(path.join(__dirname, 'scale-server.ts'), [dbFile]);
  const { port, gpsPort, pid } = await child.next<{ port: number; gpsPort: number; pid: number }>((m) => typeof m['port'] === 'number');
  const url = `http://127.0.0.1:${port}`;
  const gpsUrl = `http://127.0.0.1:${gpsPort}`;
  const lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  lag.enable();

  // ---- desktops: in DESKTOP_PROCS processes of their own, so parsing frames is not the phones' bottleneck ----
  const procs = Math.max(1, Math.min(DESKTOP_PROCS, DESKTOPS));
  const batches = Array.from({ length: procs }, (_, p) => {
    const first = Math.floor((p * DESKTOPS) / procs);
    const count = Math.floor(((p + 1) * DESKTOPS) / procs) - first;
    return spawnScript(path.join(__dirname, 'scale-desktops.ts'), [url, String(head), String(first), String(count), desks.join(',')]);
  });
  await Promise.all(batches.map((b) => b.next((m) => typeof m['live'] === 'number')));
  const deskPids = batches.map((b) => b.process.pid as number);
  console.log(`${DESKTOPS} desktops live in ${procs} processes; load ${load()}`);

  // ---- phones and the shop ----
  /** Fixes the server answered 200: each is expected at every desktop. */
  const expected = new Set<string>();
  let fixesSent = 0;
  let fixesRefused = 0;
  let fixErrors = 0;
  let ordersSent = 0;
  let ordersRefused = 0;
  let sending = true;
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  // Phones send on whole seconds (a 1/FIX_SECONDS share of them each second), so a desktop
  // measures the latency from the fix's own time without sharing a clock table with us. A
  // timer may fire a hair before the second turns: that second's phones must not send twice
  // (the same fix time with a new position is refused as stale: a receipt that never comes).
  const steps = new Array<number>(DRIVERS).fill(0);
  let lastSecond = -1;
  let tickTimer: NodeJS.Timeout;
  const tick = (): void => {
    const second = Math.floor(Date.now() / 1000);
    if (sending && second > lastSecond) {
      lastSecond = second;
      const fixAt = second * 1000;
      for (let i = second % FIX_SECONDS; i < DRIVERS; i += FIX_SECONDS) {
        const step = ++steps[i]!;
        // 36 km/h north-east through Astana: 50 m per 5 s, never a jump or a standstill.
        const fix = { deviceId: `sc-phone-${i}`, fixAt, lat: 51.1 + (i % 40) * 0.005 + step * 0.0003, lon: 71.35 + Math.floor(i / 40) * 0.005 + step * 0.0003, speedKmh: 36, headingDeg: 45, accuracyM: 5, battery: 80, charging: false };
        const key = `sc-d${i}@${fixAt}`;
        fixesSent++;
        track(
          fetch(`${gpsUrl}${osmAndPath(fix)}`, { method: 'POST' })
            .then(async (r) => {
              await r.arrayBuffer();
              if (r.status === 200) expected.add(key);
              else fixesRefused++;
            })
            .catch(() => fixErrors++),
        );
      }
    }
    if (sending) tickTimer = setTimeout(tick, 1000 - (Date.now() % 1000));
  };
  tickTimer = setTimeout(tick, 1000 - (Date.now() % 1000));
  const orderEveryMs = 86_400_000 / ORDERS_PER_DAY;
  const shopTimer = setInterval(() => {
    const body = orderBody(ordersSent++);
    track(
      fetch(`${url}/api/orders`, { method: 'POST', headers: { authorization: `Bearer ${shop}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status !== 201) ordersRefused++;
        })
        .catch(() => ordersRefused++),
    );
  }, orderEveryMs);

  // ---- phase 1: steady ----
  const steady = new Phase('steady', pid, deskPids, lag);
  let phase = steady;
  const sampler = setInterval(() => phase.sample(), 1000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const steadyEnd = await steady.end(child, batches);
  const steadyLastFixAt = lastSecond * 1000;
  // Printed now: a long phase 2 on a busy machine must not hold back what phase 1 measured.
  console.log(`--- phase 1, steady (${steadyEnd.seconds.toFixed(0)} s, load ${steady.load0} -> ${steadyEnd.load}) ---`);
  console.log(`server: ${serverLine(steadyEnd)}; ${ordersBefore} orders before the run`);
  console.log(`clients: ${clientsLine(steadyEnd)}`);
  console.log(`fix-to-desktop so far (the drain adds late receipts; final figure below): ${pcts(latency(steadyEnd.reports, -Infinity, steadyLastFixAt))}`);

  // ---- phase 2: a new desktop joins while the company keeps running ----
  let firstSync: { ms: number; bytes: number; orders: number } | null = null;
  let firstSyncUnfinished: { bytes: number } | null = null;
  let joinEnd: PhaseEnd | null = null;
  let joinLastFixAt = steadyLastFixAt;
  if (NEW_DESKTOP) {
    const join = new Phase('join', pid, deskPids, lag);
    phase = join;
    const newcomerDir = fs.mkdtempSync(path.join(dir, 'new-desktop-'));
    const nd = spawnScript(path.join(__dirname, 'scale-new-desktop.ts'), [url, newcomer, newcomerDir, String(WINDOW_DAYS)]);
    const cap = new Promise<null>((r) => setTimeout(() => r(null), FIRST_SYNC_MAX_S * 1000).unref());
    const done = await Promise.race([nd.next<{ firstSync: { ms: number; bytes: number; orders: number } }>((m) => m['firstSync'] !== undefined), cap]);
    if (done === null) {
      const file = path.join(newcomerDir, 'new-desktop.db');
      firstSyncUnfinished = { bytes: fs.existsSync(file) ? fs.statSync(file).size : 0 };
      await nd.kill();
    } else {
      firstSync = done.firstSync;
      await nd.exited();
    }
    joinEnd = await join.end(child, batches);
    joinLastFixAt = lastSecond * 1000;
    console.log(`--- phase 2, a new desktop joins (${joinEnd.seconds.toFixed(0)} s, load ${join.load0} -> ${joinEnd.load}) ---`);
    if (firstSync !== null) {
      console.log(`new desktop's first sync with the ${WINDOW_DAYS}-day window: ${(firstSync.ms / 1000).toFixed(1)} s to caught up, replica ${mb(firstSync.bytes)}, ${firstSync.orders} orders`);
    } else {
      console.log(`new desktop's first sync with the ${WINDOW_DAYS}-day window: NOT caught up within ${FIRST_SYNC_MAX_S} s (--first-sync-max-seconds); replica so far ${mb(firstSyncUnfinished?.bytes ?? 0)}`);
    }
    console.log(`server: ${serverLine(joinEnd)}`);
    console.log(`clients: ${clientsLine(joinEnd)}`);
    console.log(`fix-to-desktop meanwhile, so far: ${pcts(latency(joinEnd.reports, steadyLastFixAt + 1, joinLastFixAt))}`);
  }

  // ---- phase 3: stop sending, drain ----
  sending = false;
  clearTimeout(tickTimer);
  clearInterval(shopTimer);
  await Promise.all([...inFlight]);
  clearInterval(sampler);
  const target = expected.size * DESKTOPS;
  const drainStart = performance.now();
  let lastCount = -1;
  let lastChange = drainStart;
  // What a fixed wait would have cut off: receipts at the drain's start and 2.5 s into it.
  let atDrainStart = -1;
  let atTwoAndAHalf = -1;
  for (;;) {
    const counts = await Promise.all(
      batches.map((b) => {
        const id = ++asked;
        const answer = b.next<{ count: number }>((m) => typeof m['count'] === 'number' && m['id'] === id);
        b.send(`count ${id}`);
        return answer;
      }),
    );
    const total = counts.reduce((n, c) => n + c.count, 0);
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
  console.log(`fixes: ${fixesSent} sent, ${expected.size} answered 200, ${fixesRefused} refused, ${fixErrors} failed; server's GPS counters: accepted ${g.accepted} (held as parking jitter ${g.jitterHeld}), late ${g.late}, rejected: ${rejected}, position frames ${g.positionFrames}`);
  console.log(
    `receipts: ${account.arrived} of ${account.expected} expected (${expected.size} fixes x ${DESKTOPS} desktops) arrived; missing: never framed by the server ${account.neverFramedReceipts} (${account.neverFramedFixes} fixes), at closed desktops ${account.missingAtClosed}, not arrived by the drain's end ${account.notArrived}; unaccounted ${account.unaccounted}; duplicates ${account.duplicates}, out of order ${reports.reduce((n, r) => n + r.outOfOrder, 0)}, receipts of fixes the phone saw fail ${account.unexpected}`,
  );
  console.log(`orders: ${ordersSent} posted, ${ordersRefused} refused; ${orderReceipts} order rows received by the desktops`);
  console.log(`desktops closed: ${closedCodes.length} (${[...new Set(closedCodes)].join(', ') || 'none'}); server's sync flow: ${JSON.stringify(final.flow)}`);
  console.log('catch-up after an hour offline: see npm run bench:catchup (a desktop back from an hour away, its own run)');
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
