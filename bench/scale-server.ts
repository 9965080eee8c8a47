// The server of bench:scale in its own process, so its CPU and RSS are its own: the real
// server with the GPS port (every phone comes from 127.0.0.1 here, so the per-source rate
// limit is lifted: the bench's 800 phones are 800 phones, not one flood) and the orders API.
// Usage: tsx bench/scale-server.ts DB_FILE; prints {"port":N,"gpsPort":N,"pid":N}. A "stats N"
// line on stdin answers {"stats":...,"id":N}: the event-loop delay since the last "stats" (a busy
// server shows it here, a busy machine shows it everywhere), the most bytes any sync socket
// held queued (the ws send buffer; 4005 closes a live desktop above 8 MB), the GPS counters
// (what became of every fix) and the sync flow counters (desktops dropped as slow readers).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../server/server';
import { silentLogger } from '../platform/log/logger';
import { attachGps } from '../server/gps/attach-gps';
import { LOOP_RESOLUTION_MS, loopDelayMs } from './scale-accounting';

async function main(): Promise<void> {
  const [dbFile] = process.argv.slice(2);
  if (dbFile === undefined) throw new Error('usage: scale-server.ts DB_FILE');
  const server = await startServer({
    dbFile,
    port: 0,
    host: '127.0.0.1',
    logger: silentLogger(),
    synchronous: 'NORMAL',
    syncLimits: { maxConnectionsPerUser: 10_000 },
    ordersRateLimit: { perSecond: 1000, burst: 1000 },
  });
  const gps = await attachGps(server, { port: 0, host: '127.0.0.1', rateLimit: null });
  const lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  lag.enable();
  // Sampled rather than read at the end: a send buffer fills and empties within a second.
  let maxBuffered = 0;
  setInterval(() => {
    for (const s of server.hub.sessions) maxBuffered = Math.max(maxBuffered, s.ws.bufferedAmount);
  }, 50).unref();
  process.stdin.on('data', (d) => {
    // "stats N": the answer carries N (the bench asks more than once; lines are matched by it).
    const id = /stats (\d+)/.exec(String(d))?.[1];
    if (id === undefined) return;
    const stats = {
      eventLoopDelay: { p50: loopDelayMs(lag.percentile(50)), p99: loopDelayMs(lag.percentile(99)), max: loopDelayMs(lag.max) },
      maxBuffered,
      sessions: server.hub.sessions.size,
      gps: gps.counters,
      flow: server.hub.flow.snapshot(),
    };
    lag.reset();
    maxBuffered = 0;
    process.stdout.write(`${JSON.stringify({ stats, id: Number(id) })}\n`);
  });
  process.stdout.write(`${JSON.stringify({ port: server.port, gpsPort: gps.port, pid: process.pid })}\n`);
}

process.on('SIGTERM', () => process.exit(0));
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
