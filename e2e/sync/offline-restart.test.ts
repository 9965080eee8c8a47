// Offline work survives an app restart and reaches the server exactly once; a replica
// restored from a backup never has its new edits swallowed as "already seen".
import { copyFileSync, rmSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, replicaDifference, openClient, waitConverged, waitFor } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(50);

const serverCount = (sql: string, ...params: unknown[]) => world.server.db.sqlite.prepare(sql).pluck().get(...params) as number;

describe('offline edits', () => {
  it('1,000 edits made offline, across an app restart, reach the server exactly once', async () => {
    const ua = addUser(world.server, 'Dispatcher Aigerim');
    const ub = addUser(world.server, 'Dispatcher Yerlan');
    const net = new FaultyNetwork();
    let a = openClient(world.dir.file('a.db'), world.server.url, ua.token, { transport: net.transport });
    const b = openClient(world.dir.file('b.db'), world.server.url, ub.token);
    world.clients.push(b);
    await waitConverged(world.server, [a, b]);

    net.goOffline();
    await waitFor('A offline', () => a.sync.state().connection === 'offline');
    const firstId = a.sync.state().clientId;
    for (let i = 0; i < 1000; i++) {
      // Ten assignments to ten different orders among 990 comments.
      if (i % 100 === 7) a.sync.mutate('assignDriver', { orderId: `o${100 + Math.floor(i / 100)}`, driverId: i % 200 === 7 ? 'd1' : 'd2', seenVersion: 1 });
      else a.sync.mutate('addComment', { orderId: `o${100 + (i % 50)}`, text: `edit ${i}` });
    }
    expect(a.sync.state().pendingCount).toBe(1000);

    // The app quits and starts again, still offline.
    a.close();
    let attempts = 0;
    a = openClient(world.dir.file('a.db'), world.server.url, ua.token, {
      transport: (url, token, handlers) => {
        attempts++;
        return net.transport(url, token, handlers);
      },
    });
    world.clients.push(a);
    expect(a.sync.state().pendingCount).toBe(1000);
    expect(a.sync.state().clientId).not.toBe(firstId);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'after restart' });
    // Two attempts: the first one failed and the client came back for more, still sending nothing.
    await waitFor('a failed connection attempt and a retry', () => attempts >= 2);
    expect(a.sync.state()).toMatchObject({ connection: 'offline', pendingCount: 1001 });

    net.goOnline();
    await waitConverged(world.server, [a, b], 60_000);
    expect(replicaDifference(databases([a, b], world.server))).toBeNull();
    // Exactly once: each edit's event exists once on the server, and the old identity's lastMid is 1000.
    expect(serverCount("SELECT count(*) FROM order_events WHERE kind = 'comment' AND comment LIKE 'edit %'")).toBe(990);
    expect(serverCount("SELECT count(DISTINCT comment) FROM order_events WHERE kind = 'comment' AND comment LIKE 'edit %'")).toBe(990);
    expect(serverCount("SELECT count(*) FROM order_events WHERE comment = 'after restart'")).toBe(1);
    expect(serverCount('SELECT last_mid FROM clients WHERE client_id = ?', firstId)).toBe(1000);
    expect(serverCount("SELECT count(*) FROM order_events WHERE kind = 'assign'")).toBe(10);
    expect(a.sync.conflicts()).toEqual([]);
  });

  it('a replica restored from a backup resends its old pending edits once and loses no new edit', async () => {
    const ua = addUser(world.server, 'Dispatcher Aigerim');
    const net = new FaultyNetwork();
    let a = openClient(world.dir.file('a.db'), world.server.url, ua.token, { transport: net.transport });
    await waitConverged(world.server, [a]);
    // Pending while offline, then the backup is taken.
    net.goOffline();
    a.sync.mutate('addComment', { orderId: 'o100', text: 'p1' });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'p2' });
    a.close();
    copyFileSync(world.dir.file('a.db'), world.dir.file('backup.db'));

    // Life goes on: the pending edits and new ones reach the server.
    net.goOnline();
    a = openClient(world.dir.file('a.db'), world.server.url, ua.token, { transport: net.transport });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'n1' });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'n2' });
    await waitConverged(world.server, [a]);
    a.close();

    // The disk dies; the backup comes back. It still holds p1, p2 as pending.
    for (const suffix of ['', '-wal', '-shm']) rmSync(world.dir.file(`a.db${suffix}`), { force: true });
    copyFileSync(world.dir.file('backup.db'), world.dir.file('a.db'));
    a = openClient(world.dir.file('a.db'), world.server.url, ua.token, { transport: net.transport }, false);
    world.clients.push(a);
    expect(a.sync.state().pendingCount).toBe(2);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'r1' });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'r2' });
    a.sync.start();
    await waitConverged(world.server, [a]);
    const texts = world.server.db.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();
    expect(texts).toEqual(['n1', 'n2', 'p1', 'p2', 'r1', 'r2']);
    expect(replicaDifference(databases([a], world.server))).toBeNull();
  });
});
