import { describe, it, expect } from 'vitest';
import { mutationRowId } from '../../shared/mutators/mutator-tx';
import { fakeWorld, orderAt, T0 } from '../../shared/testing/fake-world';
import type { ChangeRow } from '../../shared/protocol';
import type { DriverRow, OrderRow } from '../../shared/schema';
import { applyPositions, applyServerBatch, BadFrameError, newInboundSession, type InboundFrame } from './apply-frames';
import { enqueueMutation } from './outbox';
import { manyPerTest, worldReplica } from '../testing/fixture-replica';
import type { AppRow } from './row-store';
import { actorOf, openSyncStore, type SyncStore } from './sync-store';

const dispatcher = actorOf({ id: 'u-dispatcher', name: 'Dispatcher Aigerim', role: 'dispatcher' });

const newReplica = manyPerTest(worldReplica);

function setup() {
  const fx = newReplica();
  const store = openSyncStore(fx.replica.sqlite, { mintClientId: () => 'me' });
  const world = fakeWorld();
  const order = orderAt(world, '100', 'confirmed');
  store.rows.put('orders', order as AppRow);
  store.meta.setCursor(4);
  const session = newInboundSession('me');
  const apply = (...frames: InboundFrame[]) => applyServerBatch(store, session, frames, dispatcher, T0 + 1000);
  return { store, order, session, apply };
}

const changes = (cursor: number, ...rows: ChangeRow[]): InboundFrame => ({ type: 'changes', rows, cursor });
const orderRow = (seq: number, row: OrderRow): ChangeRow => ({ seq, table: 'orders', id: row.id, row: row as unknown as Record<string, unknown> });
const getOrder = (store: SyncStore, id: string) => store.rows.get('orders', id) as OrderRow;

describe('applyServerBatch (rebase)', () => {
  it('keeps a pending edit on top of a server change to the same row, then confirms it', () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id, driverId: 'd1', seenVersion: order.version }, actor: dispatcher, now: T0 });
    // Someone else changed an unrelated field meanwhile (server order: before our assignment).
    const elsewhere = { ...order, cargoDescription: 'fragile', version: order.version + 1 };
    const r = apply(changes(5, orderRow(5, elsewhere)));
    const seen = getOrder(store, order.id);
    expect(seen.cargoDescription).toBe('fragile');
    expect(seen.driverId).toBe('d1'); // re-run on top: version differs but nobody else assigned
    expect(store.outbox.count()).toBe(1);
    expect(r.changes.toEvent().ids.orders).toEqual([order.id]);
    // The server ran ours: its rows, then the ack.
    const confirmed = { ...elsewhere, driverId: 'd1', assignedBy: 'u-dispatcher', version: elsewhere.version + 1 };
    apply(changes(6, orderRow(6, confirmed)), { type: 'ack', mid: 1, result: 'applied', cursor: 6 });
    expect(store.outbox.count()).toBe(0);
    expect(store.shadow.count()).toBe(0);
    expect(getOrder(store, order.id)).toEqual(confirmed);
    expect(store.meta.cursor()).toBe(6);
  });

  it('rolls a rejected mutation back to the server state and records the reason', () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id, driverId: 'd1', seenVersion: order.version }, actor: dispatcher, now: T0 });
    const theirs = { ...order, driverId: 'd2', assignedBy: 'u-dispatcher2', version: order.version + 1 };
    const message = 'order 100 was assigned to Driver Bolat by Dispatcher Yerlan';
    const r = apply(changes(5, orderRow(5, theirs)), { type: 'ack', mid: 1, result: 'rejected', cursor: 5, error: { code: 'assign_conflict', message } });
    expect(r).toMatchObject({ acknowledged: 1, rejected: 1, lastAckedMid: 1 });
    expect(getOrder(store, order.id)).toEqual(theirs);
    expect(store.outbox.count()).toBe(0);
    expect(store.shadow.count()).toBe(0);
    expect(store.conflicts.list(false)).toMatchObject([{ mid: 1, name: 'assignDriver', code: 'assign_conflict', field: null, message, acknowledged: false }]);
    // The event the optimistic run wrote is gone too.
    expect(store.rows.get('order_events', mutationRowId('me', 1, 0))).toBeUndefined();
  });

  it("keeps the field a refusal names (details.field), so the console can word it", () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'hi' }, actor: dispatcher, now: T0 });
    apply({ type: 'ack', mid: 1, result: 'rejected', cursor: 4, error: { code: 'bad_args', message: 'Invalid addComment: text', details: { mutator: 'addComment', field: 'text' } } });
    expect(store.conflicts.list(false)).toMatchObject([{ code: 'bad_args', field: 'text' }]);
  });

  it('ignores a duplicated or late frame: rows at or below the cursor never regress', () => {
    const { store, order, apply } = setup();
    const v2 = { ...order, driverId: 'd2', version: 2 };
    const v3 = { ...order, driverId: 'd1', version: 3 };
    const first = changes(5, orderRow(5, v2));
    apply(first);
    apply(changes(6, orderRow(6, v3)));
    apply(first);
    expect(getOrder(store, order.id).driverId).toBe('d1');
    expect(store.meta.cursor()).toBe(6);
  });

  it('holds an applied ack until the rows it produced have arrived (no flicker)', () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'hi' }, actor: dispatcher, now: T0 });
    apply({ type: 'ack', mid: 1, result: 'applied', cursor: 9 });
    expect(store.outbox.count()).toBe(1);
    expect(store.rows.get('order_events', mutationRowId('me', 1, 0))).toBeDefined();
    const event = store.rows.get('order_events', mutationRowId('me', 1, 0)) as AppRow;
    apply(changes(9, { seq: 9, table: 'order_events', id: mutationRowId('me', 1, 0), row: event }));
    expect(store.outbox.count()).toBe(0);
    expect(store.rows.get('order_events', mutationRowId('me', 1, 0))).toEqual(event);
  });

  it('a duplicate ack of a settled mutation changes nothing', () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'hi' }, actor: dispatcher, now: T0 });
    apply({ type: 'ack', mid: 1, result: 'rejected', cursor: 4, error: { code: 'x', message: 'no' } });
    const r = apply({ type: 'ack', mid: 1, result: 'rejected', cursor: 4, error: { code: 'x', message: 'no' } });
    expect(r.acknowledged).toBe(0);
    expect(store.conflicts.list(true)).toHaveLength(1);
  });

  it('keeps a pending mutation that no longer applies locally; the server decides', () => {
    const { store, order, apply } = setup();
    enqueueMutation(store, { name: 'assignDriver', args: { orderId: order.id, driverId: 'd1', seenVersion: order.version }, actor: dispatcher, now: T0 });
    apply(changes(5, orderRow(5, { ...order, status: 'cancelled', version: order.version + 1 })));
    expect(getOrder(store, order.id)).toMatchObject({ status: 'cancelled', driverId: null });
    expect(store.outbox.count()).toBe(1);
  });

  it('a snapshot replaces the confirmed state: rows it does not mention are deleted; pending re-run on top', () => {
    const { store, order, apply } = setup();
    const other = { ...order, id: 'o-gone', number: '999' };
    store.rows.put('orders', other as AppRow);
    enqueueMutation(store, { name: 'addComment', args: { orderId: order.id, text: 'still here' }, actor: dispatcher, now: T0 });
    const world = fakeWorld();
    const all: ChangeRow[] = [];
    let seq = 0;
    for (const table of ['regions', 'warehouses', 'drivers', 'users'] as const) {
      for (const row of world.all(table)) all.push({ seq: ++seq, table, id: row.id, row: row as unknown as Record<string, unknown> });
    }
    all.push(orderRow(++seq, order));
    apply({ type: 'snapshot-begin', reason: 'compacted', headSeq: 50 }, changes(seq, ...all.slice(0, 3)));
    expect(store.meta.cursor()).toBe(4); // unchanged until the snapshot completes
    const r = apply(changes(seq, ...all.slice(3)), { type: 'caught-up', cursor: 50 });
    expect(r.caughtUp).toBe(true);
    expect(store.rows.get('orders', 'o-gone')).toBeUndefined();
    expect(store.rows.get('order_events', mutationRowId('me', 1, 0))).toMatchObject({ comment: 'still here' });
    expect(store.meta.cursor()).toBe(50);
  });

  it('a row taking a unique number from a row about to change evicts it until its newer state arrives', () => {
    const { store, order, apply } = setup();
    const newcomer = { ...order, id: 'o-new' };
    const moved = { ...order, number: '101', version: 9 };
    const r = apply(changes(5, orderRow(5, newcomer)));
    expect(store.rows.get('orders', order.id)).toBeUndefined();
    expect(r.changes.toEvent().ids.orders?.sort()).toEqual([order.id, 'o-new'].sort());
    apply(changes(6, orderRow(6, moved)));
    expect(getOrder(store, order.id).number).toBe('101');
  });

  it('refuses a row that does not fit its table and changes nothing', () => {
    const { store, order, apply } = setup();
    const bad = { ...order, status: 'teleported' } as unknown as OrderRow;
    expect(() => apply(changes(5, orderRow(5, { ...order, cargoDescription: 'x' }), orderRow(6, bad)))).toThrow(BadFrameError);
    expect(getOrder(store, order.id)).toEqual(order);
    expect(store.meta.cursor()).toBe(4);
    expect(() => apply(changes(5, { seq: 5, table: 'orders', id: 'other', row: order as unknown as Record<string, unknown> }))).toThrow(/"id"/);
  });

  it('positions move the driver row and its confirmed copy, so a rebase keeps the marker', () => {
    const { store, apply } = setup();
    enqueueMutation(store, { name: 'setDriverShift', args: { driverId: 'd1', state: 'on_break' }, actor: dispatcher, now: T0 });
    applyPositions(store, {
      type: 'positions',
      drivers: [{ driverId: 'd1', lat: 51.2, lon: 71.4, headingDeg: 90, speedKmh: 30, accuracyM: 5, battery: 0.8, charging: false, fixAt: T0, noSignal: false }, { driverId: 'ghost', lat: 1, lon: 1, headingDeg: null, speedKmh: null, accuracyM: null, battery: null, charging: null, fixAt: T0, noSignal: true }],
    });
    apply(changes(5));
    const d1 = store.rows.get('drivers', 'd1') as DriverRow;
    expect(d1).toMatchObject({ lat: 51.2, lon: 71.4, shiftState: 'on_break' });
    expect(store.rows.get('drivers', 'ghost')).toBeUndefined();
  });
});
