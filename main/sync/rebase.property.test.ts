// The incremental rebase (re-run only the mutations a frame can affect) must leave exactly the
// replica a full rebase (restore everything, re-run everything) leaves. Two replicas get the
// same random mix of local mutations, server frames and acks; one is forced to rebase fully.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { fakeWorld, orderAt, T0 } from '../../shared/testing/fake-world';
import { MutationRejection } from '../../shared/mutators';
import type { OrderRow } from '../../shared/schema';
import { SYNCED_TABLE_KEYS } from '../../shared/schema';
import { applyServerBatch, newInboundSession, type InboundFrame } from './apply-frames';
import { enqueueMutation } from './outbox';
import { manyPerTest, worldReplica } from '../testing/fixture-replica';
import type { AppRow } from './row-store';
import { actorOf, openSyncStore, type SyncStore } from './sync-store';

const dispatcher = actorOf({ id: 'u-dispatcher', name: 'Dispatcher Aigerim', role: 'dispatcher' });
const ORDERS = ['100', '101', '102'];

type Step =
  | { kind: 'assign'; order: number; driver: 'd1' | 'd2' }
  | { kind: 'comment'; order: number }
  | { kind: 'shift'; driver: 'd1' | 'd2'; state: 'on_shift' | 'on_break' }
  | { kind: 'problem'; order: number }
  | { kind: 'server'; order: number; driver: 'd1' | 'd2' | null; status: 'confirmed' | 'cancelled' | 'problem' }
  | { kind: 'ack'; result: 'applied' | 'rejected' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('assign' as const), order: fc.integer({ min: 0, max: 2 }), driver: fc.constantFrom('d1' as const, 'd2' as const) }),
  fc.record({ kind: fc.constant('comment' as const), order: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('shift' as const), driver: fc.constantFrom('d1' as const, 'd2' as const), state: fc.constantFrom('on_shift' as const, 'on_break' as const) }),
  fc.record({ kind: fc.constant('problem' as const), order: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    kind: fc.constant('server' as const),
    order: fc.integer({ min: 0, max: 2 }),
    driver: fc.constantFrom('d1' as const, 'd2' as const, null),
    status: fc.constantFrom('confirmed' as const, 'cancelled' as const, 'problem' as const),
  }),
  fc.record({ kind: fc.constant('ack' as const), result: fc.constantFrom('applied' as const, 'rejected' as const) }),
);

const newReplica = manyPerTest(worldReplica);

function replica(orders: OrderRow[]): SyncStore {
  const fx = newReplica();
  const store = openSyncStore(fx.replica.sqlite, { mintClientId: () => 'me' });
  for (const o of orders) store.rows.put('orders', o as AppRow);
  store.meta.setCursor(1);
  return store;
}

const dump = (s: SyncStore) => SYNCED_TABLE_KEYS.map((t) => s.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY id`).all());

describe('incremental rebase', () => {
  it('matches a full rebase for any mix of pending mutations, frames and acks', () => {
    const world = fakeWorld();
    const orders = ORDERS.map((n) => orderAt(world, n, 'confirmed'));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const inc = replica(orders);
        const full = replica(orders);
        const sessions = new Map([inc, full].map((s) => [s, newInboundSession('me')]));
        let seq = 1;
        const confirmed = new Map(orders.map((o) => [o.id, { ...o }]));
        let nextAckMid = 1;
        let at = T0;
        for (const s of steps) {
          at += 1000;
          const frames: InboundFrame[] = [];
          if (s.kind === 'server') {
            const o = confirmed.get(orders[s.order]?.id ?? '') as OrderRow;
            const next = { ...o, driverId: s.driver, status: s.status, version: o.version + 1, updatedAt: at };
            confirmed.set(o.id, next);
            seq++;
            frames.push({ type: 'changes', rows: [{ seq, table: 'orders', id: o.id, row: next as unknown as Record<string, unknown> }], cursor: seq });
          } else if (s.kind === 'ack') {
            if (inc.outbox.count() === 0) continue;
            frames.push(
              s.result === 'applied'
                ? { type: 'ack', mid: nextAckMid++, result: 'applied', cursor: seq }
                : { type: 'ack', mid: nextAckMid++, result: 'rejected', cursor: seq, error: { code: 'x', message: 'no' } },
            );
          }
          for (const store of [inc, full]) {
            if (frames.length > 0) {
              if (store === full) store.footprints = null; // forces the full path
              applyServerBatch(store, sessions.get(store) ?? newInboundSession('me'), frames, dispatcher, at);
              continue;
            }
            const o = orders['order' in s ? s.order : 0] as OrderRow;
            const current = store.rows.get('orders', o.id) as OrderRow;
            const [name, args] =
              s.kind === 'assign'
                ? ['assignDriver', { orderId: o.id, driverId: s.driver, seenVersion: current.version }]
                : s.kind === 'comment'
                  ? ['addComment', { orderId: o.id, text: `c${at}` }]
                  : s.kind === 'shift'
                    ? ['setDriverShift', { driverId: s.driver, state: s.state }]
                    : ['reportProblem', { orderId: o.id, reason: 'damaged', comment: 'wet' }];
            try {
              enqueueMutation(store, { name, args, actor: dispatcher, now: at });
            } catch (e) {
              if (!(e instanceof MutationRejection)) throw e;
            }
          }
          expect(dump(inc)).toEqual(dump(full));
          expect(inc.outbox.count()).toBe(full.outbox.count());
        }
      }),
      { numRuns: 40 },
    );
  });
});
