// The card offers Assign exactly when the assign mutator would take it (issue 16): one rule,
// shared/domain/carried-by.ts mayAssignOwnDriver, for both. Checked by running the mutator.
import { describe, expect, it } from 'vitest';
import { fakeWorld, order, orderAt, run, T0 } from '../testing/fake-world';
import { orderActions } from './order-actions';

function handed(to: 'own' | 'courier' | 'carrier') {
  const tx = fakeWorld();
  const o = orderAt(tx, '800', 'confirmed');
  if (to === 'courier') run(tx, 'u-dispatcher', 'handToCourier', { orderId: o.id, provider: 'cdek', trackingNumber: '1234567890' });
  if (to === 'carrier') {
    run(tx, 'u-logistician', 'createCarrier', { name: 'ТОО Карго', phone: '8 701 000 00 00' });
    const carrierId = tx.all('carriers')[0]?.id ?? '';
    run(tx, 'u-logistician', 'setCarrierSecurityCheck', { carrierId, state: 'passed' });
    run(tx, 'u-logistician', 'handToCarrier', { orderId: o.id, carrierId, rate: 1000, loadingAt: T0 + 3_600_000, contact: 'Серик' });
  }
  return { tx, o: order(tx, '800') };
}

describe('Assign on the card and the assign mutator agree', () => {
  for (const to of ['own', 'courier', 'carrier'] as const) {
    it(`for an order carried by ${to}`, () => {
      const { tx, o } = handed(to);
      const offered = orderActions(o, 'dispatcher').includes('assign');
      const applied = run(tx, 'u-dispatcher', 'assignDriver', { orderId: o.id, driverId: 'd1', seenVersion: o.version }).result === 'applied';
      expect(offered).toBe(to === 'own');
      expect(applied).toBe(offered);
      // Taking it back is offered exactly where Assign is not.
      expect(orderActions(o, 'dispatcher').includes('take_back')).toBe(to !== 'own');
    });
  }
});
