// Two real clients against a real server: edits flow both ways and both replicas end up
// identical to each other and to the server, row by row, in every synced table.
import { describe, it, expect } from 'vitest';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import type { ChangesEvent } from '../../shared/api/events';
import { addUser, databases, replicaDifference, openClient, startTestServer, waitConverged, waitFor, type TestClient } from './harness';
import { useSyncWorld } from './sync-world';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { OrderRow } from '../../shared/schema';

const world = useSyncWorld(20);

const order = (c: TestClient, id: string) => c.replica.sqlite.prepare('SELECT * FROM orders WHERE id = ?').get(id) as Record<string, unknown>;

describe('two clients', () => {
  it('edit concurrently and converge to identical replicas', async () => {
    const a = addUser(world.server, 'Dispatcher Aigerim');
    const b = addUser(world.server, 'Dispatcher Yerlan');
    const ca = openClient(world.dir.file('a.db'), world.server.url, a.token);
    const cb = openClient(world.dir.file('b.db'), world.server.url, b.token);
    world.clients.push(ca, cb);
    await waitConverged(world.server, world.clients);
    expect(ca.sync.user()).toMatchObject({ id: a.id, role: 'dispatcher' });

    const events: ChangesEvent[] = [];
    cb.sync.on('changes', (e) => events.push(e));
    ca.sync.mutate('assignDriver', { orderId: 'o100', driverId: 'd1', seenVersion: 1 });
    ca.sync.mutate('addComment', { orderId: 'o101', text: 'from A' });
    const created = ca.sync.mutate('createOrder', { ...ORDER_ARGS, number: 'A-1' });
    if (!created.ok) throw new Error(created.message);
    cb.sync.mutate('addComment', { orderId: 'o100', text: 'from B' }); // commutes with A's assignment
    cb.sync.mutate('assignDriver', { orderId: 'o102', driverId: 'd2', seenVersion: 1 });
    cb.sync.mutate('reportProblem', { orderId: 'o103', reason: 'damaged', comment: 'box wet' });
    // Optimistic: visible at once, before any network round trip.
    expect(order(ca, 'o100')['driver_id']).toBe('d1');
    expect(ca.sync.state().pendingCount).toBe(3);

    await waitConverged(world.server, world.clients);
    expect(replicaDifference(databases(world.clients, world.server))).toBeNull();
    expect(order(cb, 'o100')['driver_id']).toBe('d1');
    expect(order(ca, 'o103')['status']).toBe('problem');
    const comments = ca.replica.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();
    expect(comments).toEqual(['from A', 'from B']);
    // The order A created has the same id everywhere (minted from clientId and mid).
    expect(ca.replica.sqlite.prepare("SELECT id FROM orders WHERE number = 'A-1'").pluck().get()).toBe(mutationRowId(created.clientId, created.mid, 0));
    // B was told which rows changed, not "reload everything".
    const touched = new Set(events.flatMap((e) => e.ids.orders ?? []));
    expect(touched.has('o100')).toBe(true);
    expect(touched.has('o150')).toBe(false);
    expect(ca.sync.state()).toMatchObject({ connection: 'online', pendingCount: 0, conflictCount: 0, lastError: null });
    expect(ca.sync.state().lastSyncAt).not.toBeNull();
  });

  it('reports online -> offline -> online as the server goes away and comes back, keeping edits', async () => {
    const a = addUser(world.server, 'Dispatcher Aigerim');
    const ca = openClient(world.dir.file('a.db'), world.server.url, a.token);
    world.clients.push(ca);
    await waitConverged(world.server, world.clients);
    const seen: string[] = [];
    ca.sync.on('connection', (s) => {
      if (seen[seen.length - 1] !== s.status) seen.push(s.status);
    });
    const port = world.server.port;
    await world.server.close();
    await waitFor('offline', () => ca.sync.state().connection === 'offline');
    ca.sync.mutate('addComment', { orderId: 'o100', text: 'while the server was away' });
    expect(ca.sync.state().pendingCount).toBe(1);
    world.server = await startTestServer(world.dir.file('server.db'), port);
    await waitConverged(world.server, world.clients);
    expect(seen).toEqual(['offline', 'catching_up', 'online']);
    const onServer = world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'while the server was away'").pluck().get();
    expect(onServer).toBe(1);
    expect((ca.replica.sqlite.prepare("SELECT * FROM orders WHERE id = 'o100'").get() as OrderRow | undefined) !== undefined).toBe(true);
  });
});
