// GPS ingest benchmark (issue 4), on loopback, load from a second process:
//  1. throughput: closed-loop OsmAnd requests (keep-alive, C connections) against a bare Node
//     HTTP server answering 200, then against the real GPS port (decode, binding, filter,
//     positions, track batches, geofence query); fixes/s and the ratio (target >= 0.5);
//  2. latency: a real server with 20 desktop ws clients connected (hello, caught up), fixes
//     paced at 2,000/s (4,000 phones, one fix each 2 s); time from a fix leaving the phone
//     process to a client receiving it in a positions frame, p50/p99 (target p99 < 100 ms).
//
//   npm run bench:gps                       # defaults below
//   npm run bench:gps -- --seconds 4 --rounds 3 --rate 2000 --clients 20 --devices 4000 --conns 32
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../shared/protocol';
import { attachGps } from '../server/gps/attach-gps';
import { bindSimulatorDevices } from '../server/gps/device-bindings';
import { startServer } from '../server/server';
import { silentLogger } from '../platform/log/logger';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SECONDS = arg('seconds', 4);
const RATE = arg('rate', 2000);
const CLIENTS = arg('clients', 20);
const DEVICES = arg('devices', 4000);
const CONNS = arg('conns', 32);
const ROUNDS = arg('rounds', 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const BASE = { lat: 43.2383, lon: 76.9456 };
const STEP_DEG = 30 / 111_195; // 30 m north per fix: moving, never parking jitter
const wallNow = (): number => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- child: phones
type LoadCommand =
  | { cmd: 'closed'; port: number; seconds: number; conns: number; devices: number; baseTs: number }
  | { cmd: 'paced'; port: number; seconds: number; rate: number; devices: number };

function fixPath(device: number, seq: number, fixAt: number): string {
  const lat = BASE.lat + (device % 50) * 0.01 + seq * STEP_DEG;
  const lon = BASE.lon + Math.floor(device / 50) * 0.005;
  return `/?id=sim-drv-${device}&timestamp=${Math.round(fixAt)}&lat=${lat.toFixed(6)}&lon=${lon.toFixed(6)}&speed=29.2&bearing=0.0&altitude=800.0&accuracy=0.0&batt=80.0`;
}

async function phonesChild(): Promise<void> {
  const seq = new Map<number, number>();
  const nextSeq = (d: number): number => {
    const s = (seq.get(d) ?? 0) + 1;
    seq.set(d, s);
    return s;
  };
  process.on('message', (m: LoadCommand) => {
    const agent = new Agent({ keepAlive: true, maxSockets: m.cmd === 'closed' ? m.conns : 128 });
    let ok = 0;
    let other = 0;
    let errors = 0;
    const send = (path: string, done: () => void): void => {
      const req = request({ host: '127.0.0.1', port: m.port, path, method: 'POST', agent, headers: { 'content-length': 0 } }, (res) => {
        if (res.statusCode === 200) ok++;
        else other++;
        res.resume();
        res.on('end', done);
      });
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    };
    if (m.cmd === 'closed') {
      const end = performance.now() + m.seconds * 1000;
      const start = performance.now();
      let device = 0;
      let running = m.conns;
      const loop = (): void => {
        if (performance.now() >= end) {
          if (--running === 0) {
            agent.destroy();
            process.send?.({ ok, other, errors, elapsedMs: performance.now() - start });
          }
          return;
        }
        const d = device++ % m.devices;
        const s = nextSeq(d);
        send(fixPath(d, s, m.baseTs + s * 2000), loop);
      };
      for (let i = 0; i < m.conns; i++) loop();
      return;
    }
    // Paced (open loop): every 5 ms, the fixes due by now; each phone every devices/rate s.
    const start = performance.now();
    const total = Math.floor(m.rate * m.seconds);
    let sent = 0;
    let answered = 0;
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * m.rate));
      while (sent < due) {
        const d = sent % m.devices;
        sent++;
        send(fixPath(d, nextSeq(d), wallNow()), () => {
          if (++answered === total) {
            agent.destroy();
            process.send?.({ ok, other, errors, elapsedMs: performance.now() - start });
          }
        });
      }
      if (sent >= total) clearInterval(timer);
    }, 5);
  });
}

// ---------------------------------------------------------------- child: desktops
type ClientsCommand = { cmd: 'connect'; url: string; tokens: string[] } | { cmd: 'measure' } | { cmd: 'report' };

async function desktopsChild(): Promise<void> {
  const sockets: WebSocket[] = [];
  let measuring = false;
  let measureFrom = Infinity;
  const latencies: number[] = [];
  process.on('message', (m: ClientsCommand) => {
    if (m.cmd === 'connect') {
      let ready = 0;
      for (const [i, token] of m.tokens.entries()) {
        const ws = new WebSocket(`${m.url.replace('http', 'ws')}/sync`, { headers: { authorization: `Bearer ${token}` } });
        sockets.push(ws);
        ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId: `bench-${i}`, cursor: 0, lastAckedMid: 0 })));
        ws.on('message', (data) => {
          const text = String(data);
          // Cheap pre-check: only positions frames are parsed on the hot path.
          if (text.startsWith('{"type":"positions"')) {
            if (!measuring) return;
            const now = wallNow();
            const frame = JSON.parse(text) as { drivers: Array<{ fixAt: number }> };
            // Only fixes sent while measuring: not the snapshot a desktop gets on connecting.
            for (const d of frame.drivers) if (d.fixAt >= measureFrom) latencies.push(now - d.fixAt);
            return;
          }
          if (text.includes('"type":"caught-up"') && ++ready === m.tokens.length) process.send?.({ ready });
        });
      }
    } else if (m.cmd === 'measure') {
      measuring = true;
      measureFrom = wallNow();
    } else {
      measuring = false;
      latencies.sort((a, b) => a - b);
      const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
      process.send?.({ count: latencies.length, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? NaN });
      for (const ws of sockets) ws.close();
    }
  });
}

// ---------------------------------------------------------------- parent
function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message as never);
  });
}

function bareServer(): Promise<Server> {
  const server = createServer({ keepAlive: true }, (req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 2 });
      res.end('OK');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface LoadResult {
  ok: number;
  other: number;
  errors: number;
  elapsedMs: number;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marshrut-gps-bench-'));
  const phones = fork(__filename, ['phones']);
  const desktops = fork(__filename, ['desktops']);
  try {
    // 1. throughput: bare and GPS alternately (the machine is shared: medians of rounds)
    const bare = await bareServer();
    const barePort = (bare.address() as AddressInfo).port;
    const server = await startServer({ port: 0, host: '127.0.0.1', dbFile: join(dir, 'server.db'), logger: silentLogger() });
    const t = Date.now();
    server.engine.writeRows((tx) => {
      for (let i = 0; i < DEVICES; i++) {
        tx.put('drivers', { id: `drv-${i}`, name: `Driver ${i}`, phone: '', vehicle: 'van', vehiclePlate: '', capacityKg: 1000, homeWarehouseId: null, shiftState: 'on_shift', shiftChangedAt: t, lat: null, lon: null, headingDeg: null, speedKmh: null, accuracyM: null, battery: null, charging: null, fixAt: null, updatedAt: t, version: 1 });
      }
    });
    bindSimulatorDevices(server.db.sqlite, t);
    // One address sends every phone's fixes here: no per-address limit.
    const gps = await attachGps(server, { port: 0, host: '127.0.0.1', rateLimit: null });
    const baseTs = Date.now() - 600_000;
    const bareRates: number[] = [];
    const oursRates: number[] = [];
    let oursOther = 0;
    let oursErrors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const b = await ask<LoadResult>(phones, { cmd: 'closed', port: barePort, seconds: SECONDS, conns: CONNS, devices: DEVICES, baseTs });
      bareRates.push(b.ok / (b.elapsedMs / 1000));
      const o = await ask<LoadResult>(phones, { cmd: 'closed', port: gps.port, seconds: SECONDS, conns: CONNS, devices: DEVICES, baseTs });
      oursRates.push(o.ok / (o.elapsedMs / 1000));
      oursOther += o.other;
      oursErrors += o.errors;
    }
    await new Promise<void>((r) => bare.close(() => r()));
    const bareRate = median(bareRates);
    const oursRate = median(oursRates);
    const accepted = gps.counters.accepted;

    // 2. latency with desktops connected
    const tokens = Array.from({ length: CLIENTS }, (_, i) => server.users.addUser({ name: `Bench desk ${i}`, role: 'dispatcher' }).token);
    await ask(desktops, { cmd: 'connect', url: server.url, tokens });
    await new Promise((r) => setTimeout(r, 500)); // connection snapshots pass first
    desktops.send({ cmd: 'measure' } as never);
    const acceptedBefore = gps.counters.accepted;
    const paced = await ask<LoadResult>(phones, { cmd: 'paced', port: gps.port, seconds: SECONDS, rate: RATE, devices: DEVICES });
    await new Promise((r) => setTimeout(r, 1500)); // the last frames
    const lat = await ask<{ count: number; p50: number; p99: number; max: number }>(desktops, { cmd: 'report' });
    const pacedAccepted = gps.counters.accepted - acceptedBefore;
    await server.close();

    const f = (n: number): string => n.toFixed(1);
    console.log('GPS ingest benchmark (loopback, load from a second process)');
    console.log(`  bare Node HTTP 200:      ${Math.round(bareRate)} req/s median of ${bareRates.map(Math.round).join(', ')} (${CONNS} keep-alive connections, ${ROUNDS} x ${SECONDS} s, alternating)`);
    console.log(`  GPS port (OsmAnd):       ${Math.round(oursRate)} fixes/s median of ${oursRates.map(Math.round).join(', ')}; ${accepted} accepted by the filter, ${oursOther} non-200, ${oursErrors} errors`);
    console.log(`  ratio GPS / bare:        ${(oursRate / bareRate).toFixed(2)}  (target >= 0.5)`);
    console.log(`  latency at ${RATE} fixes/s, ${DEVICES} phones, ${CLIENTS} desktops: ${paced.ok}/${Math.floor(RATE * SECONDS)} answered 200 in ${f(paced.elapsedMs / 1000)} s, ${pacedAccepted} accepted`);
    console.log(`    fix sent -> desktop received: p50 ${f(lat.p50)} ms, p99 ${f(lat.p99)} ms, max ${f(lat.max)} ms over ${lat.count} deliveries  (target p99 < 100 ms)`);
    if (paced.elapsedMs > SECONDS * 1000 * 1.1) {
      console.log(`    note: the phones could not keep ${RATE}/s (took ${f(paced.elapsedMs / 1000)} s): the machine was too busy for this latency figure; run again`);
    }
  } finally {
    phones.kill();
    desktops.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const role = process.argv[2];
if (role === 'phones') void phonesChild();
else if (role === 'desktops') void desktopsChild();
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
