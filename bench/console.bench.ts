// `npm run bench:console [-- --drivers N [--drivers M]] [--seconds S] [--orders N]`: the console
// in headless Chromium (the browser host, no server), by default at 2,000 and 10,000 drivers.
// For each driver count, with that many drivers in the map's view:
//  1. Time to interactive: from navigation start (the page's own clock) until the queue's first
//     row and the problem queue's first item are in the DOM (a MutationObserver installed
//     before the page's scripts notes the moment; target < 2 s with 20,000 orders). Also: when
//     the map's data has arrived and two frames have been drawn after it.
//  2. Frames, measured as the browser shows them (intervals between requestAnimationFrame
//     timestamps) for S seconds while every driver moves once a second and the map is dragged
//     4 px every 100 ms (down, move, up: each drag is one `moveend`), in a square so the
//     drivers stay in view. First plain Leaflet with one canvas (L.canvas, one circleMarker per
//     driver moved by setLatLng: the peer and denominator), then the console, both with the
//     same map size, positions and pans, in the same run. Each ends with one line a script can
//     compare: `frames peer=leaflet-canvas drivers=N ...`, then
//     `frames drivers=N fps=F p95=P over20=K` (the console's; over20 = frames longer than 20 ms).
//     Target at 10,000: more fps and a lower p95 than the peer, and p95 <= 33 ms.
// Figures are printed; nothing is asserted (the machine is shared and noisy). The temporary
// replica is deleted at the end; `--screenshot FILE` keeps a picture of the console.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import type { PositionFix } from '../shared/api/events';
import { createApi } from '../main/api/create-api';
import { createFakeSync } from '../main/testing/fake-sync';
import { memorySettings } from '../main/settings/settings-store';
import { loadDemoData } from '../main/db/load-demo-data';
import { openReplica } from '../main/db/open-replica';
import { startWebHost } from '../main/hosts/web-host';
import { projectRoot } from '../main/start/paths';

const resolve = createRequire(import.meta.url).resolve;

function args(): { drivers: number[]; seconds: number; orders: number; screenshot: string | null } {
  const argv = process.argv.slice(2);
  const drivers: number[] = [];
  let seconds = 10;
  let orders = 20_000;
  let screenshot: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--drivers' && v) drivers.push(...v.split(',').map(Number));
    else if (a === '--seconds' && v) seconds = Number(v);
    else if (a === '--orders' && v) orders = Number(v);
    else if (a === '--screenshot' && v) screenshot = v;
    else throw new Error(`unknown argument ${a} (--drivers N, --seconds S, --orders N, --screenshot FILE)`);
    i++;
  }
  for (const n of [...drivers, seconds, orders]) if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive whole number: ${n}`);
  return { drivers: drivers.length > 0 ? drivers : [2_000, 10_000], seconds, orders, screenshot };
}

/** The console's start view (MapView's START at zoom 12); drivers are placed around it. */
const CENTER = { lat: 43.2389, lon: 76.8897 };
const ZOOM = 12;
/** Half the box the drivers fill: about 400 x 360 px at zoom 12, inside the map's view. */
const HALF_LAT = 0.045;
const HALF_LON = 0.07;

/** Deterministic start positions in the box, and the same step for console and peer. */
const START_POS = `(i, n) => {
  const cols = Math.ceil(Math.sqrt(n * 1.2));
  const rows = Math.ceil(n / cols);
  return [${CENTER.lat} - ${HALF_LAT} + (2 * ${HALF_LAT} * (Math.floor(i / cols) + 0.5)) / rows,
          ${CENTER.lon} - ${HALF_LON} + (2 * ${HALF_LON} * ((i % cols) + 0.5)) / cols];
}`;
const STEP = `(lat, lon, tick, i) => [lat + Math.sin(tick + i) * 0.0004, lon + Math.cos(tick + i) * 0.0004]`;
const startPos = eval(START_POS) as (i: number, n: number) => [number, number];
const step = eval(STEP) as (lat: number, lon: number, tick: number, i: number) => [number, number];

/**
 * In the page: rAF intervals for `seconds`, while the map under `selector` is dragged 4 px every
 * 100 ms (a square: right, down, left, up, 10 drags each). Plain script text: tsx would wrap
 * functions in helpers the page does not have.
 */
const FRAME_PROBE = (selector: string, seconds: number): string => `new Promise((resolve) => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) throw new Error('no map at ${selector}');
  const r = el.getBoundingClientRect();
  const cx = Math.round(r.left + r.width / 2), cy = Math.round(r.top + r.height / 2);
  const dirs = [[4, 0], [0, 4], [-4, 0], [0, -4]];
  let pans = 0;
  const mouse = (target, type, x, y) => target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, view: window }));
  const pan = setInterval(() => {
    const [dx, dy] = dirs[Math.floor(pans / 10) % 4];
    pans += 1;
    mouse(el, 'mousedown', cx, cy);
    mouse(document, 'mousemove', cx + dx, cy + dy);
    mouse(document, 'mouseup', cx + dx, cy + dy);
  }, 100);
  const intervals = [];
  const end = performance.now() + ${seconds * 1000};
  let last = 0;
  const frame = (t) => {
    if (last > 0) intervals.push(t - last);
    last = t;
    if (t < end) requestAnimationFrame(frame);
    else { clearInterval(pan); resolve({ intervals, pans }); }
  };
  requestAnimationFrame(frame);
})`;

/** Plain Leaflet, one canvas, one circleMarker per driver, moved by setLatLng once a second. */
const PEER_PAGE = (n: number, width: number, height: number): string => `
  document.body.style.margin = '0';
  const div = document.createElement('div');
  div.id = 'peer';
  div.style.cssText = 'width:${width}px;height:${height}px';
  document.body.appendChild(div);
  const map = L.map(div, { preferCanvas: true, renderer: L.canvas() }).setView([${CENTER.lat}, ${CENTER.lon}], ${ZOOM});
  const startPos = ${START_POS}, step = ${STEP};
  const pos = [], markers = [];
  for (let i = 0; i < ${n}; i++) {
    pos.push(startPos(i, ${n}));
    markers.push(L.circleMarker(pos[i], { radius: 6, weight: 1.5, color: '#fff', fillColor: '#2f6fde', fillOpacity: 1 }).addTo(map));
  }
  let tick = 0;
  setInterval(() => {
    tick += 1;
    for (let i = 0; i < ${n}; i++) {
      pos[i] = step(pos[i][0], pos[i][1], tick, i);
      markers[i].setLatLng(pos[i]);
    }
  }, 1000);
`;

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const f1 = (n: number): string => n.toFixed(1);

interface FrameStats {
  fps: number;
  p50: number;
  p95: number;
  max: number;
  over20: number;
  pans: number;
}

async function measureFrames(page: Page, selector: string, seconds: number): Promise<FrameStats> {
  const r = (await page.evaluate(FRAME_PROBE(selector, seconds))) as { intervals: number[]; pans: number };
  const s = [...r.intervals].sort((a, b) => a - b);
  const total = r.intervals.reduce((a, b) => a + b, 0);
  return {
    fps: (r.intervals.length * 1000) / total,
    p50: pct(s, 50),
    p95: pct(s, 95),
    max: s[s.length - 1] ?? NaN,
    over20: s.filter((x) => x > 20).length,
    pans: r.pans,
  };
}

const statsLine = (s: FrameStats): string => `fps=${f1(s.fps)} p95=${f1(s.p95)} over20=${s.over20}`;
const detail = (s: FrameStats): string => `  interval p50 ${f1(s.p50)} ms, p95 ${f1(s.p95)} ms, max ${f1(s.max)} ms; ${s.pans} pans`;

async function peerRun(browser: Browser, n: number, width: number, height: number, seconds: number): Promise<FrameStats> {
  const page = await browser.newPage({ viewport: { width: Math.max(width, 200), height: Math.max(height, 200) } });
  try {
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addStyleTag({ path: resolve('leaflet/dist/leaflet.css') });
    await page.addScriptTag({ path: resolve('leaflet/dist/leaflet.js') });
    await page.evaluate(PEER_PAGE(n, width, height));
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    return await measureFrames(page, '#peer', seconds);
  } finally {
    await page.close();
  }
}

/** In the page before its scripts: when the queue's first row and a problem first exist. */
const TTI_PROBE = `(() => {
  const seen = {};
  window.__tti = seen;
  const check = () => {
    if (!seen.row && document.querySelector('[aria-label="Order queue"] [role="option"]')) seen.row = performance.now();
    if (!seen.problem && document.querySelector('[aria-label="Problem queue"] li, [aria-label="Problem queue"] [role="listitem"]')) seen.problem = performance.now();
    if (seen.row && seen.problem) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
})()`;

async function consoleRun(browser: Browser, rendererDir: string, n: number, orders: number, seconds: number, screenshot: string | null): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-console-'));
  try {
    const replica = openReplica(path.join(dir, 'replica.db'));
    const now = Date.now();
    const load = loadDemoData(replica, { now, orders, drivers: n, carriers: 0 });
    // Every driver on shift with a fresh fix inside the view, as the peer's markers.
    const ids = (replica.sqlite.prepare('SELECT id FROM drivers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const drivers = ids.map((id, i) => {
      const [lat, lon] = startPos(i, ids.length);
      return { id, lat, lon };
    });
    const place = replica.sqlite.prepare("UPDATE drivers SET lat = ?, lon = ?, heading_deg = 0, speed_kmh = 30, battery = 70, fix_at = ?, shift_state = 'on_shift' WHERE id = ?");
    replica.sqlite.transaction(() => {
      for (const d of drivers) place.run(d.lat, d.lon, now, d.id);
    })();
    console.log(`replica: ${orders} orders, ${n} drivers loaded in ${f1(load.ms)} ms`);

    const sync = createFakeSync({ id: 'u-dispatcher-1', name: 'Bench', role: 'dispatcher' });
    const api = createApi({
      replica,
      settings: memorySettings({ serverUrl: 'http://bench.invalid', token: 'bench', tileUrl: '', language: 'en' }),
      connect: () => sync,
    });
    sync.setConnection({ lastSyncAt: Date.now() });
    await api.warmUp(); // as the hosts do at start-up (console-services.ts)
    const host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'bench' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    try {
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
      await page.addInitScript(TTI_PROBE);
      const t0 = Date.now();
      await page.goto(host.url);
      await page.getByRole('listbox', { name: 'Order queue' }).getByRole('option').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.getByRole('region', { name: 'Problem queue' }).getByRole('listitem').first().waitFor({ state: 'visible', timeout: 60_000 });
      const tti = (await page.evaluate('window.__tti')) as { row?: number; problem?: number };
      const ready = Math.max(tti.row ?? NaN, tti.problem ?? NaN);
      console.log(
        `time to interactive (${orders} orders, ${n} drivers): ${f1(ready)} ms from navigation start to the queue's first row and first problem in the DOM ` +
          `(row ${f1(tti.row ?? NaN)} ms; target < 2000 ms)`,
      );
      const mapEl = page.locator('[aria-label="Map"] .leaflet-container');
      await mapEl.waitFor({ state: 'visible', timeout: 60_000 });
      while (!replyAt.has('orderPoints') || !replyAt.has('listDrivers')) await new Promise((r) => setTimeout(r, 10));
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      console.log(`map complete (drivers and order points answered, two frames drawn): ${Date.now() - t0} ms after goto (Node's clock)`);
      const box = await mapEl.boundingBox();
      if (!box) throw new Error('the map has no size');
      const width = Math.round(box.width);
      const height = Math.round(box.height);

      // The denominator first, in the same browser, with the console's page idle in the background.
      const peer = await peerRun(browser, n, width, height, seconds);
      console.log(`plain Leaflet canvas, ${width}x${height} px map, ${n} circle markers moving each second, panned every 100 ms:`);
      console.log(detail(peer));
      console.log(`frames peer=leaflet-canvas drivers=${n} ${statsLine(peer)}`);

      let tick = 0;
      const timer = setInterval(() => {
        tick += 1;
        const at = Date.now();
        const fixes: PositionFix[] = drivers.map((d, i) => {
          [d.lat, d.lon] = step(d.lat, d.lon, tick, i);
          return { driverId: d.id, lat: d.lat, lon: d.lon, headingDeg: (tick * 37 + i) % 360, speedKmh: 30, battery: 70, fixAt: at, noSignal: false };
        });
        sync.pushPositions(fixes);
      }, 1000);
      await page.bringToFront();
      // MARSHRUT_BENCH_PROFILE=DIR: a CPU profile of the console's page while it is measured.
      const profileDir = process.env.MARSHRUT_BENCH_PROFILE;
      const cdp = profileDir ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const mine = await measureFrames(page, '[aria-label="Map"] .leaflet-container', seconds);
      if (cdp && profileDir) {
        const { profile } = await cdp.send('Profiler.stop');
        const file = path.join(profileDir, `console-${n}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        console.log(`profile: ${file}`);
      }
      clearInterval(timer);
      if (screenshot) await page.screenshot({ path: screenshot });
      console.log(`console, ${width}x${height} px map, ${n} drivers moving each second, panned every 100 ms:`);
      console.log(detail(mine));
      console.log(`frames drivers=${n} ${statsLine(mine)}`);
    } finally {
      await page.close();
      await host.close();
      await api.close();
      replica.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const opts = args();
  // MARSHRUT_BENCH_RENDERER: a copy of a build, to compare before/after while others rebuild out/.
  const rendererDir = process.env.MARSHRUT_BENCH_RENDERER ?? path.join(projectRoot(), 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const n of opts.drivers) await consoleRun(browser, rendererDir, n, opts.orders, opts.seconds, opts.screenshot);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
