// The edges of the SLA policy rules that StrykerJS found unpinned: the schema's two cross-field
// refusals, a broken policy refused with a RangeError that names it, a VIP policy with its own
// time basis, and VIP norms that are not positive finite numbers ignored.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES, resolveSlaPolicy, slaPolicySchema, type SlaPolicies } from './sla-policy';

function issues(value: unknown): string[] {
  const parsed = slaPolicySchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe('slaPolicySchema', () => {
  it('lets only the vip policy inherit its time basis, saying why otherwise', () => {
    expect(issues({ ...DEFAULT_SLA_POLICIES.express, timeBasis: 'inherit' })).toEqual(['only the vip policy may inherit its time basis']);
    expect(issues(DEFAULT_SLA_POLICIES.vip)).toEqual([]);
    expect(issues({ ...DEFAULT_SLA_POLICIES.vip, timeBasis: 'calendar' })).toEqual([]);
  });

  it('requires a norm of every policy but vip, saying why', () => {
    expect(issues({ ...DEFAULT_SLA_POLICIES.standard, normMinutes: null })).toEqual(['a service type policy needs a norm']);
    expect(issues({ ...DEFAULT_SLA_POLICIES.vip, normMinutes: null })).toEqual([]);
    expect(issues(DEFAULT_SLA_POLICIES.standard)).toEqual([]);
  });
});

describe('resolveSlaPolicy on a broken policy set', () => {
  const broken = (patch: Partial<SlaPolicies['express']>): SlaPolicies => ({ ...DEFAULT_SLA_POLICIES, express: { ...DEFAULT_SLA_POLICIES.express, ...patch } });

  it('names an unknown service type', () => {
    expect(() => resolveSlaPolicy({ serviceType: 'teleport' as never }, DEFAULT_SLA_POLICIES)).toThrow(new RangeError('No SLA policy for service type "teleport"'));
  });

  it.each([0, -60, Number.NaN, Number.POSITIVE_INFINITY, null])('refuses a norm of %s', (normMinutes) => {
    expect(() => resolveSlaPolicy({ serviceType: 'express' }, broken({ normMinutes }))).toThrow(
      new RangeError('The SLA policy for "express" needs a positive norm and its own time basis'),
    );
  });

  it('refuses a norm that is a string, not a number', () => {
    expect(() => resolveSlaPolicy({ serviceType: 'express' }, broken({ normMinutes: '240' as never }))).toThrow(RangeError);
  });

  it('refuses a service type policy that inherits its time basis', () => {
    expect(() => resolveSlaPolicy({ serviceType: 'express' }, broken({ timeBasis: 'inherit' }))).toThrow(
      new RangeError('The SLA policy for "express" needs a positive norm and its own time basis'),
    );
  });
});

describe('resolveSlaPolicy for VIP orders', () => {
  it("uses the vip policy's own time basis when it has one", () => {
    const policies: SlaPolicies = { ...DEFAULT_SLA_POLICIES, vip: { ...DEFAULT_SLA_POLICIES.vip, timeBasis: 'calendar' } };
    expect(resolveSlaPolicy({ serviceType: 'express', vipNormMinutes: 90 }, policies).timeBasis).toBe('calendar');
    expect(resolveSlaPolicy({ serviceType: 'express', vipNormMinutes: 90 }, DEFAULT_SLA_POLICIES).timeBasis).toBe('working_hours');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -30, 0, '90'])('ignores an order VIP norm of %s and takes the customer’s', (vipNormMinutes) => {
    const resolved = resolveSlaPolicy({ serviceType: 'standard', vipNormMinutes: vipNormMinutes as number, customerVipNormMinutes: 120 }, DEFAULT_SLA_POLICIES);
    expect(resolved).toMatchObject({ key: 'vip', normMinutes: 120 });
  });

  it('falls back to the service type when neither VIP norm is usable', () => {
    const resolved = resolveSlaPolicy({ serviceType: 'standard', vipNormMinutes: Number.NaN, customerVipNormMinutes: '60' as never }, DEFAULT_SLA_POLICIES);
    expect(resolved).toMatchObject({ key: 'standard', normMinutes: 24 * 60 });
  });
});
