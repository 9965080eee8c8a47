// A desktop's sync half as its own process, so a test can SIGKILL it mid-work (a crash or a
// power cut, not a quit). Usage: tsx e2e/sync/desktop-process.ts REPLICA_FILE SERVER_URL TOKEN
// Prints {"ready":true} once online. Command `burst N PREFIX`: makes N comment edits
// "PREFIX i", one per turn of the event loop (so pushes and acks interleave with them), and
// prints {"queued":i} after each edit is committed to the replica and its outbox.
import { createInterface } from 'node:readline';
import { openClient, waitFor } from './harness';

const say = (o: unknown): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const [file, url, token] = process.argv.slice(2);
  if (file === undefined || url === undefined || token === undefined) throw new Error('usage: desktop-process.ts REPLICA_FILE SERVER_URL TOKEN');
  const c = openClient(file, url, token);
  await waitFor('online', () => c.sync.state().connection === 'online', 120_000);
  say({ ready: true });
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, n, prefix] = line.trim().split(' ');
    if (command !== 'burst' || n === undefined || prefix === undefined) continue;
    for (let i = 0; i < Number(n); i++) {
      c.sync.mutate('addComment', { orderId: 'o100', text: `${prefix} ${i}` });
      say({ queued: i });
      await new Promise((r) => setImmediate(r));
    }
    say({ done: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
