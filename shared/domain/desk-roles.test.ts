import { describe, expect, it } from 'vitest';
import { acknowledgeAlert } from '../alerts/alert-mutators';
import { DESK } from '../mutators/define-mutator';
import { allowedTransitions } from './order-status';
import { DESK_ROLES, isDeskRole, USER_ROLES } from './vocabulary';

describe('the desk roles', () => {
  it('are user roles, and only dispatcher, supervisor and admin', () => {
    for (const r of DESK_ROLES) expect(USER_ROLES).toContain(r);
    expect(USER_ROLES.filter(isDeskRole)).toEqual(['dispatcher', 'supervisor', 'admin']);
    expect(isDeskRole(null)).toBe(false);
    expect(isDeskRole('warehouse')).toBe(false);
  });

  it('are the same list for mutators, alerts and the status machine', () => {
    expect(DESK).toEqual(DESK_ROLES);
    // Alerts: the desk, and a logistician for the carrier follow-ups that are theirs (shared/alerts/alert-recipient.ts).
    expect(acknowledgeAlert.actors).toEqual([...DESK_ROLES, 'logistician']);
    // Only the desk may cancel a new order; and the shop that sent it (its own orders only, issue 14).
    const cancellers = USER_ROLES.filter((r) => allowedTransitions('new', r, { warehouseId: null, statusBeforeProblem: null }).includes('cancelled'));
    expect(cancellers).toEqual([...DESK_ROLES, 'integration']);
  });
});
