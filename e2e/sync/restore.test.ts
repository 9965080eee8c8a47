// A server restored from a backup: desktops that synced past the backup (their cursors are
// ahead of the restored server, or count in the old history) come back to exactly the
// server's state, and an edit pending on a desktop while the server was down is not lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDatabase } from '../../server/backup/copy-database';
import { restoreDatabase } from '../../server/backup/restore-database';
import { readServerLock } from '../../server/backup/server-lock';
import type { MarshrutServer } from '../../server/server';
import { spawnServer } from './server-child';
import {
  addUser,
  cursorOf,
  databases,
  headSeq,
  makeOrder,
  openClient,
  replicaDifference,
  seedServer,
  startTestServer,
  testDir,
  waitConverged,
  waitFor,
  type SeededUser,
  type TestClient,
  type TestDir,
} from './harness';

let dir: TestDir;
let server: MarshrutServer;
let clients: TestClient[] = [];
let ua: SeededUser;
let ub: SeededUser;

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 30);
  ua = addUser(server, 'Dispatcher Aigerim');
  ub = addUser(server, 'Dispatcher Yerlan');
});

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await server.close();
  dir.cleanup();
});

const onServer = (sql: string, ...params: unknown[]): unknown => server.db.sqlite.prepare(sql).pluck().get(...params);

/** Both desktops synced, a backup taken while the server runs, then more work the backup lacks. */
async function syncedPastABackup(): Promise<{ a: TestClient; b: TestClient; backupHead: number }> {
  const a = openClient(dir.file('a.db'), server.url, ua.token);
  const b = openClient(dir.file('b.db'), server.url, ub.token);
  clients.push(a, b);
  await waitConverged(server, [a, b]);
  a.sync.mutate('addComment', { orderId: 'o100', text: 'before the backup' });
  await waitConverged(server, [a, b]);

  const backupHead = headSeq(server);
  await copyDatabase(server.db.file, dir.file('backup.db'));

  // Work after the backup: edits by both desktops and orders made on the server.
  for (let i = 0; i < 20; i++) a.sync.mutate('addComment', { orderId: `o${100 + (i % 10)}`, text: `lost with the restore ${i}` });
  b.sync.mutate('assignDriver', { orderId: 'o101', driverId: 'd1', seenVersion: 1 });
  server.engine.writeRows((tx) => {
    for (let n = 500; n < 520; n++) tx.put('orders', makeOrder(n));
  });
  await waitConverged(server, [a, b]);
  expect(cursorOf(a)).toBeGreaterThan(backupHead);
  return { a, b, backupHead };
}

describe('restore from a backup', () => {
  it('refuses while the server runs, then connected desktops recover past it and keep a pending edit', async () => {
    const { a, b, backupHead } = await syncedPastABackup();
    const port = server.port;
    const file = server.db.file;

    await expect(restoreDatabase(dir.file('backup.db'), file)).rejects.toThrow(/running/);
    expect(onServer("SELECT count(*) FROM orders WHERE id = 'o500'")).toBe(1); // nothing replaced

    await server.close();
    await waitFor('desktops offline', () => a.sync.state().connection === 'offline' && b.sync.state().connection === 'offline');
    // Made while the server is down: pending on the desktop through the restore.
    a.sync.mutate('addComment', { orderId: 'o102', text: 'typed while the server was down' });
    b.sync.mutate('assignDriver', { orderId: 'o103', driverId: 'd2', seenVersion: 1 });
    expect(b.sync.state().pendingCount).toBe(1);

    const restored = await restoreDatabase(dir.file('backup.db'), file);
    expect(restored.previous).not.toBeNull();
    server = await startTestServer(file, port);
    expect(headSeq(server)).toBe(backupHead);

    // The desktops are still running: they reconnect by themselves.
    await waitConverged(server, [a, b], 60_000);
    expect(replicaDifference(databases([a, b], server))).toBeNull();
    // The pending edit reached the restored server once; what only the lost history had is gone everywhere.
    expect(onServer("SELECT count(*) FROM order_events WHERE comment = 'typed while the server was down'")).toBe(1);
    expect(onServer("SELECT count(*) FROM order_events WHERE comment = 'before the backup'")).toBe(1);
    expect(onServer("SELECT count(*) FROM order_events WHERE comment LIKE 'lost with the restore%'")).toBe(0);
    expect(a.replica.sqlite.prepare("SELECT count(*) FROM orders WHERE id = 'o500'").pluck().get()).toBe(0);
    expect(onServer("SELECT driver_id FROM orders WHERE id = 'o103'")).toBe('d2');
    expect(onServer("SELECT driver_id FROM orders WHERE id = 'o101'")).toBeNull(); // assigned only in the lost history
    expect(b.sync.conflicts()).toEqual([]);
  });

  it('a desktop whose cursor the restored server has since passed still gets the restored history, not a tail of it', async () => {
    const { a, b } = await syncedPastABackup();
    const port = server.port;
    const file = server.db.file;
    const cursorA = cursorOf(a);
    a.sync.stop(); // the desktops are away (network down) during the restore
    b.sync.stop();
    await server.close();
    a.sync.mutate('addComment', { orderId: 'o104', text: 'pending across the restore' });

    await restoreDatabase(dir.file('backup.db'), file);
    server = await startTestServer(file, port);
    // The restored server lives on: other work moves its head past the desktops' cursors, so
    // by seq alone A would look merely behind and be sent only the last few changes.
    server.engine.writeRows((tx) => {
      for (let n = 600; n < 600 + 60; n++) tx.put('orders', makeOrder(n));
    });
    expect(headSeq(server)).toBeGreaterThan(cursorA);

    a.sync.start();
    b.sync.start();
    await waitConverged(server, [a, b], 60_000);
    expect(replicaDifference(databases([a, b], server))).toBeNull();
    expect(onServer("SELECT count(*) FROM order_events WHERE comment = 'pending across the restore'")).toBe(1);
    for (const c of [a, b]) {
      expect(c.replica.sqlite.prepare("SELECT count(*) FROM orders WHERE id IN ('o500', 'o519')").pluck().get(), c.name).toBe(0);
      expect(c.replica.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment LIKE 'lost with the restore%'").pluck().get(), c.name).toBe(0);
    }
  });

  it('refuses while a server process runs on the file; after that process is killed, restores', async () => {
    const backup = dir.file('backup.db');
    await copyDatabase(server.db.file, backup);
    const file = dir.file('other-server.db');
    const child = await spawnServer(file);
    try {
      expect(readServerLock(file)?.pid).not.toBe(process.pid);
      await expect(restoreDatabase(backup, file)).rejects.toThrow(/a server \(pid \d+, http:\/\/127\.0\.0\.1:\d+\) is running/);
    } finally {
      await child.kill();
    }
    // SIGKILL left the lock behind; it names a dead process now.
    expect(readServerLock(file)).not.toBeNull();
    const r = await restoreDatabase(backup, file);
    expect(r.previous).not.toBeNull();
  });
});
