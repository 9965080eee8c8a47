// The server process is SIGKILLed while one client is in the middle of a large catch-up and
// another is pushing edits, then restarted on the same file and port. Both clients reconnect
// by themselves and converge; every edit is on the server exactly once.
import Database from 'better-sqlite3';
import { afterEach, describe, it, expect } from 'vitest';
import { addUser, cursorOf, databases, makeOrder, openClient, replicaDifference, seedServer, startTestServer, testDir, waitFor, type TestClient, type TestDir } from './harness';
import { spawnServer, type ServerChild } from './server-child';

let dir: TestDir | undefined;
let child: ServerChild | undefined;
let clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await child?.kill();
  dir?.cleanup();
});

const ORDERS = 6_000;

describe('server killed mid-catch-up', () => {
  it('clients reconnect to the restarted server and converge, nothing lost', async () => {
    dir = testDir();
    const dbFile = dir.file('server.db');
    // Seed in-process, then hand the file to a separate server process.
    const seeding = await startTestServer(dbFile);
    seedServer(seeding, 5);
    seeding.engine.writeRows((tx) => {
      for (let i = 0; i < ORDERS; i++) tx.put('orders', { ...makeOrder(10_000 + i), cargoDescription: 'x'.repeat(2000) });
    });
    const ua = addUser(seeding, 'Dispatcher Aigerim');
    const ub = addUser(seeding, 'Dispatcher Yerlan');
    await seeding.close();

    child = await spawnServer(dbFile);
    const port = child.port;
    const url = child.url;
    const a = openClient(dir.file('a.db'), url, ua.token);
    clients.push(a);
    await waitFor('A online', () => a.sync.state().connection === 'online', 60_000);

    // B starts from nothing: 20k rows of catch-up. A keeps editing meanwhile.
    const b = openClient(dir.file('b.db'), url, ub.token);
    clients.push(b);
    for (let i = 0; i < 30; i++) a.sync.mutate('addComment', { orderId: `o${10_000 + i}`, text: `before kill ${i}` });
    await waitFor('B part-way through its catch-up', () => cursorOf(b) > 0, 60_000);
    await child.kill();
    const cursorAtKill = cursorOf(b);
    for (let i = 0; i < 30; i++) a.sync.mutate('addComment', { orderId: `o${10_000 + i}`, text: `while dead ${i}` });
    await waitFor('both offline', () => a.sync.state().connection === 'offline' && b.sync.state().connection === 'offline');
    expect(b.sync.state().connection).toBe('offline');

    child = await spawnServer(dbFile, port);
    const serverDb = new Database(dbFile, { readonly: true });
    try {
      const head = () => serverDb.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
      await waitFor(
        'convergence after restart',
        () => [a, b].every((c) => c.sync.state().connection === 'online' && c.sync.state().pendingCount === 0 && cursorOf(c) === head()),
        90_000,
      );
      expect(cursorAtKill).toBeLessThan(head());
      expect(replicaDifference([{ name: 'server', sqlite: serverDb }, ...databases([a, b])])).toBeNull();
      const comments = serverDb.prepare("SELECT comment FROM order_events WHERE kind = 'comment'").pluck().all() as string[];
      expect(comments).toHaveLength(60);
      expect(new Set(comments).size).toBe(60);
    } finally {
      serverDb.close();
    }
  }, 180_000);
});
