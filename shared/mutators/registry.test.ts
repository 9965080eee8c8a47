import { describe, it, expect } from 'vitest';
import { USER_ROLES, type UserRole } from '../domain/vocabulary';
import { fakeWorld, run } from '../testing/fake-world';
import { isMutatorName, MUTATORS, runMutator } from './registry';
import { mutationIdFactory, type MutationActor } from './mutator-tx';

describe('MUTATORS registry', () => {
  it('holds every intent the issue names', () => {
    expect(Object.keys(MUTATORS).sort()).toEqual(
      [
        'addCarrierLane', 'addCarrierOffer', 'addCarrierVehicle', 'addComment', 'assignDriver', 'cancelOrder', 'confirmOrder',
        'createCarrier', 'createOrder', 'editCarrier', 'markPicked', 'recordCarrierDeal', 'reportProblem', 'resolveProblem',
        'setDriverShift', 'setStatus', 'setSubMark', 'unassignDriver',
        'acknowledgeAlert', 'updateSlaPolicy', 'updateRegionCalendar', 'setCustomerVip',
        // Carrier database refinements (issue 6).
        'setCarrierSecurityCheck', 'setCarrierBlacklisted', 'editCarrierVehicle', 'removeCarrierVehicle', 'removeCarrierLane', 'importCarriers',
        // Proof of delivery (issue 18).
        'setDeliveryProofRule', 'issueDeliveryCode', 'addDeliveryProof',
        // Customer messages and tracking (issue 15).
        'updateMessageRule', 'setMessageServices', 'updateMessageSettings', 'setCustomerMessagePrefs', 'setMyNotifyPrefs', 'sendTrackingLink',
        // Orders coming in (issue 14).
        'editOrder', 'correctStatus', 'undoCorrection', 'recordPayment', 'setChecklistPolicy', 'importOrders',
        // Handing orders to carriers and courier services (issue 16).
        'handToCarrier', 'handToCourier', 'handToOwnFleet', 'recordCourierShipment',
        // The "nobody started the day" check per warehouse (issue 18).
        'setWarehouseShiftStartAlert',
        // The supervisors' daily summary by e-mail (issue 17).
        'setDailySummary',
      ].sort(),
    );
    expect(isMutatorName('createOrder')).toBe(true);
    expect(isMutatorName('toString')).toBe(false);
  });

  it('rejects an unknown name without throwing', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'dropEverything', {})).toMatchObject({ result: 'rejected', error: { code: 'unknown_mutator' } });
    expect(run(tx, 'u-admin', '__proto__', {})).toMatchObject({ error: { code: 'unknown_mutator' } });
  });

  it('says which change it does not know, in at most 64 characters of its name, with no details', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'splitOrder', {})).toStrictEqual({
      result: 'rejected',
      error: { code: 'unknown_mutator', message: 'Unknown change "splitOrder": this app version may be too new or too old' },
    });
    const out = run(tx, 'u-admin', `${'x'.repeat(64)}TAIL`, {});
    expect(out.result === 'rejected' && out.error.message).toBe(`Unknown change "${'x'.repeat(64)}": this app version may be too new or too old`);
  });

  it('role table: what each role may ask for at all', () => {
    const allowed = (role: UserRole): string[] =>
      Object.entries(MUTATORS)
        .filter(([, def]) => (def.actors as readonly string[]).includes(role))
        .map(([name]) => name)
        .sort();
    expect(allowed('warehouse')).toEqual(['markPicked', 'reportProblem', 'setSubMark']);
    expect(allowed('logistician')).toEqual(
      [
        'addCarrierLane', 'addCarrierOffer', 'addCarrierVehicle', 'addComment', 'confirmOrder', 'createCarrier', 'createOrder', 'editCarrier', 'recordCarrierDeal',
        'setCarrierSecurityCheck', 'setCarrierBlacklisted', 'editCarrierVehicle', 'removeCarrierVehicle', 'removeCarrierLane', 'importCarriers',
        'editOrder', 'importOrders',
        'handToCarrier', 'handToCourier', 'handToOwnFleet',
        // Only the carrier follow-ups addressed to them, and hearing of them outside the app (shared/alerts/alert-recipient.ts).
        'acknowledgeAlert', 'setMyNotifyPrefs',
      ].sort(),
    );
    // A shop's token: its own orders in, edits before pickup, payments; nothing else.
    expect(allowed('integration')).toEqual(['editOrder', 'createOrder', 'recordPayment', 'cancelOrder'].sort());
    expect(allowed('dispatcher')).not.toContain('createCarrier');
    for (const role of USER_ROLES) expect(allowed(role).length).toBeGreaterThan(0);
    // Only the server records what a courier service's API answered.
    expect(allowed('admin')).toEqual(Object.keys(MUTATORS).filter((n) => n !== 'recordCourierShipment').sort());
  });

  it('lets a non-rejection exception through (a bug, not a business answer)', () => {
    const tx = fakeWorld();
    const actor: MutationActor = { id: 'u-admin', name: 'Admin', actor: 'admin', role: 'admin' };
    tx.get = () => {
      throw new Error('disk on fire');
    };
    expect(() => runMutator(tx, 'addComment', { orderId: 'o', text: 'x' }, { actor, at: 0, now: 0, newId: mutationIdFactory('c', 1) })).toThrow('disk on fire');
  });

  it('mints the same ids on both sides for the same (clientId, mid)', () => {
    const a = mutationIdFactory('desk-1', 7);
    const b = mutationIdFactory('desk-1', 7);
    expect([a(), a()]).toEqual([b(), b()]);
    expect(mutationIdFactory('desk-1', 8)()).not.toBe(mutationIdFactory('desk-1', 7)());
  });
});
