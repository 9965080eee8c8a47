import { describe, it, expect } from 'vitest';
import { ACTORS, type Actor } from '../domain/vocabulary';
import { fakeWorld, orderAt, run, T0 } from '../testing/fake-world';
import { defaultSource } from '../domain/order-transition';

describe('finding the order a change is about', () => {
  it('an unknown id is refused by name, pointing at orderId', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-dispatcher', 'addComment', { orderId: 'o-gone', text: 'call first' })).toStrictEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'Order o-gone does not exist', details: { field: 'orderId', orderId: 'o-gone' } },
    });
  });

  it('an unknown number (a scan) is refused by name, pointing at number', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-warehouse', 'markPicked', { number: 'MR-404', source: 'scan' })).toStrictEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'No order with number MR-404', details: { field: 'number', number: 'MR-404' } },
    });
  });
});

describe('an event on the timeline', () => {
  it('has every column, null where the change has nothing to say', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, 'MR-1', 'confirmed');
    expect(run(tx, 'u-dispatcher', 'addComment', { orderId: o.id, text: 'call first' }, T0 + 60_000)).toEqual({ result: 'applied' });
    const events = tx.all('order_events').filter((e) => e.orderId === o.id && e.kind === 'comment');
    expect(events).toStrictEqual([
      {
        id: expect.any(String),
        orderId: o.id,
        at: T0 + 60_000,
        actor: 'dispatcher',
        actorId: 'u-dispatcher',
        actorName: 'Dispatcher Aigerim',
        source: 'manual',
        kind: 'comment',
        fromStatus: null,
        toStatus: null,
        subMark: null,
        reason: null,
        comment: 'call first',
        driverId: null,
        changes: null,
        handover: null,
      },
    ]);
  });

  it('a comment from a courier service is its own source; the system and accounting are the system', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, 'MR-2', 'confirmed');
    const machine = (actor: Actor) => ({ id: `m-${actor}`, name: actor, actor, role: null });
    expect(run(tx, machine('courier'), 'addComment', { orderId: o.id, text: 'parcel scanned' })).toEqual({ result: 'applied' });
    expect(run(tx, machine('system'), 'addComment', { orderId: o.id, text: 'nightly check' })).toEqual({ result: 'applied' });
    const sources = tx.all('order_events').filter((e) => e.kind === 'comment').map((e) => [e.comment, e.source]);
    expect(sources).toEqual([
      ['parcel scanned', 'courier'],
      ['nightly check', 'system'],
    ]);
  });
});

describe('defaultSource: where a change came from when the caller did not say', () => {
  it('people click (manual); machines are themselves', () => {
    const table = Object.fromEntries(ACTORS.map((a) => [a, defaultSource(a)]));
    expect(table).toEqual({
      system: 'system',
      dispatcher: 'manual',
      logistician: 'manual',
      warehouse: 'manual',
      driver: 'manual',
      gps: 'gps',
      courier: 'courier',
      accounting: 'system',
      supervisor: 'manual',
      admin: 'manual',
      integration: 'manual',
    });
  });
});
