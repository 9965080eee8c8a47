import { describe, expect, it } from 'vitest';
import { fakeWorld, order, orderAt, ORDER_ARGS, run, T0 } from '../testing/fake-world';
import type { MutationActor } from './mutator-tx';

const HOUR = 3_600_000;
const shop: MutationActor = { id: 'u-shop', name: 'Shop Alem', actor: 'integration', role: 'integration' };
const otherShop: MutationActor = { id: 'u-shop2', name: 'Shop Mechta', actor: 'integration', role: 'integration' };

describe('createOrder from an integration', () => {
  it('stores the external id under the integration, the window and the cargo flags', () => {
    const tx = fakeWorld();
    const args = { ...ORDER_ARGS, number: 'S1', externalId: 'A-1001', windowStart: T0 + 2 * HOUR, windowEnd: T0 + 4 * HOUR, fragile: true, hazardClass: '3' };
    expect(run(tx, shop, 'createOrder', args)).toEqual({ result: 'applied' });
    expect(order(tx, 'S1')).toMatchObject({ externalId: 'A-1001', externalSource: 'u-shop', windowEnd: T0 + 4 * HOUR, fragile: true, refrigerated: false, hazardClass: '3' });
  });

  it('refuses a window that ends before it starts, is too short, or lies past 2100', () => {
    const tx = fakeWorld();
    expect(run(tx, shop, 'createOrder', { ...ORDER_ARGS, windowStart: T0 + HOUR, windowEnd: T0 })).toMatchObject({ error: { code: 'bad_args', details: { field: 'windowEnd' } } });
    expect(run(tx, shop, 'createOrder', { ...ORDER_ARGS, windowStart: T0, windowEnd: T0 + 60_000 })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, shop, 'createOrder', { ...ORDER_ARGS, windowStart: T0, windowEnd: Date.UTC(2101, 0, 1) })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, shop, 'createOrder', { ...ORDER_ARGS, hazardClass: '10' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(tx.all('orders')).toHaveLength(0);
  });
});

describe('editOrder', () => {
  it('writes one edit event with old and new values and who; nothing for the same values again', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'new');
    expect(run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { deliveryAddress: 'Kenesary 42', places: 3, customerName: ORDER_ARGS.customerName } })).toEqual({ result: 'applied' });
    const edit = tx.all('order_events').find((e) => e.kind === 'edit');
    expect(edit).toMatchObject({
      actorId: 'u-dispatcher',
      actorName: 'Dispatcher Aigerim',
      changes: [
        { field: 'deliveryAddress', old: 'Kenesary 40', new: 'Kenesary 42' },
        { field: 'places', old: 1, new: 3 },
      ],
    });
    expect(order(tx, '1')).toMatchObject({ deliveryAddress: 'Kenesary 42', places: 3, version: o.version + 1 });
    run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { places: 3 } });
    expect(tx.all('order_events').filter((e) => e.kind === 'edit')).toHaveLength(1);
  });

  it('recomputes the deadline of a confirmed order when its window moves', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'confirmed');
    expect(o.slaDeadline).toBe(T0 + 4 * HOUR); // express norm
    run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { windowStart: T0 + 5 * HOUR, windowEnd: T0 + 7 * HOUR } }, T0 + HOUR);
    expect(order(tx, '1').slaDeadline).toBe(T0 + 7 * HOUR);
    const edit = tx.all('order_events').find((e) => e.kind === 'edit');
    expect(edit?.changes).toContainEqual({ field: 'slaDeadline', old: T0 + 4 * HOUR, new: T0 + 7 * HOUR });
    // Dropping the window falls back to the norm from confirmation.
    run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { windowStart: null, windowEnd: null } }, T0 + HOUR);
    expect(order(tx, '1').slaDeadline).toBe(T0 + 4 * HOUR);
  });

  it('lets a shop change address, window and contacts of its own orders before pickup only', () => {
    const tx = fakeWorld();
    run(tx, shop, 'createOrder', { ...ORDER_ARGS, number: 'S1', externalId: 'A-1' });
    const id = order(tx, 'S1').id;
    expect(run(tx, shop, 'editOrder', { orderId: id, changes: { customerPhone: '+7 702 000 00 00' } })).toEqual({ result: 'applied' });
    expect(run(tx, shop, 'editOrder', { orderId: id, changes: { weightKg: 1 } })).toMatchObject({ error: { code: 'forbidden', details: { field: 'weightKg' } } });
    expect(run(tx, otherShop, 'editOrder', { orderId: id, changes: { customerPhone: '1' } })).toMatchObject({ error: { code: 'not_found' } });
    expect(run(tx, otherShop, 'cancelOrder', { orderId: id, comment: 'mine now' })).toMatchObject({ error: { code: 'not_found' } });
    run(tx, 'u-dispatcher', 'confirmOrder', { orderId: id });
    run(tx, 'u-warehouse', 'markPicked', { orderId: id, source: 'scan' });
    run(tx, 'u-dispatcher', 'setStatus', { orderId: id, to: 'in_transit' });
    expect(run(tx, shop, 'editOrder', { orderId: id, changes: { deliveryAddress: 'elsewhere' } })).toMatchObject({ error: { code: 'too_late' } });
    expect(run(tx, shop, 'cancelOrder', { orderId: id, comment: 'changed my mind' })).toMatchObject({ error: { code: 'forbidden_transition' } });
  });

  it('refuses unknown fields and __proto__ keys', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'new');
    expect(run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { status: 'closed' } })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, 'u-dispatcher', 'editOrder', JSON.parse(`{"orderId":"${o.id}","changes":{"__proto__":{"status":"closed"}}}`))).toMatchObject({ error: { code: 'bad_args' } });
    expect(order(tx, '1').status).toBe('new');
  });
});

describe('confirmation checklist', () => {
  it('requires what the admin set for the service, and stores what was ticked', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'new');
    expect(run(tx, 'u-dispatcher', 'setChecklistPolicy', { serviceType: 'express', required: ['address_checked'] })).toMatchObject({ error: { code: 'forbidden' } });
    expect(run(tx, 'u-admin', 'setChecklistPolicy', { serviceType: 'express', required: ['contacts_checked', 'address_checked'] })).toEqual({ result: 'applied' });
    const refused = run(tx, 'u-dispatcher', 'confirmOrder', { orderId: o.id, checklist: ['contacts_checked'] });
    expect(refused).toMatchObject({ error: { code: 'checklist_incomplete', details: { missing: ['address_checked'] } } });
    expect(order(tx, '1').status).toBe('new');
    expect(run(tx, 'u-dispatcher', 'confirmOrder', { orderId: o.id, checklist: ['address_checked', 'contacts_checked', 'stock_available'] })).toEqual({ result: 'applied' });
    expect(order(tx, '1')).toMatchObject({ status: 'confirmed', checklist: ['address_checked', 'contacts_checked', 'stock_available'] });
  });

  it('requires nothing until an admin says so (the checklist is still recorded)', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'new');
    expect(run(tx, 'u-dispatcher', 'confirmOrder', { orderId: o.id })).toEqual({ result: 'applied' });
  });
});

describe('status corrections', () => {
  it('lets a supervisor move a delivered order back with a reason, shown as a correction, and undo it', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    run(tx, 'u-dispatcher', 'setStatus', { orderId: o.id, to: 'delivered' }, T0 + HOUR);
    const delivered = order(tx, '1');
    expect(run(tx, 'u-dispatcher', 'correctStatus', { orderId: o.id, to: 'in_transit', reason: 'driver tapped too early' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'in_transit', reason: '  ' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'in_transit', reason: 'driver tapped too early' }, T0 + 2 * HOUR)).toEqual({ result: 'applied' });
    expect(order(tx, '1')).toMatchObject({ status: 'in_transit', statusChangedAt: T0 + 2 * HOUR });
    const ev = tx.all('order_events').find((e) => e.kind === 'correction');
    expect(ev).toMatchObject({ fromStatus: 'delivered', toStatus: 'in_transit', reason: 'driver tapped too early', actorId: 'u-supervisor' });
    expect(run(tx, 'u-admin', 'undoCorrection', { orderId: o.id, reason: 'it was delivered after all' })).toEqual({ result: 'applied' });
    expect(order(tx, '1')).toMatchObject({ status: 'delivered', deliveredAt: delivered.deliveredAt, statusChangedAt: delivered.statusChangedAt, lastCorrection: null });
    expect(run(tx, 'u-admin', 'undoCorrection', { orderId: o.id, reason: 'again' })).toMatchObject({ error: { code: 'nothing_to_undo' } });
  });

  it('refuses an undo once something else changed the order, and targets the machine forbids', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'confirmed');
    expect(run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'problem', reason: 'x' })).toMatchObject({ error: { code: 'forbidden_transition' } });
    expect(run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'closed', reason: 'x' })).toMatchObject({ error: { code: 'forbidden_transition' } });
    run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'new', reason: 'customer not reached yet' });
    run(tx, 'u-dispatcher', 'addComment', { orderId: o.id, text: 'calling again' });
    run(tx, 'u-dispatcher', 'editOrder', { orderId: o.id, changes: { places: 2 } });
    expect(run(tx, 'u-supervisor', 'undoCorrection', { orderId: o.id, reason: 'oops' })).toMatchObject({ error: { code: 'stale' } });
  });
});

describe('recordPayment', () => {
  it('closes a delivered order; a retry with the same reference changes nothing; another payment is refused', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    run(tx, 'u-dispatcher', 'setStatus', { orderId: o.id, to: 'delivered' });
    expect(run(tx, 'u-dispatcher', 'recordPayment', { orderId: o.id, amount: 5000, method: 'cash' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(run(tx, 'u-admin', 'recordPayment', { orderId: o.id, amount: 5000, method: 'card', reference: 'TX-1' }, T0 + HOUR)).toEqual({ result: 'applied' });
    expect(order(tx, '1')).toMatchObject({ status: 'closed', paidAt: T0 + HOUR, paymentAmount: 5000, paymentMethod: 'card', paymentReference: 'TX-1' });
    const events = tx.all('order_events').length;
    expect(run(tx, 'u-admin', 'recordPayment', { orderId: o.id, amount: 5000, method: 'card', reference: 'TX-1' })).toEqual({ result: 'applied' });
    expect(tx.all('order_events')).toHaveLength(events);
    expect(run(tx, 'u-admin', 'recordPayment', { orderId: o.id, amount: 10, method: 'cash', reference: 'TX-2' })).toMatchObject({ error: { code: 'already_paid' } });
  });

  it('records a prepayment without closing; a paid order can then be corrected to closed', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'confirmed');
    expect(run(tx, 'u-admin', 'recordPayment', { orderId: o.id, amount: 100, method: 'online' })).toEqual({ result: 'applied' });
    expect(order(tx, '1')).toMatchObject({ status: 'confirmed', paymentAmount: 100 });
    expect(run(tx, 'u-admin', 'recordPayment', { orderId: o.id, amount: -1, method: 'online' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, 'u-supervisor', 'correctStatus', { orderId: o.id, to: 'closed', reason: 'goods handed over at the office' })).toEqual({ result: 'applied' });
  });
});
