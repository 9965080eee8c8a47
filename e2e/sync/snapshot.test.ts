// When the server can't send "what changed since your cursor" (the log was compacted past it,
// or the server's database went back to a backup), the client gets a full snapshot and ends
// up equal to the server: rows it never heard were deleted disappear, pending edits survive.
import { copyFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { MarshrutServer } from '../../server/server';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, openClient, replicaDifference, seedServer, startTestServer, testDir, waitConverged, waitFor, type TestClient, type TestDir } from './harness';

let dir: TestDir;
let server: MarshrutServer;
let clients: TestClient[] = [];

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 6);
});

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await server.close();
  dir.cleanup();
});

const orderIds = (c: TestClient) => c.replica.sqlite.prepare('SELECT id FROM orders ORDER BY id').pluck().all();

describe('snapshots', () => {
  it('after compaction: a deletion the client missed is applied, its pending edit kept', async () => {
    const u = addUser(server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    const a = openClient(dir.file('a.db'), server.url, u.token, { transport: net.transport });
    clients.push(a);
    await waitConverged(server, clients);
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'kept' });
    // Meanwhile the server deletes an order and compacts its log past the client's cursor.
    server.engine.writeRows((tx) => tx.delete('orders', 'o104'));
    server.engine.writeRows((tx) => {
      const o = tx.get('orders', 'o101');
      if (o !== undefined) tx.put('orders', { ...o, cargoDescription: 'changed', version: o.version + 1 });
    });
    server.engine.log.compact(server.engine.log.headSeq() + 1);
    expect(orderIds(a)).toContain('o104');
    net.goOnline();
    await waitConverged(server, clients);
    expect(orderIds(a)).not.toContain('o104');
    expect(replicaDifference(databases(clients, server))).toBeNull();
    expect(server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'kept'").pluck().get()).toBe(1);
  });

  it('a server restored from a backup: the client resends what the server forgot under a new id and mirrors the server', async () => {
    const u = addUser(server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    const a = openClient(dir.file('a.db'), server.url, u.token, { transport: net.transport });
    clients.push(a);
    await waitConverged(server, clients);
    const port = server.port;
    a.sync.mutate('addComment', { orderId: 'o100', text: 'before backup' });
    await waitConverged(server, clients);
    await server.close();
    copyFileSync(dir.file('server.db'), dir.file('backup.db'));
    server = await startTestServer(dir.file('server.db'), port);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'acknowledged, then lost with the disk' });
    await waitConverged(server, clients);
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'pending while the server was down' });
    await server.close();
    copyFileSync(dir.file('backup.db'), dir.file('server.db'));
    server = await startTestServer(dir.file('server.db'), port);
    net.goOnline();
    await waitConverged(server, clients);
    await waitFor('idle', () => a.sync.state().pendingCount === 0);
    const comments = server.db.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();
    expect(comments).toEqual(['before backup', 'pending while the server was down']);
    expect(replicaDifference(databases(clients, server))).toBeNull();
  });
});
