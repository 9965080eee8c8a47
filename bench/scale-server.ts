// The server of bench:scale in its own process, so its CPU and RSS are its own: the real
// server with the GPS port (every phone comes from 127.0.0.1 here, so the per-source rate
// limit is lifted: the bench's 800 phones are 800 phones, not one flood) and the orders API.
// Usage: tsx bench/scale-server.ts DB_FILE; prints {"port":N,"gpsPort":N,"pid":N}.
import { startServer } from '../server/server';
import { silentLogger } from '../server/log/logger';
import { attachGps } from '../server/gps/attach-gps';

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
  process.stdout.write(`${JSON.stringify({ port: server.port, gpsPort: gps.port, pid: process.pid })}\n`);
}

process.on('SIGTERM', () => process.exit(0));
main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
