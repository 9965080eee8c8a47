// The warehouse scope rule on a real server, over the wire: a storekeeper bound to w1 may
// pick, mark and report only w1's orders; one bound to no warehouse may change none. Every
// warehouse-scoped mutator is pushed the way a desktop pushes it, and a refusal must leave the
// server's rows and change log untouched (the client's own check is not what protects us).
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
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

async function live(token: string, clientId: string): Promise<TestClient> {
  const c = await connectTestClient(t.server.url, token);
  clients.push(c);
  c.hello({ clientId, cursor: 0 });
  await c.next('caught-up');
  return c;
}

/** Pushes one mutation and returns its ack. */
async function push(c: TestClient, m: Mutation): Promise<{ result: string; error?: { code: string; message: string } }> {
  c.send({ type: 'push', mutations: [m] });
  return c.next('ack', (a) => a.mid === m.mid);
}

type Row = { id: string; status: string; sub_mark: string | null; version: number };
const orderRow = (number: string): Row => t.server.db.sqlite.prepare('SELECT id, status, sub_mark, version FROM orders WHERE number = ?').get(number) as Row;

/** The dispatcher creates order `number` in `warehouseId` and walks it to `status`. */
async function seedOrder(d: TestClient, mid: { next: number }, number: string, warehouseId: string, status: 'confirmed' | 'in_transit'): Promise<string> {
  const at = T0;
  expect((await push(d, { mid: mid.next++, name: 'createOrder', args: { ...ORDER_ARGS, number, warehouseId }, at })).result).toBe('applied');
  const id = orderRow(number).id;
  expect((await push(d, { mid: mid.next++, name: 'confirmOrder', args: { orderId: id }, at })).result).toBe('applied');
  if (status === 'in_transit') {
    expect((await push(d, { mid: mid.next++, name: 'markPicked', args: { orderId: id, source: 'manual' }, at })).result).toBe('applied');
    expect((await push(d, { mid: mid.next++, name: 'setStatus', args: { orderId: id, to: 'in_transit' }, at })).result).toBe('applied');
  }
  return id;
}

const SCOPED = [
  { name: 'markPicked', status: 'confirmed', args: (orderId: string) => ({ orderId, source: 'manual' }), after: { status: 'at_warehouse' } },
  { name: 'markPicked', status: 'confirmed', args: (_id: string, number: string) => ({ number, source: 'scan' }), after: { status: 'at_warehouse' } },
  { name: 'setSubMark', status: 'in_transit', args: (orderId: string) => ({ orderId, subMark: 'left_warehouse', source: 'manual' }), after: { sub_mark: 'left_warehouse' } },
  { name: 'reportProblem', status: 'confirmed', args: (orderId: string) => ({ orderId, reason: 'short_delivery' }), after: { status: 'problem' } },
] as const;

describe('warehouse scope on a real server', () => {
  for (const [i, m] of SCOPED.entries()) {
    it(`${m.name} #${i}: w1's storekeeper changes a w1 order; a w2 order and an unbound storekeeper are refused with nothing written`, async () => {
      const unbound = t.server.users.addUser({ name: 'Storekeeper Unbound', role: 'warehouse' });
      const d = await live(t.tokens['u-dispatcher'] as string, 'desk-d');
      const mid = { next: 1 };
      const own = await seedOrder(d, mid, `W1-${i}`, 'w1', m.status);
      const foreign = await seedOrder(d, mid, `W2-${i}`, 'w2', m.status);
      const w = await live(t.tokens['u-warehouse'] as string, 'desk-w');
      const u = await live(unbound.token, 'desk-u');
      const head = t.server.engine.log.headSeq();
      const before = [orderRow(`W1-${i}`), orderRow(`W2-${i}`)];

      const other = await push(w, { mid: 1, name: m.name, args: m.args(foreign, `W2-${i}`), at: T0 });
      expect(other).toMatchObject({ result: 'rejected', error: { code: 'forbidden', message: `Order W2-${i} belongs to another warehouse` } });
      const noWarehouse = await push(u, { mid: 1, name: m.name, args: m.args(own, `W1-${i}`), at: T0 });
      expect(noWarehouse).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
      expect(noWarehouse.error?.message).toMatch(/bound to no warehouse/);
      expect(t.server.engine.log.headSeq()).toBe(head);
      expect([orderRow(`W1-${i}`), orderRow(`W2-${i}`)]).toEqual(before);

      expect(await push(w, { mid: 2, name: m.name, args: m.args(own, `W1-${i}`), at: T0 })).toMatchObject({ result: 'applied' });
      expect(orderRow(`W1-${i}`)).toMatchObject(m.after);
      expect(orderRow(`W2-${i}`)).toEqual(before[1]);
    });
  }
});
