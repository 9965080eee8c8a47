// `npm run bench:console`: the console in headless Chromium (the browser host, no server).
//  1. Time to first interactive console with 20,000 orders in the replica: navigation until
//     the queue's first row and the problem queue are on screen (target < 2 s). Also printed:
//     when the map is complete (its drivers' and points' answers received and two frames drawn
//     after them), since the console loads the map's data after the queue's first page.
//  2. Frame time while 2,000 driver markers move once a second and the countdowns tick, for
//     10 s: per frame, the main thread's busy time (rAF start -> the task after the frame) and
//     the interval between frames; p50/p95/max and frames over budget (target p95 < 16.7 ms).
// Figures are printed; nothing is asserted (the machine is shared and noisy).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import type { PositionFix } from '../shared/api/events';
import { createApi } from '../main/api/create-api';
import { createFakeSync } from '../main/testing/fake-sync';
import { memorySettings } from '../main/settings/settings-store';
import { loadDemoData } from '../main/db/load-demo-data';
import { openReplica } from '../main/db/open-replica';
import { startWebHost } from '../main/hosts/web-host';
import { projectRoot } from '../main/start/paths';

const ORDERS = 20_000;
const DRIVERS = 2_000;
const MEASURE_MS = 10_000;
const BUDGET_MS = 1000 / 60;

/** Per frame: rAF start -> a task posted from rAF (it runs after style, layout and paint). */
const FRAME_PROBE = `new Promise((resolve) => {
  const busy = [], intervals = [];
  const end = performance.now() + MEASURE_MS;
  const channel = new MessageChannel();
  let start = 0, last = 0;
  channel.port1.onmessage = () => busy.push(performance.now() - start);
  const frame = (t) => {
    if (last > 0) intervals.push(t - last);
    last = t;
    start = performance.now();
    channel.port2.postMessage(0);
    if (t < end) requestAnimationFrame(frame);
    else setTimeout(() => resolve({ busy, intervals }), 50);
  };
  requestAnimationFrame(frame);
})`;

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const f1 = (n: number): string => n.toFixed(1);

async function main(): Promise<void> {
  // MARSHRUT_BENCH_RENDERER: a copy of a build, to compare before/after while others rebuild out/.
  const rendererDir = process.env.MARSHRUT_BENCH_RENDERER ?? path.join(projectRoot(), 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-console-'));
  const replica = openReplica(path.join(dir, 'replica.db'));
  const now = Date.now();
  const load = loadDemoData(replica, { now, orders: ORDERS, drivers: DRIVERS, carriers: 0 });
  console.log(`replica: ${ORDERS} orders, ${DRIVERS} drivers loaded in ${f1(load.ms)} ms`);

  const sync = createFakeSync({ id: 'u-dispatcher-1', name: 'Bench', role: 'dispatcher' });
  const api = createApi({
    replica,
    settings: memorySettings({ serverUrl: 'http://bench.invalid', token: 'bench', tileUrl: '', language: 'en' }),
    connect: () => sync,
  });
  sync.setConnection({ lastSyncAt: Date.now() });
  await api.warmUp(); // as the hosts do at start-up (console-services.ts)
  const host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'bench' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    // Which call each reply answers, and when the first reply to each method arrived.
    const replyAt = new Map<string, number>();
    page.on('websocket', (ws) => {
      const methodById = new Map<number, string>();
      ws.on('framesent', (f) => {
        const m = /^\{"type":"call","id":(\d+),"method":"(\w+)"/.exec(String(f.payload));
        if (m?.[1] && m[2]) methodById.set(Number(m[1]), m[2]);
      });
      ws.on('framereceived', (f) => {
        const m = /^\{"type":"reply","id":(\d+)/.exec(String(f.payload));
        const method = m?.[1] ? methodById.get(Number(m[1])) : undefined;
        if (method && !replyAt.has(method)) replyAt.set(method, Date.now());
      });
    });
    // 1. Time to first interactive.
    const t0 = Date.now();
    await page.goto(host.url);
    await page.getByRole('listbox', { name: 'Order queue' }).getByRole('option').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('region', { name: 'Problem queue' }).getByRole('listitem').first().waitFor({ state: 'visible', timeout: 60_000 });
    const wall = Date.now() - t0;
    const inPage = await page.evaluate(() => performance.now());
    console.log(`time to first interactive console (${ORDERS} orders): ${wall} ms wall, ${f1(inPage)} ms since navigation start (target < 2000 ms)`);
    await page.getByRole('region', { name: 'Map' }).waitFor({ state: 'visible', timeout: 60_000 });
    while (!replyAt.has('orderPoints') || !replyAt.has('listDrivers')) await new Promise((r) => setTimeout(r, 10));
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    console.log(`map complete (drivers and order points drawn): ${Date.now() - t0} ms wall`);

    // 2. Frames while every driver moves once a second and the countdowns tick.
    // Every driver moves (those without a fix yet start in Almaty).
    const drivers = (replica.sqlite.prepare('SELECT id, lat, lon FROM drivers').all() as { id: string; lat: number | null; lon: number | null }[]).map(
      (d, i) => ({ id: d.id, lat: d.lat ?? 43.2 + (i % 40) * 0.003, lon: d.lon ?? 76.85 + Math.floor(i / 40) * 0.003 }),
    );
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      const at = Date.now();
      const fixes: PositionFix[] = drivers.map((d, i) => {
        d.lat += Math.sin(tick + i) * 0.0004;
        d.lon += Math.cos(tick + i) * 0.0004;
        return { driverId: d.id, lat: d.lat, lon: d.lon, headingDeg: (tick * 37 + i) % 360, speedKmh: 30, battery: 70, fixAt: at, noSignal: false };
      });
      sync.pushPositions(fixes);
    }, 1000);
    // A plain script string: tsx would wrap functions in helpers the page does not have.
    const frames = (await page.evaluate(FRAME_PROBE.replace('MEASURE_MS', String(MEASURE_MS)))) as { busy: number[]; intervals: number[] };
    clearInterval(timer);
    const busy = [...frames.busy].sort((a, b) => a - b);
    const intervals = [...frames.intervals].sort((a, b) => a - b);
    console.log(
      `frames over ${MEASURE_MS / 1000} s with ${drivers.length} drivers moving each second: ${intervals.length} frames (${f1(intervals.length / (MEASURE_MS / 1000))} fps)`,
    );
    console.log(
      `  main-thread time per frame: p50 ${f1(pct(busy, 50))} ms, p95 ${f1(pct(busy, 95))} ms, max ${f1(busy[busy.length - 1] ?? NaN)} ms (target p95 < ${f1(BUDGET_MS)} ms)`,
    );
    console.log(
      `  frame interval: p50 ${f1(pct(intervals, 50))} ms, p95 ${f1(pct(intervals, 95))} ms, max ${f1(intervals[intervals.length - 1] ?? NaN)} ms; ` +
        `${intervals.filter((x) => x > BUDGET_MS * 1.5).length} frames late (> 25 ms)`,
    );
    await page.screenshot({ path: path.join(dir, 'bench-console.png') });
    console.log(`screenshot: ${path.join(dir, 'bench-console.png')}`);
  } finally {
    await browser.close();
    await host.close();
    await api.close();
    replica.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
