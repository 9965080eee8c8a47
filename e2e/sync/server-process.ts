// Runs the real server as its own process so a test can SIGKILL it (a crash, not a close).
// Usage: tsx e2e/sync/server-process.ts DB_FILE [PORT] [FULL|NORMAL] [ORDERS_PER_SECOND_PER_TOKEN];
// prints {"port":N} once listening.
import { startServer } from '../../server/server';
import { silentLogger } from '../../platform/log/logger';

async function main(): Promise<void> {
  const [dbFile, port, synchronous, ordersRate] = process.argv.slice(2);
  if (dbFile === undefined) throw new Error('usage: server-process.ts DB_FILE [PORT] [FULL|NORMAL]');
  const server = await startServer({
    dbFile,
    port: Number(port ?? 0),
    host: '127.0.0.1',
    logger: silentLogger(),
    pumpIntervalMs: 50,
    synchronous: synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
    // The orders benchmark floods the API on purpose: it lifts the per-token limit.
    ...(ordersRate === undefined ? {} : { ordersRateLimit: { perSecond: Number(ordersRate), burst: Number(ordersRate) } }),
  });
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
}

// SIGTERM ends the process normally, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
