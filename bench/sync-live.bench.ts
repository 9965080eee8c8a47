// Live propagation: with 20 clients connected (18 idle ones in a peer process), the time from
// client A's mutate() to the change being in client B's replica (B's onChange for that row),
// against a bare ws echo round trip from the same process to the peer process.
import path from 'node:path';
import WebSocket from 'ws';
import { addUser, openClient, seedServer, startTestServer, testDir, waitFor } from '../e2e/sync/harness';
import { spawnScript, spawnServer } from '../e2e/sync/server-child';
import type { Figure } from './sync.bench';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function echoRoundTrips(port: number, n: number): Promise<number[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  await new Promise<void>((r) => ws.once('open', () => r()));
  const times: number[] = [];
  // A frame about the size of a one-comment changes frame.
  const payload = JSON.stringify({ type: 'changes', rows: [{ seq: 1, table: 'order_events', id: 'x', row: { comment: 'y'.repeat(300) } }], cursor: 1 });
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await new Promise<void>((r) => {
      ws.once('message', () => r());
      ws.send(payload);
    });
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 2));
  }
  ws.close();
  return times;
}

export async function benchLive(clients = 20, samples = 300, synchronous: 'FULL' | 'NORMAL' = (process.env['SYNC'] as 'NORMAL') ?? 'FULL'): Promise<Figure[]> {
  const dir = testDir();
  try {
    const file = dir.file('server.db');
    const seeding = await startTestServer(file);
    seedServer(seeding, 100);
    const tokens = Array.from({ length: clients }, (_, i) => addUser(seeding, `Dispatcher ${i}`).token);
    await seeding.close();
    const server = await spawnServer(file, 0, synchronous);
    const peers = spawnScript(path.join(__dirname, 'sync-peer.bench.ts'), ['bystanders', server.url, dir.dir, ...tokens.slice(2)]);
    try {
      const { echoPort } = await peers.next<{ echoPort: number }>((m) => m['ready'] === true);
      const a = openClient(dir.file('a.db'), server.url, tokens[0] ?? '');
      const b = openClient(dir.file('b.db'), server.url, tokens[1] ?? '');
      await waitFor('A and B online', () => [a, b].every((c) => c.sync.state().connection === 'online'), 120_000);
      let waiting: { id: string; resolve: () => void } | null = null;
      b.sync.onChange((e) => {
        if (waiting !== null && e.ids.order_events?.includes(waiting.id) === true) waiting.resolve();
      });
      const times: number[] = [];
      const afterCommit: number[] = [];
      for (let i = 0; i < samples + 20; i++) {
        const start = performance.now();
        let committed = 0;
        const seen = new Promise<void>((resolve) => {
          const { mid, clientId } = a.sync.mutate('addComment', { orderId: `o${100 + (i % 100)}`, text: `live ${i}` });
          committed = performance.now();
          waiting = { id: `${clientId}:${mid}:0`, resolve };
        });
        await seen;
        const end = performance.now();
        if (i >= 20) {
          times.push(end - start); // the first ones warm the JIT
          afterCommit.push(end - committed);
        }
        await new Promise((r) => setTimeout(r, 3));
      }
      const echo = (await echoRoundTrips(echoPort, samples)).sort((x, y) => x - y);
      times.sort((x, y) => x - y);
      afterCommit.sort((x, y) => x - y);
      console.log(
        `live: from A's committed mutate() (its fsync excluded) to B: p50 ${percentile(afterCommit, 50).toFixed(2)} ms, ` +
          `p99 ${percentile(afterCommit, 99).toFixed(2)} ms; server synchronous=${synchronous}`,
      );
      a.close();
      b.close();
      const fig = (p: number, target: number): Figure => {
        const value = percentile(times, p);
        const limit = percentile(echo, p);
        return {
          name: `live propagation A -> B, ${clients} clients connected, p${p}`,
          value,
          unit: 'ms',
          limit,
          limitName: `bare ws echo round trip p${p}`,
          ratio: limit / value,
          target: `< ${target} ms`,
          pass: value < target,
        };
      };
      return [fig(50, 3), fig(99, 10)];
    } finally {
      await peers.kill();
      await server.kill();
    }
  } finally {
    dir.cleanup();
  }
}
