// Two dispatchers assign the same order, each having seen version 1. Whoever's mutation the
// server runs second is rejected with who won; their replica rolls back to the winner's
// assignment and keeps the conflict for the UI. Both orders of arrival.
import { describe, it, expect } from 'vitest';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, replicaDifference, openClient, waitConverged, waitFor, type TestClient } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(5);

const driverOf = (c: TestClient, id: string) => c.replica.sqlite.prepare('SELECT driver_id FROM orders WHERE id = ?').pluck().get(id);

describe.each([
  { first: 'Aigerim', second: 'Yerlan' },
  { first: 'Yerlan', second: 'Aigerim' },
] as const)('concurrent assignment, $first arrives first', ({ first, second }) => {
  it(`${second} is told "order 100 was assigned to ... by Dispatcher ${first}"`, async () => {
    const users = { Aigerim: addUser(world.server, 'Dispatcher Aigerim'), Yerlan: addUser(world.server, 'Dispatcher Yerlan') };
    const drivers = { Aigerim: { id: 'd1', name: 'Driver Arman' }, Yerlan: { id: 'd2', name: 'Driver Bolat' } };
    const nets = { Aigerim: new FaultyNetwork(), Yerlan: new FaultyNetwork() };
    const c = {
      Aigerim: openClient(world.dir.file('aigerim.db'), world.server.url, users.Aigerim.token, { transport: nets.Aigerim.transport }),
      Yerlan: openClient(world.dir.file('yerlan.db'), world.server.url, users.Yerlan.token, { transport: nets.Yerlan.transport }),
    };
    world.clients.push(c.Aigerim, c.Yerlan);
    await waitConverged(world.server, world.clients);

    // Both offline, both assign having seen version 1: each wins locally.
    nets.Aigerim.goOffline();
    nets.Yerlan.goOffline();
    for (const who of ['Aigerim', 'Yerlan'] as const) {
      c[who].sync.mutate('assignDriver', { orderId: 'o100', driverId: drivers[who].id, seenVersion: 1 });
      c[who].sync.mutate('addComment', { orderId: 'o100', text: `comment by ${who}` });
      expect(driverOf(c[who], 'o100')).toBe(drivers[who].id);
    }
    // The first reconnects and is confirmed; then the second.
    nets[first].goOnline();
    await waitFor(`${first} confirmed`, () => c[first].sync.state().pendingCount === 0);
    nets[second].goOnline();
    await waitConverged(world.server, world.clients);

    expect(replicaDifference(databases(world.clients, world.server))).toBeNull();
    for (const who of ['Aigerim', 'Yerlan'] as const) expect(driverOf(c[who], 'o100')).toBe(drivers[first].id);
    const lost = c[second].sync.conflicts();
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      name: 'assignDriver',
      code: 'assign_conflict',
      message: `order 100 was assigned to ${drivers[first].name} by Dispatcher ${first}`,
      orderId: 'o100',
    });
    const args = c[second].replica.sqlite.prepare('SELECT args FROM conflicts').pluck().get() as string;
    expect(JSON.parse(args)).toEqual({ orderId: 'o100', driverId: drivers[second].id, seenVersion: 1 });
    expect(c[first].sync.conflicts()).toEqual([]);
    expect(c[second].sync.state().conflictCount).toBe(1);
    // Both comments survive: commutative edits never conflict.
    const comments = c[first].replica.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();
    expect(comments).toEqual(['comment by Aigerim', 'comment by Yerlan'].sort());
    // Seen by the UI: acknowledged conflicts leave the open list but stay on record.
    const id = lost[0]?.id ?? '';
    expect(c[second].sync.acknowledgeConflict(id)).toBe(true);
    expect(c[second].sync.conflicts()).toEqual([]);
    expect(c[second].sync.conflicts({ includeAcknowledged: true })).toHaveLength(1);
    expect(c[second].sync.state().conflictCount).toBe(0);
  });
});
