// First sync of a fresh desktop against a server holding a big history: the sync window
// (protocol 3, historyDays) against the whole history, in the same run on the same server.
//   - protocol client: a raw ws client says hello and reads to caught-up (bytes on the wire,
//     rows, time): what the server and the network pay;
//   - desktop: a real sync client into a new replica file (time to caught-up, replica size):
//     what a new desktop waits for. The whole-history desktop only with --full-desktop (slow).
// The history is bench:reports' (1,000,000 orders over a year with their events): run
// `npm run bench:reports -- --orders N` once first; its server file is copied, and given the
// change-log entries its raw inserts skipped (cached beside it).
//
//   npm run bench:sync-window [-- --orders 1000000] [--days 30] [--full-desktop]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SCHEMA_VERSION, syncWindowDays, type ServerMessage } from '../shared/protocol';
import { openServerDb } from '../server/db/open-server-db';
import { startServer } from '../server/server';
import { silentLogger } from '../platform/log/logger';
import { desktopFirstSync } from './desktop-first-sync';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ORDERS = arg('orders', 1_000_000);
const DAYS = arg('days', 30);
const FULL_DESKTOP = process.argv.includes('--full-desktop');
/** bench:reports' clock: its history ends here. */
const NOW = Date.UTC(2026, 11, 2, 7);

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** The history with change-log entries, as a server that had written it itself would hold it. */
function prepareHistory(): string {
  const source = path.join(os.tmpdir(), `marshrut-bench-reports-${ORDERS}`, 'server.db');
  if (!fs.existsSync(source)) throw new Error(`no history at ${source}: run npm run bench:reports -- --orders ${ORDERS} first`);
  const dir = path.join(os.tmpdir(), `marshrut-bench-window-${ORDERS}`);
  const file = path.join(dir, 'history.db');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(source, `${file}.part`);
  const db = openServerDb(`${file}.part`, 'NORMAL');
  const started = performance.now();
  db.sqlite.transaction(() => {
    // In the order a server would have logged them: reference rows, then orders and events by time.
    for (const t of ['regions', 'warehouses', 'drivers', 'customers', 'users']) {
      db.sqlite.exec(`INSERT OR IGNORE INTO change_log (tbl, row_id, at) SELECT '${t}', id, updated_at FROM ${t}`);
    }
    db.sqlite.exec(`
      INSERT OR IGNORE INTO change_log (tbl, row_id, at)
      SELECT tbl, id, t FROM (
        SELECT 'orders' AS tbl, id, updated_at AS t FROM orders
        UNION ALL SELECT 'order_events', id, at FROM order_events
      ) ORDER BY t`);
  })();
  const n = db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.sqlite.close();
  fs.renameSync(`${file}.part`, file);
  console.log(`history: ${n} change-log entries written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

interface ProtocolRun {
  ms: number;
  bytes: number;
  frames: number;
  rows: number;
  orders: number;
}

/** A raw protocol client: hello (with or without a window), then every frame to caught-up. */
async function protocolFirstSync(url: string, token: string, historyDays: number | undefined, clientId: string): Promise<ProtocolRun> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const run: ProtocolRun = { ms: 0, bytes: 0, frames: 0, rows: 0, orders: 0 };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      run.bytes += data.length;
      const text = data.toString('utf8');
      // Parse only the frame's head: the rows are counted, not validated (the desktop run does that).
      const type = /^\{"type":"([a-z-]+)"/.exec(text)?.[1];
      if (type === 'changes') {
        run.frames++;
        const m = JSON.parse(text) as Extract<ServerMessage, { type: 'changes' }>;
        run.rows += m.rows.length;
        for (const r of m.rows) if (r.table === 'orders') run.orders++;
      } else if (type === 'caught-up') {
        resolve();
      } else if (type === 'error') {
        reject(new Error(text));
      }
    });
    ws.send(
      JSON.stringify({
        type: 'hello', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId, cursor: 0, lastAckedMid: 0,
        ...(historyDays === undefined ? {} : { historyDays }),
      }),
    );
  });
  run.ms = performance.now() - started;
  ws.close();
  return run;
}

async function main(): Promise<void> {
  const history = prepareHistory();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-bench-window-run-'));
  const dbFile = path.join(dir, 'server.db');
  fs.copyFileSync(history, dbFile);
  const server = await startServer({ port: 0, host: '127.0.0.1', dbFile, logger: silentLogger(), clock: () => NOW, synchronous: 'NORMAL' });
  try {
    const { token } = server.users.addUser({ name: 'Bench dispatcher', role: 'dispatcher' });
    const s = server.engine.sqlite;
    const total = s.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    const logRows = s.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    console.log(`server: ${total} orders, ${logRows} change-log entries; window ${DAYS} days asked, ${syncWindowDays(DAYS)} kept; load ${load()}`);

    const windowed = await protocolFirstSync(server.url, token, DAYS, 'bench-window');
    console.log(`protocol windowed: ${(windowed.ms / 1000).toFixed(1)} s, ${mb(windowed.bytes)}, ${windowed.rows} rows (${windowed.orders} orders) in ${windowed.frames} frames; load ${load()}`);
    const full = await protocolFirstSync(server.url, token, undefined, 'bench-full');
    console.log(`protocol full:     ${(full.ms / 1000).toFixed(1)} s, ${mb(full.bytes)}, ${full.rows} rows (${full.orders} orders) in ${full.frames} frames; load ${load()}`);
    console.log(
      `window vs full: time ${(windowed.ms / full.ms).toFixed(2)}x, bytes ${(windowed.bytes / full.bytes).toFixed(2)}x, orders ${windowed.orders} of ${full.orders}`,
    );

    const replica = (days: number | undefined): string => path.join(dir, `replica-${days ?? 'all'}.db`);
    const head = server.engine.log.headSeq();
    const desk = await desktopFirstSync(replica(DAYS), server.url, token, { historyDays: DAYS, head });
    console.log(`desktop windowed: ${(desk.ms / 1000).toFixed(1)} s to caught-up, replica ${mb(desk.bytes)}, ${desk.orders} orders; load ${load()}`);
    if (FULL_DESKTOP) {
      const deskFull = await desktopFirstSync(replica(undefined), server.url, token, { head });
      console.log(`desktop full:     ${(deskFull.ms / 1000).toFixed(1)} s to caught-up, replica ${mb(deskFull.bytes)}, ${deskFull.orders} orders; load ${load()}`);
      console.log(`desktop window vs full: time ${(desk.ms / deskFull.ms).toFixed(2)}x, replica ${(desk.bytes / deskFull.bytes).toFixed(2)}x`);
    }
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
