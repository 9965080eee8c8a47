import { describe, it, expect } from 'vitest';
import { fakeWorld, order, orderAt, run, T0 } from '../testing/fake-world';

describe('assignDriver', () => {
  it('assigns, bumps the version and writes an assign event at the event time', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'confirmed');
    const out = run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version }, T0 + 5000);
    expect(out).toEqual({ result: 'applied' });
    const after = order(tx, '123');
    expect(after).toMatchObject({ driverId: 'd1', assignedBy: 'u-dispatcher', assignedAt: T0 + 5000, version: o.version + 1 });
    const events = tx.all('order_events').filter((e) => e.orderId === o.id && e.kind === 'assign');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ at: T0 + 5000, driverId: 'd1', actorName: 'Dispatcher Aigerim', source: 'manual' });
  });

  it('rejects a stale assignment with who won, in words', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'confirmed');
    run(tx, 'u-dispatcher2', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version });
    const out = run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd2', seenVersion: o.version });
    expect(out).toMatchObject({
      result: 'rejected',
      error: {
        code: 'assign_conflict',
        message: 'order 123 was assigned to Driver Arman by Dispatcher Yerlan',
        details: { driverId: 'd1', assignedBy: 'u-dispatcher2' },
      },
    });
    expect(order(tx, '123').driverId).toBe('d1');
  });

  it('allows a stale version when nobody else holds the order, and a same-driver repeat is a no-op', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'new');
    run(tx, 'u-dispatcher', 'addComment', { orderId: o.id, text: 'call first' });
    run(tx, 'u-dispatcher', 'confirmOrder', { orderId: o.id }); // version moves on, no driver
    expect(run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version }).result).toBe('applied');
    const v = order(tx, '123').version;
    expect(run(tx, 'u-dispatcher2', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: 1 }).result).toBe('applied');
    expect(order(tx, '123').version).toBe(v);
  });

  it('reassigns when the dispatcher saw the current version', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'confirmed');
    run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version });
    const seen = order(tx, '123').version;
    expect(run(tx, 'u-dispatcher2', 'assignDriver', { orderId: o.id, driverId: 'd2', seenVersion: seen }).result).toBe('applied');
    expect(order(tx, '123').driverId).toBe('d2');
    const last = tx.all('order_events').filter((e) => e.kind === 'assign').at(-1);
    expect(last?.comment).toBe('reassigned from Driver Arman');
  });

  it('refuses unknown drivers, closed orders and warehouse users', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'new');
    expect(run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'nope', seenVersion: o.version })).toMatchObject({ error: { code: 'not_found' } });
    expect(run(tx, 'u-warehouse', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version })).toMatchObject({
      error: { code: 'forbidden', message: "A warehouse user can't assign drivers" },
    });
    run(tx, 'u-dispatcher', 'cancelOrder', { orderId: o.id, comment: 'customer changed mind' });
    const c = order(tx, '123');
    expect(run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: c.version })).toMatchObject({ error: { code: 'invalid_state' } });
  });
});

describe('unassignDriver', () => {
  it('takes the driver off and records it; refuses in transit', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '123', 'at_warehouse');
    run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version });
    expect(run(tx, 'u-dispatcher', 'unassignDriver', { orderId: o.id }).result).toBe('applied');
    expect(order(tx, '123')).toMatchObject({ driverId: null, assignedBy: null });
    expect(tx.all('order_events').some((e) => e.kind === 'unassign' && e.driverId === 'd1')).toBe(true);

    run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd2', seenVersion: order(tx, '123').version });
    run(tx, 'u-dispatcher', 'setStatus', { orderId: o.id, to: 'in_transit' });
    expect(run(tx, 'u-dispatcher', 'unassignDriver', { orderId: o.id })).toMatchObject({ error: { code: 'invalid_state' } });
  });
});

describe('assignDriver on an order others carry (issue 16)', () => {
  function carriedWorld() {
    const tx = fakeWorld();
    run(tx, 'u-logistician', 'createCarrier', { name: 'ТОО Жол Транс', phone: '8 701 123 45 67' });
    const carrierId = tx.all('carriers')[0]?.id ?? '';
    run(tx, 'u-logistician', 'setCarrierSecurityCheck', { carrierId, state: 'passed' });
    return { tx, carrierId };
  }

  it('refuses a carrier\'s order in words, naming the carrier, and changes nothing', () => {
    const { tx, carrierId } = carriedWorld();
    const o = orderAt(tx, '700', 'confirmed');
    run(tx, 'u-logistician', 'handToCarrier', { orderId: o.id, carrierId, rate: 100_000, loadingAt: T0 + 3_600_000, contact: 'Серик' });
    const before = order(tx, '700');
    const out = run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: before.version });
    expect(out).toMatchObject({
      result: 'rejected',
      error: {
        code: 'carried_by_others',
        message: 'Order 700 is carried by the carrier ТОО Жол Транс: take it back to the own fleet first, then assign a driver',
        details: { carriedBy: 'carrier', carrierId },
      },
    });
    expect(order(tx, '700')).toEqual(before);
    expect(tx.all('order_events').some((e) => e.orderId === o.id && e.kind === 'assign')).toBe(false);
  });

  it('refuses a courier service\'s order, also for the system actor, and assigns once taken back', () => {
    const { tx } = carriedWorld();
    const o = orderAt(tx, '701', 'at_warehouse');
    run(tx, 'u-dispatcher', 'handToCourier', { orderId: o.id, provider: 'cdek', trackingNumber: '1234567890' });
    const v = order(tx, '701').version;
    const system = { id: 'geofence', name: 'GPS', actor: 'system' as const, role: null };
    for (const who of ['u-dispatcher', 'u-supervisor', system]) {
      expect(run(tx, who, 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: v })).toMatchObject({
        error: { code: 'carried_by_others', details: { carriedBy: 'courier', courierProvider: 'cdek' } },
      });
    }
    expect(order(tx, '701').driverId).toBeNull();
    run(tx, 'u-dispatcher', 'handToOwnFleet', { orderId: o.id, reason: 'CDEK не забрал' });
    expect(run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: order(tx, '701').version }).result).toBe('applied');
  });
});
