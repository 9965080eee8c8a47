// Two real clients against a real server: edits flow both ways and both replicas end up
// identical to each other and to the server, row by row, in every synced table.
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import type { MarshrutServer } from '../../server/server';
import type { ChangeEvent } from '../../main/sync/change-set';
import { addUser, databases, replicaDifference, openClient, seedServer, startTestServer, testDir, waitConverged, waitFor, type TestClient, type TestDir } from './harness';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { OrderRow } from '../../shared/schema';

let dir: TestDir;
let server: MarshrutServer;
let clients: TestClient[] = [];

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 20);
});

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await server.close();
  dir.cleanup();
});

const order = (c: TestClient, id: string) => c.replica.sqlite.prepare('SELECT * FROM orders WHERE id = ?').get(id) as Record<string, unknown>;

describe('two clients', () => {
  it('edit concurrently and converge to identical replicas', async () => {
    const a = addUser(server, 'Dispatcher Aigerim');
    const b = addUser(server, 'Dispatcher Yerlan');
    const ca = openClient(dir.file('a.db'), server.url, a.token);
    const cb = openClient(dir.file('b.db'), server.url, b.token);
    clients.push(ca, cb);
    await waitConverged(server, clients);
    expect(ca.sync.user()).toMatchObject({ id: a.id, role: 'dispatcher' });

    const events: ChangeEvent[] = [];
    cb.sync.onChange((e) => events.push(e));
    ca.sync.mutate('assignDriver', { orderId: 'o100', driverId: 'd1', seenVersion: 1 });
    ca.sync.mutate('addComment', { orderId: 'o101', text: 'from A' });
    const created = ca.sync.mutate('createOrder', { ...ORDER_ARGS, number: 'A-1' });
    cb.sync.mutate('addComment', { orderId: 'o100', text: 'from B' }); // commutes with A's assignment
    cb.sync.mutate('assignDriver', { orderId: 'o102', driverId: 'd2', seenVersion: 1 });
    cb.sync.mutate('reportProblem', { orderId: 'o103', reason: 'damaged', comment: 'box wet' });
    // Optimistic: visible at once, before any network round trip.
    expect(order(ca, 'o100')['driver_id']).toBe('d1');
    expect(ca.sync.state().pendingCount).toBe(3);

    await waitConverged(server, clients);
    expect(replicaDifference(databases(clients, server))).toBeNull();
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
    const a = addUser(server, 'Dispatcher Aigerim');
    const ca = openClient(dir.file('a.db'), server.url, a.token);
    clients.push(ca);
    await waitConverged(server, clients);
    const seen: string[] = [];
    ca.sync.onStateChange((s) => {
      if (seen[seen.length - 1] !== s.connection) seen.push(s.connection);
    });
    const port = server.port;
    await server.close();
    await waitFor('offline', () => ca.sync.state().connection === 'offline');
    ca.sync.mutate('addComment', { orderId: 'o100', text: 'while the server was away' });
    expect(ca.sync.state().pendingCount).toBe(1);
    server = await startTestServer(dir.file('server.db'), port);
    await waitConverged(server, clients);
    expect(seen).toEqual(['offline', 'catching_up', 'online']);
    const onServer = server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'while the server was away'").pluck().get();
    expect(onServer).toBe(1);
    expect((ca.replica.sqlite.prepare("SELECT * FROM orders WHERE id = 'o100'").get() as OrderRow | undefined) !== undefined).toBe(true);
  });
});
