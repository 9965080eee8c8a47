// The deadline an order gets when it is confirmed (sla-deadline.ts): the norm from the first
// confirmation, with the customer's VIP contract as it stands at confirmation.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { fakeWorld, order, ORDER_ARGS, orderAt, run, T0 } from '../testing/fake-world';

const HOUR = 3_600_000;

describe('the deadline set on confirmation', () => {
  it("uses the customer's VIP contract signed after the order came in", () => {
    const tx = fakeWorld();
    tx.put('customers', { id: 'c1', name: 'ТОО Ромашка', phone: '+77011112233', email: null, vipNormMinutes: null, updatedAt: T0 });
    expect(run(tx, 'u-dispatcher', 'createOrder', { ...ORDER_ARGS, number: 'V-1', customerId: 'c1' }).result).toBe('applied');
    expect(run(tx, 'u-dispatcher', 'createOrder', { ...ORDER_ARGS, number: 'P-1' }).result).toBe('applied');
    expect(order(tx, 'V-1').vipNormMinutes).toBeNull();
    expect(run(tx, 'u-admin', 'setCustomerVip', { customerId: 'c1', vipNormMinutes: 60 }).result).toBe('applied');
    for (const number of ['V-1', 'P-1']) expect(run(tx, 'u-dispatcher', 'confirmOrder', { orderId: order(tx, number).id }, T0 + HOUR).result).toBe('applied');
    // Monday 12:00 in Astana: the VIP hour against express's four working hours.
    expect(order(tx, 'V-1').slaDeadline).toBe(T0 + 2 * HOUR);
    expect(order(tx, 'P-1').slaDeadline).toBe(T0 + 5 * HOUR);
  });

  it('stays when a problem sends the order back to confirmed, even after the norm changed (the clock does not restart)', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'new');
    expect(run(tx, 'u-dispatcher', 'confirmOrder', { orderId: o.id }, T0 + HOUR).result).toBe('applied');
    expect(order(tx, '1').slaDeadline).toBe(T0 + 5 * HOUR);
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: { ...DEFAULT_SLA_POLICIES.express, normMinutes: 300 } }).result).toBe('applied');
    expect(run(tx, 'u-dispatcher', 'reportProblem', { orderId: o.id, reason: 'refused' }, T0 + 2 * HOUR).result).toBe('applied');
    expect(run(tx, 'u-dispatcher', 'resolveProblem', { orderId: o.id, to: 'confirmed' }, T0 + 3 * HOUR).result).toBe('applied');
    expect(order(tx, '1')).toMatchObject({ status: 'confirmed', confirmedAt: T0 + HOUR, slaDeadline: T0 + 5 * HOUR });
  });
});
