// The wire misbehaves: frames duplicated, pushes reordered, the connection cut between a
// commit and its ack. Each mutation still takes effect exactly once and replicas converge.
import { describe, it, expect } from 'vitest';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, replicaDifference, openClient, waitConverged, waitFor, type TestClient } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(5);

const typeOf = (text: string): string => (JSON.parse(text) as { type: string }).type;
const serverComments = () => world.server.db.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all();

async function twoClients(net: FaultyNetwork): Promise<[TestClient, TestClient]> {
  const a = openClient(world.dir.file('a.db'), world.server.url, addUser(world.server, 'Dispatcher Aigerim').token, { transport: net.transport });
  const b = openClient(world.dir.file('b.db'), world.server.url, addUser(world.server, 'Dispatcher Yerlan').token);
  world.clients.push(a, b);
  await waitConverged(world.server, world.clients);
  return [a, b];
}

describe('delivery faults', () => {
  it('a duplicated push changes nothing', async () => {
    const net = new FaultyNetwork();
    const [a, b] = await twoClients(net);
    let pushedMutations = 0;
    net.plan.outbound = (text) => {
      if (typeOf(text) !== 'push') return [text];
      pushedMutations += (JSON.parse(text) as { mutations: unknown[] }).mutations.length;
      return [text, text, text];
    };
    // Every copy is answered: count the acks so the test ends after the last copy was handled,
    // not after a guessed pause.
    const acks: Record<number, number> = {};
    net.plan.inbound = (text) => {
      const msg = JSON.parse(text) as { type: string; mid?: number };
      if (msg.type === 'ack' && msg.mid !== undefined) acks[msg.mid] = (acks[msg.mid] ?? 0) + 1;
      return [text];
    };
    a.sync.mutate('addComment', { orderId: 'o100', text: 'once' });
    a.sync.mutate('setStatus', { orderId: 'o101', to: 'cancelled', comment: 'customer called' });
    await waitConverged(world.server, world.clients);
    const pushedMids = Object.keys(acks).map(Number);
    expect(pushedMids.sort()).toEqual([1, 2]);
    await waitFor('an ack for every copy of every push', () => Object.values(acks).reduce((n, k) => n + k, 0) >= 3 * pushedMutations);
    expect(serverComments()).toEqual(['once']);
    expect(world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE order_id = 'o101'").pluck().get()).toBe(1);
    expect(a.sync.conflicts()).toEqual([]);
    expect(replicaDifference(databases([a, b], world.server))).toBeNull();
  });

  it('duplicated server frames (changes and acks) change nothing', async () => {
    const net = new FaultyNetwork();
    const [a, b] = await twoClients(net);
    net.plan.inbound = (text) => [text, text];
    a.sync.mutate('addComment', { orderId: 'o100', text: 'x' });
    b.sync.mutate('assignDriver', { orderId: 'o102', driverId: 'd2', seenVersion: 1 });
    await waitConverged(world.server, world.clients);
    expect(replicaDifference(databases([a, b], world.server))).toBeNull();
    expect(a.sync.conflicts()).toEqual([]);
  });

  it('reordered pushes: the server asks for the gap and the client resends in order', async () => {
    const net = new FaultyNetwork();
    const [a, b] = await twoClients(net);
    // Hold back the first push, send it after the second.
    const gaps: unknown[] = [];
    net.plan.inbound = (text) => {
      const msg = JSON.parse(text) as { type: string; code?: string };
      if (msg.type === 'error') gaps.push(msg);
      return [text];
    };
    let held: string | null = null;
    let pushes = 0;
    net.plan.outbound = (text) => {
      if (typeOf(text) !== 'push') return [text];
      pushes++;
      if (pushes === 1) {
        held = text;
        return [];
      }
      if (pushes === 2 && held !== null) return [text, held];
      return [text];
    };
    a.sync.mutate('addComment', { orderId: 'o100', text: 'first' });
    await waitFor('the first push to be held back', () => held !== null);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'second' });
    await waitConverged(world.server, world.clients);
    expect(serverComments()).toEqual(['first', 'second']);
    // The server saw mid 2 first and said which mid it expected.
    expect(gaps).toEqual([expect.objectContaining({ type: 'error', code: 'mid_gap', expectedMid: 1 })]);
    const [firstAt, secondAt] = world.server.db.sqlite
      .prepare("SELECT id FROM order_events WHERE kind = 'comment' ORDER BY rowid")
      .pluck()
      .all() as string[];
    // Applied in mid order although mid 2 arrived first.
    expect(firstAt?.endsWith(':1:0')).toBe(true);
    expect(secondAt?.endsWith(':2:0')).toBe(true);
    expect(replicaDifference(databases([a, b], world.server))).toBeNull();
  });

  it('connection cut after the commit but before the ack: the resend is acknowledged, not re-run', async () => {
    const net = new FaultyNetwork();
    const [a, b] = await twoClients(net);
    net.plan.inbound = (text) => {
      if (typeOf(text) === 'ack') {
        setImmediate(() => net.dropConnections());
        return [];
      }
      return [text];
    };
    a.sync.mutate('setStatus', { orderId: 'o103', to: 'cancelled', comment: 'customer called' });
    await waitFor('the commit', () => world.server.db.sqlite.prepare("SELECT status FROM orders WHERE id = 'o103'").pluck().get() === 'cancelled');
    expect(a.sync.state().pendingCount).toBe(1);
    net.plan.inbound = undefined;
    await waitConverged(world.server, world.clients);
    expect(world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE order_id = 'o103'").pluck().get()).toBe(1);
    expect(a.sync.conflicts()).toEqual([]);
    expect(replicaDifference(databases([a, b], world.server))).toBeNull();
  });
});
