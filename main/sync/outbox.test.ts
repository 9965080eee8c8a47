import { describe, it, expect } from 'vitest';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import { MutationRejection } from '../../shared/mutators';
import { fakeWorld, orderAt, T0, ORDER_ARGS } from '../../shared/testing/fake-world';
import type { OrderRow } from '../../shared/schema';
import { applyServerBatch, newInboundSession } from './apply-frames';
import { enqueueMutation, pendingMutations } from './outbox';
import { manyPerTest, worldReplica, type TempReplica } from '../testing/fixture-replica';
import type { AppRow } from './row-store';
import { actorOf, openSyncStore, type SyncStore } from './sync-store';

const dispatcher = actorOf({ id: 'u-dispatcher', name: 'Dispatcher Aigerim', role: 'dispatcher' });
const warehouse = actorOf({ id: 'u-warehouse', name: 'Storekeeper Nurlan', role: 'warehouse' });

const newReplica = manyPerTest(worldReplica);

function setup(): { fx: TempReplica; store: SyncStore; order: OrderRow } {
  const fx = newReplica();
  let n = 0;
  const store = openSyncStore(fx.replica.sqlite, { mintClientId: () => `client-${++n}` });
  // A confirmed order, as the server would have sent it.
  const world = fakeWorld();
  const order = orderAt(world, '100', 'confirmed');
  store.rows.put('orders', order as AppRow);
  return { fx, store, order };
}

const getOrder = (store: SyncStore, id: string) => store.rows.get('orders', id) as OrderRow | undefined;

describe('enqueueMutation', () => {
  it('applies optimistically and enqueues in the same transaction; mids go up by one', () => {
    const { store, order } = setup();
    const a = enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id, driverId: 'd1', seenVersion: order.version }, actor: dispatcher, now: T0 + 1 });
    const b = enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'call first' }, actor: dispatcher, now: T0 + 2 });
    expect([a.mid, b.mid]).toEqual([1, 2]);
    expect(a.clientId).toBe('client-1');
    expect(getOrder(store, order.id)?.driverId).toBe('d1');
    expect(store.outbox.count()).toBe(2);
    expect(a.changes.toEvent().tables.sort()).toEqual(['order_events', 'orders']);
    // Ids minted from (clientId, mid, n): the server will mint the same.
    expect(store.rows.get('order_events', mutationRowId('client-1', 2, 0))).toMatchObject({ kind: 'comment', comment: 'call first' });
    // Committed but not yet fsynced: nothing may leave for the server before the group commit.
    expect(store.flushPending).toBe(true);
    expect(pendingMutations(store, 'client-1', 0, 10)).toEqual([]);
    store.flushDurable();
    expect(store.flushPending).toBe(false);
    expect(pendingMutations(store, 'client-1', 0, 10).map((m) => [m.mid, m.name, m.at])).toEqual([
      [1, 'assignDriver', T0 + 1],
      [2, 'addComment', T0 + 2],
    ]);
  });

  it('a local rejection throws the reason and changes nothing', () => {
    const { store, order } = setup();
    expect(() => enqueueMutation(store, { name: 'confirmOrder', args: { orderId: order.id }, actor: warehouse, now: T0 })).toThrow(
      MutationRejection,
    );
    expect(() => enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id }, actor: dispatcher, now: T0 })).toThrow(/Invalid assignDriver/);
    expect(() => enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'x'.repeat(300_000) }, actor: dispatcher, now: T0 })).toThrow(/too large/);
    expect(store.outbox.count()).toBe(0);
    expect(store.shadow.count()).toBe(0);
    expect(getOrder(store, order.id)).toEqual(order);
    expect(store.meta.nextLocalMid()).toBe(1);
  });

  it('survives a restart: outbox, optimistic rows and confirmed copies are on disk; a new session gets a new id', () => {
    const { fx, store, order } = setup();
    enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id, driverId: 'd1', seenVersion: order.version }, actor: dispatcher, now: T0 });
    const replica = fx.reopen();
    const again = openSyncStore(replica.sqlite, { mintClientId: () => 'client-after-restart' });
    expect(again.outbox.count()).toBe(1);
    expect((again.rows.get('orders', order.id) as OrderRow).driverId).toBe('d1');
    expect(again.shadow.count()).toBeGreaterThan(0);
    expect(again.meta.lineages().map((l) => l.clientId)).toEqual(['client-1', 'client-after-restart']);
    // The old row still goes out under the old id, as mid 1; new ones start at 1 under the new id.
    expect(pendingMutations(again, 'client-1', 0, 10).map((m) => m.mid)).toEqual([1]);
    const next = enqueueMutation(again, { name: 'addComment', args: { orderId: order.id, text: 'x' }, actor: dispatcher, now: T0 });
    expect([next.clientId, next.mid]).toEqual(['client-after-restart', 1]);
    again.flushDurable();
    expect(pendingMutations(again, 'client-1', 0, 10).map((m) => m.mid)).toEqual([1]);
    expect(pendingMutations(again, 'client-after-restart', 0, 10).map((m) => m.mid)).toEqual([1]);
  });

  it('forgets identities with nothing left to send at the next open', () => {
    const { fx, store, order } = setup();
    enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'x' }, actor: dispatcher, now: T0 });
    const session = newInboundSession('client-1');
    applyServerBatch(store, session, [{ type: 'ack', mid: 1, result: 'applied', cursor: 0 }], dispatcher, T0);
    const again = openSyncStore(fx.reopen().sqlite, { mintClientId: () => 'fresh' });
    expect(again.meta.lineages()).toEqual([{ clientId: 'fresh', base: 1, lastAcked: 0 }]);
  });

  it('never reuses a mid once the outbox has drained', () => {
    const { store, order } = setup();
    const session = newInboundSession('client-1');
    for (let i = 0; i < 2; i++) enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: `x${i}` }, actor: dispatcher, now: T0 });
    applyServerBatch(store, session, [1, 2].map((mid) => ({ type: 'ack' as const, mid, result: 'applied' as const, cursor: 0 })), dispatcher, T0);
    expect(store.outbox.count()).toBe(0);
    const next = enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'y' }, actor: dispatcher, now: T0 });
    expect([next.clientId, next.mid]).toEqual(['client-1', 3]);
  });

  it('JSON-normalizes args so the local run sees what the server will', () => {
    const { store } = setup();
    const r = enqueueMutation(store, {
      name: 'createOrder',
      args: { ...ORDER_ARGS, number: '555', customerEmail: undefined },
      actor: dispatcher,
      now: T0,
    });
    expect(store.outbox.get(r.localMid)?.args).not.toHaveProperty('customerEmail');
  });
});

describe('the sync store keeps replica_meta in memory', () => {
  it('forgets what a rolled-back transaction wrote: the cursor reads as stored again', () => {
    const { fx, store } = setup();
    store.transaction(() => store.meta.setCursor(10));
    expect(() =>
      store.transaction(() => {
        store.meta.setCursor(99);
        throw new Error('frame did not fit');
      }),
    ).toThrow('frame did not fit');
    expect(store.meta.cursor()).toBe(10);
    expect(fx.replica.sqlite.prepare("SELECT value FROM replica_meta WHERE key = 'cursor'").pluck().get()).toBe('10');
  });

  it('keeps the outbox and open-conflict counts right across commits and rollbacks', () => {
    const { store } = setup();
    expect(store.outbox.count()).toBe(0);
    expect(store.conflicts.unacknowledgedCount()).toBe(0);
    const row = { localMid: 1, name: 'addComment', args: { orderId: 'x', text: 'y' }, at: T0, actorId: 'u-dispatcher' };
    const conflict = { mid: 1, name: 'assignDriver', args: {}, code: 'assign_conflict', message: 'taken', field: null, at: T0 };
    expect(() =>
      store.transaction(() => {
        store.outbox.insert(row);
        store.conflicts.record(conflict);
        expect(store.outbox.count()).toBe(1);
        throw new Error('frame did not fit');
      }),
    ).toThrow();
    expect(store.outbox.count()).toBe(0);
    expect(store.conflicts.unacknowledgedCount()).toBe(0);
    store.transaction(() => {
      store.outbox.insert(row);
      store.conflicts.record(conflict);
    });
    expect(store.outbox.count()).toBe(1);
    const id = store.conflicts.list(false)[0]?.id ?? '';
    expect(store.conflicts.unacknowledgedCount()).toBe(1);
    expect(store.conflicts.acknowledge(id)).toBe(true);
    expect(store.conflicts.unacknowledgedCount()).toBe(0);
    store.transaction(() => store.outbox.remove(1));
    expect(store.outbox.count()).toBe(0);
  });

  it('forgets after a failed savepoint too', () => {
    const { store } = setup();
    store.transaction(() => {
      store.meta.setCursor(5);
      expect(() =>
        store.savepoint(() => {
          store.meta.setCursor(6);
          throw new Error('rejected');
        }),
      ).toThrow('rejected');
      expect(store.meta.cursor()).toBe(5);
    });
    expect(store.meta.cursor()).toBe(5);
  });
});
