// Proof of delivery read from the replica: the kinds an order's service requires, its proofs
// oldest first, its code; no order is null; a service without a stored rule requires nothing.
import { describe, expect, it } from 'vitest';
import { deliveryCodes, deliveryProofRules, deliveryProofs } from '../../../shared/schema';
import { eachFixtureReplica, T0 } from '../../testing/fixture-replica';
import { orderProofs, proofRules } from './delivery-proofs';

const fx = eachFixtureReplica();

describe('delivery proofs', () => {
  it('gives the required kinds, the proofs oldest first and the code', () => {
    fx().addOrder({ id: 'o1', serviceType: 'express' });
    const db = fx().replica.db;
    db.insert(deliveryProofRules).values({ id: 'express', photo: true, signature: false, code: true, updatedAt: T0 }).run();
    db.insert(deliveryProofs)
      .values([
        { id: 'o1:code', orderId: 'o1', kind: 'code', fileId: null, at: T0 + 2, actorName: 'Driver A', updatedAt: T0 },
        { id: 'o1:photo', orderId: 'o1', kind: 'photo', fileId: 'f-1', at: T0 + 1, actorName: 'Driver A', updatedAt: T0 },
      ])
      .run();
    db.insert(deliveryCodes).values({ id: 'o1', code: '004217', issuedAt: T0, updatedAt: T0 }).run();
    expect(orderProofs(fx().replica, 'o1')).toEqual({
      required: ['photo', 'code'],
      proofs: [
        { kind: 'photo', fileId: 'f-1', at: T0 + 1, actorName: 'Driver A' },
        { kind: 'code', fileId: null, at: T0 + 2, actorName: 'Driver A' },
      ],
      code: '004217',
    });
  });

  it('is null for an order the replica does not hold, and requires nothing without a rule', () => {
    fx().addOrder({ id: 'o2', serviceType: 'standard' });
    expect(orderProofs(fx().replica, 'nope')).toBeNull();
    expect(orderProofs(fx().replica, 'o2')).toEqual({ required: [], proofs: [], code: null });
    expect(proofRules(fx().replica).find((r) => r.serviceType === 'standard')).toEqual({ serviceType: 'standard', photo: false, signature: false, code: false });
    expect(proofRules(fx().replica).map((r) => r.serviceType)).toEqual(['express', 'standard', 'intercity']);
  });
});
