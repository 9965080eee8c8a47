// When the server can't send "what changed since your cursor" (the log was compacted past it,
// or the server's database went back to a backup), the client gets a full snapshot and ends
// up equal to the server: rows it never heard were deleted disappear, pending edits survive.
import { copyFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, openClient, replicaDifference, startTestServer, waitConverged, waitFor, type TestClient } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(6);

const orderIds = (c: TestClient) => c.replica.sqlite.prepare('SELECT id FROM orders ORDER BY id').pluck().all();

describe('snapshots', () => {
  it('after compaction: a deletion the client missed is applied, its pending edit kept', async () => {
    const u = addUser(world.server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    const a = openClient(world.dir.file('a.db'), world.server.url, u.token, { transport: net.transport });
    world.clients.push(a);
    await waitConverged(world.server, world.clients);
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'kept' });
    // Meanwhile the server deletes an order and compacts its log past the client's cursor.
    world.server.engine.writeRows((tx) => tx.delete('orders', 'o104'));
    world.server.engine.writeRows((tx) => {
      const o = tx.get('orders', 'o101');
      if (o !== undefined) tx.put('orders', { ...o, cargoDescription: 'changed', version: o.version + 1 });
    });
    world.server.engine.log.compact(world.server.engine.log.headSeq() + 1);
    expect(orderIds(a)).toContain('o104');
    net.goOnline();
    await waitConverged(world.server, world.clients);
    expect(orderIds(a)).not.toContain('o104');
    expect(replicaDifference(databases(world.clients, world.server))).toBeNull();
    expect(world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'kept'").pluck().get()).toBe(1);
  });

  it('a server restored from a backup: the client resends what the server forgot under a new id and mirrors the server', async () => {
    const u = addUser(world.server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    const a = openClient(world.dir.file('a.db'), world.server.url, u.token, { transport: net.transport });
    world.clients.push(a);
    await waitConverged(world.server, world.clients);
    const port = world.server.port;
    a.sync.mutate('addComment', { orderId: 'o100', text: 'before backup' });
    await waitConverged(world.server, world.clients);
    await world.server.close();
    copyFileSync(world.dir.file('server.db'), world.dir.file('backup.db'));
    world.server = await startTestServer(world.dir.file('server.db'), port);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'acknowledged, then lost with the disk' });
    await waitConverged(world.server, world.clients);
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'pending while the server was down' });
    await world.server.close();
    copyFileSync(world.dir.file('backup.db'), world.dir.file('server.db'));
    world.server = await startTestServer(world.dir.file('server.db'), port);
    net.goOnline();
    await waitConverged(world.server, world.clients);
    await waitFor('idle', () => a.sync.state().pendingCount === 0);
    const comments = world.server.db.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();
    expect(comments).toEqual(['before backup', 'pending while the server was down']);
    expect(replicaDifference(databases(world.clients, world.server))).toBeNull();
  });
});
