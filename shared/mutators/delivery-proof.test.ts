import { describe, expect, it } from 'vitest';
import { fakeWorld, order, orderAt, run } from '../testing/fake-world';
import type { MutationActor } from './mutator-tx';

const phone: MutationActor = { id: 'd1', name: 'Driver Arman', actor: 'driver', role: null };

describe('proof of delivery', () => {
  it('with no rule a driver marks delivered on their word alone', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    expect(run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' }).result).toBe('applied');
    expect(tx.all('order_events').at(-1)).toMatchObject({ toStatus: 'delivered', source: 'driver', actor: 'driver' });
  });

  it('refuses a driver\'s "delivered" without the proofs the admin asked for, naming each missing one', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    expect(run(tx, 'u-admin', 'setDeliveryProofRule', { serviceType: 'express', photo: true, signature: true, code: false }).result).toBe('applied');
    const refused = run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' });
    expect(refused).toMatchObject({ result: 'rejected', error: { code: 'proof_required', details: { missing: ['photo', 'signature'] } } });
    expect(refused.result === 'rejected' && refused.error.message).toBe("Order 1 can't be marked delivered without a photo and the recipient's signature");
    expect(order(tx, '1').status).toBe('in_transit');

    run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'signature', fileId: 'f-sig' });
    expect(run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' })).toMatchObject({ error: { details: { missing: ['photo'] } } });
    run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'photo', fileId: 'f-photo' });
    expect(run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' }).result).toBe('applied');
    expect(tx.all('delivery_proofs').map((p) => [p.kind, p.fileId, p.driverId])).toEqual([
      ['signature', 'f-sig', null],
      ['photo', 'f-photo', null],
    ]);
  });

  it("a rule binds drivers only: a dispatcher's correction still goes through", () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    run(tx, 'u-admin', 'setDeliveryProofRule', { serviceType: 'express', photo: true, signature: false, code: false });
    expect(run(tx, 'u-dispatcher', 'setStatus', { orderId: o.id, to: 'delivered' }).result).toBe('applied');
  });

  it('a code proof must match the issued code; only an admin edits rules', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    expect(run(tx, 'u-dispatcher', 'setDeliveryProofRule', { serviceType: 'express', photo: false, signature: false, code: true })).toMatchObject({ error: { code: 'forbidden' } });
    run(tx, 'u-admin', 'setDeliveryProofRule', { serviceType: 'express', photo: false, signature: false, code: true });
    expect(run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'code', code: '1234' })).toMatchObject({ error: { code: 'no_code' } });
    expect(run(tx, phone, 'issueDeliveryCode', { orderId: o.id, code: '4821' })).toMatchObject({ error: { code: 'forbidden' } });
    expect(run(tx, 'u-dispatcher', 'issueDeliveryCode', { orderId: o.id, code: '48a1' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, 'u-dispatcher', 'issueDeliveryCode', { orderId: o.id, code: '4821' }).result).toBe('applied');
    expect(run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'code', code: '4822' })).toMatchObject({ error: { code: 'code_mismatch' } });
    expect(run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' })).toMatchObject({ error: { code: 'proof_required' } });
    expect(run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'code', code: ' 4821 ' }).result).toBe('applied');
    expect(run(tx, phone, 'setStatus', { orderId: o.id, to: 'delivered', source: 'driver' }).result).toBe('applied');
    expect(run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: 'code', code: '4821' })).toMatchObject({ error: { code: 'bad_state' } });
  });

  it('refuses __proto__ and unknown kinds as bad args', () => {
    const tx = fakeWorld();
    const o = orderAt(tx, '1', 'in_transit');
    expect(run(tx, phone, 'addDeliveryProof', { orderId: o.id, kind: '__proto__', fileId: 'x' })).toMatchObject({ error: { code: 'bad_args' } });
    expect(run(tx, phone, 'addDeliveryProof', { orderId: '__proto__', kind: 'photo', fileId: 'x' })).toMatchObject({ error: { code: 'not_found' } });
  });
});
