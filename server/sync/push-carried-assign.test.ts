// The server refuses a driver for an order a courier service or a carrier carries (issue 16),
// whatever the desktop shows: a raw sync push from a client that never ran the rule is answered
// with the reason in words, and the order on the server and in the change log stays as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import type { Mutation } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
let c: TestClient | null = null;

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  c?.close();
  c = null;
  await t.stop();
});

const orderRow = (id: string) =>
  t.server.db.sqlite.prepare('SELECT driver_id AS driverId, courier_provider AS provider, version FROM orders WHERE id = ?').get(id) as { driverId: string | null; provider: string | null; version: number };

describe('assignDriver pushed for an order others carry', () => {
  it('is rejected with carried_by_others and changes nothing on the server', async () => {
    c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
    c.hello({ clientId: 'desk-raw', cursor: 0 });
    await c.next('caught-up');
    const orderId = mutationRowId('desk-raw', 1, 0);
    const push = (m: Mutation) => c?.send({ type: 'push', mutations: [m] });
    push({ mid: 1, name: 'createOrder', args: { ...ORDER_ARGS, number: 'MR-CARRIED' }, at: T0 + 1 });
    await c.next('ack', (m) => m.mid === 1);
    push({ mid: 2, name: 'handToCourier', args: { orderId, provider: 'cdek', trackingNumber: '1234567890' }, at: T0 + 2 });
    expect(await c.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'applied' });
    const before = orderRow(orderId);
    const head = t.server.engine.log.headSeq();

    push({ mid: 3, name: 'assignDriver', args: { orderId, driverId: 'd1', seenVersion: before.version }, at: T0 + 3 });
    const ack = await c.next('ack', (m) => m.mid === 3);
    expect(ack).toMatchObject({
      result: 'rejected',
      error: { code: 'carried_by_others', message: expect.stringContaining('courier service cdek: take it back to the own fleet first'), details: { carriedBy: 'courier' } },
    });
    expect(orderRow(orderId)).toEqual(before);
    expect(t.server.engine.log.headSeq()).toBe(head);
  });
});
