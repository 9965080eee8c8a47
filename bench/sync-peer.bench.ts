// A helper process for the sync benchmarks (not a benchmark itself): other desktops live in
// their own processes, as they would on their own machines, so the measuring process only
// does its own client's work. Talks JSON lines: stdin commands, stdout events.
//   bystanders URL DIR TOKEN...   idle clients kept online + a bare ws echo server; the first
//                                 half connect at once, the rest after the command `more`
//   racer URL FILE TOKEN COUNT DRIVER   commands: go (assign o100..o(100+COUNT-1)), status, exit
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';
import { MutationRejection } from '../shared/mutators';
import { openClient, waitFor, type TestClient } from '../e2e/sync/harness';

const say = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
const online = (c: TestClient): boolean => c.sync.state().connection === 'online';

async function bystanders(url: string, dir: string, tokens: string[]): Promise<void> {
  const echo = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  echo.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  await new Promise<void>((r) => echo.once('listening', () => r()));
  const address = echo.address();
  const echoPort = typeof address === 'object' && address !== null ? address.port : 0;
  // Two halves, so the measuring process can connect its client in between: the server fans
  // out in connection order, and the middle of that order is the median desktop's wait.
  const half = Math.ceil(tokens.length / 2);
  const open = async (from: number, to: number): Promise<void> => {
    const clients = tokens.slice(from, to).map((t, i) => openClient(`${dir}/bystander-${from + i}.db`, url, t));
    await waitFor('bystanders online', () => clients.every(online), 300_000);
  };
  await open(0, half);
  say({ ready: true, echoPort });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'more') continue;
    await open(half, tokens.length);
    say({ more: true });
  }
}

async function racer(url: string, file: string, token: string, count: number, driverId: string): Promise<void> {
  const c = openClient(file, url, token);
  await waitFor('online', () => online(c), 300_000);
  say({ ready: true });
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const command = line.trim();
    if (command === 'go') {
      const start = performance.now();
      let localRejections = 0;
      for (let i = 0; i < count; i++) {
        try {
          c.sync.mutate('assignDriver', { orderId: `o${100 + i}`, driverId, seenVersion: 1 });
        } catch (e) {
          // Another racer's win already reached this replica: refused locally, told at once.
          if (!(e instanceof MutationRejection) || e.code !== 'assign_conflict') throw e;
          localRejections++;
        }
      }
      // A burst made in one turn: its edits share one fsynced commit (group commit).
      await c.sync.durable();
      say({ mutated: true, mutateMs: performance.now() - start, localRejections });
    } else if (command === 'status') {
      const s = c.sync.state();
      const cursor = Number(c.replica.sqlite.prepare("SELECT value FROM replica_meta WHERE key = 'cursor'").pluck().get() ?? 0);
      say({ status: true, online: s.connection === 'online', pending: s.pendingCount, cursor, conflicts: c.sync.conflicts().map((x) => x.message) });
    } else if (command === 'exit') {
      c.close();
      process.exit(0);
    }
  }
}

async function main(): Promise<void> {
  const [mode, url, ...rest] = process.argv.slice(2);
  if (mode === 'bystanders' && url !== undefined) {
    const [dir, ...tokens] = rest;
    await bystanders(url, dir ?? '.', tokens);
  } else if (mode === 'racer' && url !== undefined) {
    const [file, token, count, driver] = rest;
    await racer(url, file ?? '', token ?? '', Number(count), driver ?? '');
  } else {
    throw new Error('usage: sync-peer.bench.ts bystanders|racer URL ...');
  }
}

// SIGTERM ends the process normally, so a --cpu-prof profile gets written.
process.on('SIGTERM', () => process.exit(0));

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
