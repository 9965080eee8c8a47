// The checklist each service requires, read from a real replica file: the stored row in the
// vocabulary's order of items (unknown items from a newer version dropped), the default for a
// service without a row, and the card's single-service read agreeing with the settings list.
import { describe, expect, it } from 'vitest';
import { checklistPolicies } from '../../../shared/schema';
import type { ChecklistItem } from '../../../shared/domain/order-intake';
import { eachFixtureReplica, T0 } from '../../testing/fixture-replica';
import { checklistPolicyViews, requiredChecklistOf } from './checklist-policies';

const fx = eachFixtureReplica();

describe('checklist policies', () => {
  it('gives every service its stored items, and nothing required without a row', () => {
    fx().replica.db
      .insert(checklistPolicies)
      .values({ id: 'express', required: ['address_checked', 'flux_capacitor' as ChecklistItem, 'contacts_checked'], updatedBy: 'u-admin', updatedAt: T0 })
      .run();
    expect(checklistPolicyViews(fx().replica)).toEqual([
      { serviceType: 'express', required: ['contacts_checked', 'address_checked'] },
      { serviceType: 'standard', required: [] },
      { serviceType: 'intercity', required: [] },
    ]);
    expect(requiredChecklistOf(fx().replica, 'express')).toEqual(['contacts_checked', 'address_checked']);
    expect(requiredChecklistOf(fx().replica, 'intercity')).toEqual([]);
  });

  it('reads each service its own row, not the first one stored', () => {
    fx().replica.db
      .insert(checklistPolicies)
      .values([
        { id: 'intercity', required: ['payment_method'], updatedAt: T0 },
        { id: 'standard', required: ['stock_available'], updatedAt: T0 },
      ])
      .run();
    expect(checklistPolicyViews(fx().replica).map((v) => [v.serviceType, v.required])).toEqual([
      ['express', []],
      ['standard', ['stock_available']],
      ['intercity', ['payment_method']],
    ]);
    expect(requiredChecklistOf(fx().replica, 'standard')).toEqual(['stock_available']);
  });
});
