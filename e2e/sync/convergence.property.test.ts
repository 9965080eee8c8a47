// Property: whatever the interleaving of mutations from several clients, disconnects,
// duplicated, delayed and reordered frames, client restarts and server crashes, once the
// network heals every replica equals the server row by row, every mutation reached the
// server, each applied mutation took effect exactly once, and every rejection is on record.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import type { MarshrutServer } from '../../server/server';
import { FaultyNetwork } from './faulty-network';
import { addUser, databases, openClient, replicaDifference, seedServer, startTestServer, testDir, waitConverged, type SeededUser, type TestClient } from './harness';

const CLIENTS = 3;
const ORDERS = 4;

type Action =
  | { t: 'mutate'; c: number; op: 'assign' | 'unassign' | 'comment' | 'problem' | 'shift'; order: number; driver: number }
  | { t: 'offline' | 'online' | 'restart'; c: number }
  | { t: 'faults'; c: number; duplicate: boolean; delayMs: number; reorder: boolean }
  | { t: 'wait'; ms: number }
  | { t: 'crashServer' };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('mutate' as const),
      c: client,
      op: fc.constantFrom('assign' as const, 'assign' as const, 'unassign' as const, 'comment' as const, 'problem' as const, 'shift' as const),
      order: fc.integer({ min: 0, max: ORDERS - 1 }),
      driver: fc.integer({ min: 0, max: 1 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('offline' as const, 'online' as const, 'restart' as const), c: client }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('faults' as const), c: client, duplicate: fc.boolean(), delayMs: fc.constantFrom(0, 0, 5, 20), reorder: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'crashServer' as const }) },
);

interface Made {
  clientId: string;
  mid: number;
  client: number;
}

async function run(actions: Action[]): Promise<void> {
  const dir = testDir();
  let server: MarshrutServer = await startTestServer(dir.file('server.db'));
  const port = server.port;
  seedServer(server, ORDERS);
  const users: SeededUser[] = Array.from({ length: CLIENTS }, (_, i) => addUser(server, `Dispatcher ${i}`));
  const nets = users.map(() => new FaultyNetwork());
  const open = (i: number): TestClient => openClient(dir.file(`c${i}.db`), server.url, users[i]?.token ?? '', { transport: nets[i]?.transport });
  const clients = users.map((_, i) => open(i));
  const made: Made[] = [];
  try {
    await waitConverged(server, clients);
    for (const a of actions) {
      if (a.t === 'mutate') {
        const c = clients[a.c] as TestClient;
        const orderId = `o${100 + a.order}`;
        const driverId = a.driver === 0 ? 'd1' : 'd2';
        const version = (c.replica.sqlite.prepare('SELECT version FROM orders WHERE id = ?').pluck().get(orderId) as number | undefined) ?? 1;
        {
          const r =
            a.op === 'assign'
              ? c.sync.mutate('assignDriver', { orderId, driverId, seenVersion: version })
              : a.op === 'unassign'
                ? c.sync.mutate('unassignDriver', { orderId })
                : a.op === 'comment'
                  ? c.sync.mutate('addComment', { orderId, text: `c${made.length}` })
                  : a.op === 'problem'
                    ? c.sync.mutate('reportProblem', { orderId, reason: 'delay', comment: 'stuck' })
                    : c.sync.mutate('setDriverShift', { driverId, state: a.order % 2 === 0 ? 'on_break' : 'on_shift' });
          // Refused locally: nothing was queued.
          if (r.ok) made.push({ clientId: r.clientId, mid: r.mid, client: a.c });
        }
      } else if (a.t === 'offline') nets[a.c]?.goOffline();
      else if (a.t === 'online') nets[a.c]?.goOnline();
      else if (a.t === 'restart') {
        clients[a.c]?.close();
        clients[a.c] = open(a.c);
      } else if (a.t === 'faults') {
        const n = nets[a.c] as FaultyNetwork;
        n.duplicate = a.duplicate;
        n.inboundDelayMs = a.delayMs;
        n.reorderNextPush = a.reorder;
      } else if (a.t === 'wait') {
        await new Promise((r) => setTimeout(r, a.ms));
      } else {
        server.kill();
        server = await startTestServer(dir.file('server.db'), port);
      }
    }
    // Heal the network and let everything settle.
    for (const n of nets) {
      n.duplicate = false;
      n.inboundDelayMs = 0;
      n.reorderNextPush = false;
      n.goOnline();
    }
    await waitConverged(server, clients, 60_000);

    const diff = replicaDifference(databases(clients, server));
    if (diff !== null) console.log('DIFF', diff, JSON.stringify(actions));
    expect(diff).toBeNull();
    const db = server.db.sqlite;
    // Every mutation reached the server (its mid is at or below the client's lastMid); the
    // server keeps a row for each rejection only.
    const lastMid = db.prepare('SELECT last_mid FROM clients WHERE client_id = ?').pluck();
    const rejection = db.prepare('SELECT 1 FROM client_rejections WHERE client_id = ? AND mid = ?').pluck();
    for (const m of made) expect((lastMid.get(m.clientId) as number | undefined) ?? 0, `${m.clientId}/${m.mid}`).toBeGreaterThanOrEqual(m.mid);
    // Exactly once: every run of an order mutator bumps the version by one and writes one
    // non-comment event whose id is minted from (clientId, mid); a second run of the same mid
    // would bump the version again but replace the same event.
    const orders = db.prepare('SELECT id, version FROM orders').all() as { id: string; version: number }[];
    for (const o of orders) {
      const events = db.prepare("SELECT count(*) FROM order_events WHERE order_id = ? AND kind <> 'comment'").pluck().get(o.id) as number;
      expect(o.version - 1, `order ${o.id}`).toBe(events);
    }
    const comments = db.prepare("SELECT comment FROM order_events WHERE kind = 'comment'").pluck().all() as string[];
    expect(new Set(comments).size).toBe(comments.length);
    // Nothing rejected silently: each client holds a conflict for each of its rejections.
    for (let i = 0; i < CLIENTS; i++) {
      const rejected = made.filter((m) => m.client === i && rejection.get(m.clientId, m.mid) !== undefined).length;
      expect(clients[i]?.sync.conflicts().length, `client ${i}`).toBe(rejected);
    }
  } finally {
    for (const c of clients) c.close();
    await server.close();
    dir.cleanup();
  }
}

describe('convergence property', () => {
  it('random interleavings, faults and restarts always converge, each mutation applied once', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), run), { numRuns: Number(process.env['SYNC_PROPERTY_RUNS'] ?? 25), endOnFailure: true });
  }, 1_200_000);
});
