// Pushes: exactly once, gaps, rejections that still advance lastMid, roles, broadcast order.
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import type { Mutation } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

async function live(user: string, clientId: string, cursor = 0): Promise<TestClient> {
  const c = await connectTestClient(t.server.url, t.tokens[user] as string);
  clients.push(c);
  c.hello({ clientId, cursor });
  await c.next('caught-up');
  return c;
}

const createOrder = (mid: number, number: string): Mutation => ({ mid, name: 'createOrder', args: { ...ORDER_ARGS, number }, at: T0 + mid });
const comment = (mid: number, orderId: string, text: string): Mutation => ({ mid, name: 'addComment', args: { orderId, text }, at: T0 + mid });
const count = (sql: string): number => (t.server.db.sqlite.prepare(sql).get() as { n: number }).n;

describe('push', () => {
  it('applies mid 1, sends the changes frame before the ack, and records the event at the user time', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1')] });
    const ack = await a.next('ack');
    expect(ack).toMatchObject({ mid: 1, result: 'applied' });
    const iAck = a.messages.indexOf(ack);
    const frame = a.messages.findIndex((m) => m.type === 'changes' && m.rows.some((r) => r.table === 'orders' && r.row?.['number'] === 'MR-1'));
    expect(frame).toBeGreaterThan(-1);
    expect(frame).toBeLessThan(iAck);
    const changes = a.messages[frame];
    if (changes?.type !== 'changes') throw new Error('unreachable');
    expect(changes.cursor).toBeLessThanOrEqual(ack.cursor);
    const event = changes.rows.find((r) => r.table === 'order_events')?.row;
    expect(event).toMatchObject({ kind: 'created', at: T0 + 1, actorName: 'Dispatcher Aigerim' });
    // Ids are deterministic per (clientId, mid): the optimistic row on the client has the same id.
    expect(changes.rows.find((r) => r.table === 'orders')?.id).toBe(mutationRowId('desk-a', 1, 0));
  });

  it('re-acknowledges a duplicate mid with the stored result without re-running it', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1'), comment(2, mutationRowId('desk-a', 1, 0), 'fragile')] });
    await a.next('ack', (m) => m.mid === 2);
    const events = count('SELECT count(*) AS n FROM order_events');
    const head = t.server.engine.log.headSeq();
    a.send({ type: 'push', mutations: [comment(2, mutationRowId('desk-a', 1, 0), 'fragile'), comment(1, 'nope', 'x')] });
    const re2 = await a.next('ack', (m) => m.mid === 2);
    const re1 = await a.next('ack', (m) => m.mid === 1);
    expect(re2.result).toBe('applied');
    expect(re1.result).toBe('applied'); // the stored result, not a re-run of the (now different) args
    expect(count('SELECT count(*) AS n FROM order_events')).toBe(events);
    expect(t.server.engine.log.headSeq()).toBe(head);
  });

  it('answers a gap with mid_gap and expectedMid, applying what came before it', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1'), createOrder(3, 'MR-3')] });
    await a.next('ack', (m) => m.mid === 1);
    expect(await a.next('error')).toMatchObject({ code: 'mid_gap', expectedMid: 2 });
    expect(t.server.engine.lastMid('desk-a')).toBe(1);
    expect(count("SELECT count(*) AS n FROM orders WHERE number = 'MR-3'")).toBe(0);
    a.send({ type: 'push', mutations: [createOrder(2, 'MR-2'), createOrder(3, 'MR-3')] });
    expect(await a.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'applied' });
  });

  it('a rejection changes nothing, still advances lastMid, and is re-acked the same way', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    const head = t.server.engine.log.headSeq();
    a.send({ type: 'push', mutations: [comment(1, 'no-such-order', 'hi'), createOrder(2, 'MR-2')] });
    const rejected = await a.next('ack', (m) => m.mid === 1);
    expect(rejected).toMatchObject({ result: 'rejected', error: { code: 'not_found' } });
    expect(rejected.cursor).toBe(head);
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'applied' });
    expect(t.server.engine.lastMid('desk-a')).toBe(2);
    a.send({ type: 'push', mutations: [comment(1, 'no-such-order', 'hi')] });
    expect(await a.next('ack', (m) => m.mid === 1)).toEqual(rejected);
  });

  it('rejects a mutation the role may not make with forbidden', async () => {
    const d = await live('u-dispatcher', 'desk-d');
    d.send({ type: 'push', mutations: [createOrder(1, 'MR-1')] });
    await d.next('ack');
    const w = await live('u-warehouse', 'desk-w');
    w.send({ type: 'push', mutations: [{ mid: 1, name: 'cancelOrder', args: { orderId: mutationRowId('desk-d', 1, 0), comment: 'no' }, at: T0 }] });
    expect(await w.next('ack')).toMatchObject({ result: 'rejected', error: { code: 'forbidden', message: "A warehouse user can't cancel orders" } });
    w.send({ type: 'push', mutations: [{ mid: 2, name: 'reportProblem', args: { orderId: mutationRowId('desk-d', 1, 0), reason: 'refused' }, at: T0 }] });
    expect(await w.next('ack')).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    const l = await live('u-logistician', 'desk-l');
    l.send({ type: 'push', mutations: [{ mid: 1, name: 'assignDriver', args: { orderId: mutationRowId('desk-d', 1, 0), driverId: 'd1', seenVersion: 1 }, at: T0 }] });
    expect(await l.next('ack')).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
    l.send({ type: 'push', mutations: [{ mid: 2, name: 'createCarrier', args: { name: 'ТОО Жол', phone: '8 701 123 45 67' }, at: T0 }] });
    expect(await l.next('ack')).toMatchObject({ result: 'applied' });
    expect(count("SELECT count(*) AS n FROM orders WHERE status = 'new' AND driver_id IS NULL")).toBe(1);
  });

  it('broadcasts each commit to other live clients, and tells the loser of an assignment race who won', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    const b = await live('u-dispatcher2', 'desk-b');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-123')] });
    await a.next('ack');
    const seen = await b.next('changes', (m) => m.rows.some((r) => r.id === mutationRowId('desk-a', 1, 0)));
    const version = seen.rows.find((r) => r.id === mutationRowId('desk-a', 1, 0))?.row?.['version'] as number;
    const assign = (mid: number, driverId: string): Mutation => ({ mid, name: 'assignDriver', args: { orderId: mutationRowId('desk-a', 1, 0), driverId, seenVersion: version }, at: T0 });
    b.send({ type: 'push', mutations: [assign(1, 'd2')] });
    await b.next('ack');
    a.send({ type: 'push', mutations: [assign(2, 'd1')] });
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({
      result: 'rejected',
      error: { code: 'assign_conflict', message: 'order MR-123 was assigned to Driver Bolat by Dispatcher Yerlan' },
    });
    expect(count("SELECT count(*) AS n FROM orders WHERE driver_id = 'd2'")).toBe(1);
  });

  it('keeps lastMid and stored results across a restart on the same file', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1'), comment(2, 'nope', 'x')] });
    const ack2 = await a.next('ack', (m) => m.mid === 2);
    a.close();
    t.server.kill();
    const again = await startTestServer({}, t.dir);
    t = { ...again, dir: t.dir };
    const b = await live('u-dispatcher', 'desk-a');
    expect(b.messages.find((m) => m.type === 'welcome')).toMatchObject({ lastMid: 2 });
    b.send({ type: 'push', mutations: [createOrder(1, 'MR-1'), comment(2, 'nope', 'x'), createOrder(3, 'MR-3')] });
    expect(await b.next('ack', (m) => m.mid === 1)).toMatchObject({ result: 'applied' });
    expect(await b.next('ack', (m) => m.mid === 2)).toEqual(ack2);
    expect(await b.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'applied' });
    expect(count('SELECT count(*) AS n FROM orders')).toBe(2);
  });

  it('sends a change to everyone else before the desktop that made it', async () => {
    const a = await live('u-dispatcher', 'desk-a'); // connected first: first in the session set
    const b = await live('u-dispatcher2', 'desk-b');
    const order: Array<string | null> = [];
    for (const s of t.server.hub.sessions) {
      const send = s.sendLive.bind(s);
      s.sendLive = (rows, text) => {
        order.push(s.clientId);
        send(rows, text);
      };
    }
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1')] });
    await a.next('ack');
    await b.next('changes');
    expect(order).toEqual(['desk-b', 'desk-a']);
  });

  it('checks a session token again only after a users row changed', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    const auth = vi.spyOn(t.server.users, 'authenticate');
    a.send({ type: 'push', mutations: [createOrder(1, 'MR-1'), comment(2, mutationRowId('desk-a', 1, 0), 'one')] });
    await a.next('ack');
    a.send({ type: 'push', mutations: [comment(3, mutationRowId('desk-a', 1, 0), 'two')] });
    await a.next('ack', (m) => m.mid === 3);
    expect(auth).not.toHaveBeenCalled();
    // Someone else is revoked: users changed, so every session re-checks once, and stays.
    t.server.users.revokeUser('u-warehouse');
    a.send({ type: 'push', mutations: [comment(4, mutationRowId('desk-a', 1, 0), 'three')] });
    expect(await a.next('ack', (m) => m.mid === 4)).toMatchObject({ result: 'applied' });
    expect(auth).toHaveBeenCalledTimes(1);
  });
});
