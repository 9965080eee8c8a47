import { describe, expect, it } from 'vitest';
import { MutationRejection } from '../../shared/mutators/mutator-tx';
import { ChangeSet } from './change-set';
import { refusal, toConflictView, toConnectionView } from './client-views';

const state = { pendingCount: 2, lastSyncAt: 5, lastError: null, conflictCount: 0, clientId: 'c' };

describe('the sync client as the console sees it', () => {
  it('shows refused tokens and incompatible servers as offline, with the reason', () => {
    expect(toConnectionView({ ...state, connection: 'online' }, 'http://s')).toEqual({ status: 'online', pending: 2, lastSyncAt: 5, serverUrl: 'http://s', error: null });
    expect(toConnectionView({ ...state, connection: 'unauthorized', lastError: 'HTTP 401' }, 'http://s')).toMatchObject({
      status: 'offline',
      error: 'The server refused the token: HTTP 401',
    });
    expect(toConnectionView({ ...state, connection: 'incompatible' }, 'http://s').error).toMatch(/incompatible version/);
  });

  it('lists changed ids, or says "all" when a catch-up changed too many to list', () => {
    const few = new ChangeSet();
    few.add('orders', 'a');
    few.add('orders', 'b');
    expect(few.toEvent()).toEqual({ tables: ['orders'], ids: { orders: ['a', 'b'] }, all: false });
    const many = new ChangeSet();
    for (let i = 0; i < 2500; i++) many.add('orders', `o${i}`);
    many.add('order_events', 'e1');
    expect(many.toEvent()).toEqual({ tables: ['orders', 'order_events'], ids: {}, all: true });
  });

  it("turns a mutator's refusal into the API's code, keeping the mutator's own in details", () => {
    expect(refusal(new MutationRejection('assign_conflict', 'taken', { by: 'u1' }))).toEqual({
      ok: false,
      code: 'conflict',
      message: 'taken',
      details: { by: 'u1', code: 'assign_conflict' },
    });
    expect(refusal(new MutationRejection('bad_args', 'text: required'))).toMatchObject({ code: 'invalid_request', details: { code: 'bad_args' } });
    expect(refusal(new MutationRejection('forbidden', 'no'))).toMatchObject({ code: 'forbidden' });
    expect(refusal(new MutationRejection('order_terminal', 'delivered'))).toMatchObject({ code: 'invalid_transition' });
  });

  it("names a conflict's order by its number, and only for edits of an order", () => {
    const c = { id: '7', mid: 3, name: 'assignDriver', args: { orderId: 'o1' }, code: 'assign_conflict', message: 'taken', field: 'driverId', at: 9, acknowledged: false };
    expect(toConflictView(c, (id) => (id === 'o1' ? 'MR-1' : null))).toEqual({
      id: '7', mid: 3, name: 'assignDriver', orderId: 'o1', orderNumber: 'MR-1', code: 'assign_conflict', field: 'driverId', message: 'taken', at: 9,
    });
    expect(toConflictView({ ...c, name: 'setDriverShift', args: { driverId: 'd1' } }, () => 'never')).toMatchObject({ orderId: null, orderNumber: null });
  });
});
