// The admin's SLA edits and acknowledging an alert, run the way both sides run mutators
// (rejected -> rolled back). Issue 20: the mutation run showed the refusals' details, the
// calendar's normal form and the VIP no-op could change with every test green.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import type { AlertRow, SlaPolicyRow } from '../schema';
import { fakeWorld, orderAt, run, T0 } from '../testing/fake-world';
import { planAlerts, type AlertOrder } from './decide-alerts';
import { calendarOfRegion, calendarOrDefault, policyOfRow, rowOfPolicy, slaPoliciesFrom, slaPoliciesFromRows } from './sla-policy-rows';

describe('updateSlaPolicy', () => {
  it('stores a valid policy and refuses an invalid one naming the field, changing nothing', () => {
    const tx = fakeWorld();
    const express = { ...DEFAULT_SLA_POLICIES.express, normMinutes: 300 };
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: express }).result).toBe('applied');
    expect(tx.get('sla_policies', 'express')).toMatchObject({ normMinutes: 300, updatedBy: 'u-admin', updatedAt: T0 });
    const bad = run(tx, 'u-admin', 'updateSlaPolicy', { policy: { ...express, normMinutes: 10 } });
    expect(bad).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { problems: [{ field: 'normMinutes', code: 'below_min' }] } } });
    expect(bad.result === 'rejected' && bad.error.message).toMatch(/^Invalid express SLA policy: normMinutes/);
    expect(tx.get('sla_policies', 'express')?.normMinutes).toBe(300);
  });
});

describe('updateSlaPolicy: the carrier-call interval (issue 16)', () => {
  it('stores an interval, switches it off with null, and keeps it when a client leaves it out', () => {
    const tx = fakeWorld();
    const intercity = { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes: 180 };
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: intercity }).result).toBe('applied');
    expect(tx.get('sla_policies', 'intercity')?.carrierCallMinutes).toBe(180);
    const { carrierCallMinutes: _left, ...older } = intercity;
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: { ...older, warnBeforeMinutes: 300 } }).result).toBe('applied');
    expect(tx.get('sla_policies', 'intercity')).toMatchObject({ carrierCallMinutes: 180, warnBeforeMinutes: 300 });
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: { ...intercity, carrierCallMinutes: null } }).result).toBe('applied');
    expect(tx.get('sla_policies', 'intercity')?.carrierCallMinutes).toBeNull();
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: older }).result).toBe('applied');
    expect(tx.get('sla_policies', 'intercity')?.carrierCallMinutes).toBeNull();
    // No row yet: the shipped default is kept.
    const { carrierCallMinutes: _d, ...standard } = DEFAULT_SLA_POLICIES.standard;
    expect(run(tx, 'u-admin', 'updateSlaPolicy', { policy: standard }).result).toBe('applied');
    expect(tx.get('sla_policies', 'standard')?.carrierCallMinutes).toBe(120);
    expect(slaPoliciesFrom((k) => tx.get('sla_policies', k)).standard.carrierCallMinutes).toBe(120);
  });

  it('refuses zero, negative, fractional and huge intervals naming the field, changing nothing', () => {
    const tx = fakeWorld();
    const policy = (carrierCallMinutes: unknown) => ({ policy: { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes } });
    for (const [value, code] of [
      [0, 'below_min'],
      [10, 'below_min'],
      [7 * 24 * 60 + 1, 'above_max'],
    ] as const) {
      const out = run(tx, 'u-admin', 'updateSlaPolicy', policy(value));
      expect(out, String(value)).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { problems: [{ field: 'carrierCallMinutes', code }] } } });
      expect(out.result === 'rejected' && out.error.message).toMatch(/^Invalid intercity SLA policy: carrierCallMinutes: must be/);
    }
    for (const value of [-60, 1.5, 1e12, '60', Number.NaN]) {
      expect(run(tx, 'u-admin', 'updateSlaPolicy', policy(value)), String(value)).toMatchObject({
        result: 'rejected',
        error: { code: 'bad_args', details: { field: 'policy.carrierCallMinutes' } },
      });
    }
    expect(tx.get('sla_policies', 'intercity')).toBeUndefined();
    expect(run(tx, 'u-dispatcher', 'updateSlaPolicy', policy(60))).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('updateRegionCalendar', () => {
  it('keeps fields left out, de-duplicates and sorts days and holidays', () => {
    const tx = fakeWorld();
    const out = run(tx, 'u-admin', 'updateRegionCalendar', { regionId: 'astana', workingDays: [5, 1, 3, 3], holidays: ['2025-05-09', '2025-03-21', '2025-05-09'] }, T0 + 7);
    expect(out.result).toBe('applied');
    expect(tx.get('regions', 'astana')).toMatchObject({
      workingDays: [1, 3, 5],
      holidays: ['2025-03-21', '2025-05-09'],
      workStartMinute: 9 * 60,
      workEndMinute: 18 * 60,
      utcOffsetMinutes: 300,
      updatedAt: T0 + 7,
    });
    expect(run(tx, 'u-admin', 'updateRegionCalendar', { regionId: 'astana', workingDays: [7, 2, 6, 1] }).result).toBe('applied');
    expect(tx.get('regions', 'astana')?.workingDays).toEqual([1, 2, 6, 7]);
  });

  it('refuses an unknown region and a broken calendar with the reasons, changing nothing', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'updateRegionCalendar', { regionId: 'nowhere', workStartMinute: 600 })).toEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'Region nowhere does not exist', details: { field: 'regionId', regionId: 'nowhere' } },
    });
    const bad = run(tx, 'u-admin', 'updateRegionCalendar', { regionId: 'astana', holidays: ['2025-02-30'] });
    expect(bad).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { problems: ['holidays: 2025-02-30 is not a real date'] } } });
    expect(bad.result === 'rejected' && bad.error.message).toBe('Invalid calendar for Astana: holidays: 2025-02-30 is not a real date');
    const two = run(tx, 'u-admin', 'updateRegionCalendar', { regionId: 'astana', holidays: ['2025-02-30', '2025-02-31'] });
    expect(two.result === 'rejected' && two.error.message).toMatch(/2025-02-30 is not a real date; holidays: 2025-02-31/);
    expect(tx.get('regions', 'astana')?.holidays).toEqual([]);
  });
});

describe('setCustomerVip', () => {
  function withCustomer() {
    const tx = fakeWorld();
    tx.put('customers', { id: 'c1', name: 'ТОО Ромашка', phone: '+77011112233', email: null, vipNormMinutes: null, updatedAt: T0 });
    return { tx, id: 'c1' };
  }

  it('sets and clears a contract norm, and a repeat changes nothing', () => {
    const { tx, id } = withCustomer();
    expect(run(tx, 'u-admin', 'setCustomerVip', { customerId: id, vipNormMinutes: 120 }, T0 + 1).result).toBe('applied');
    expect(tx.get('customers', id)).toMatchObject({ vipNormMinutes: 120, updatedAt: T0 + 1 });
    run(tx, 'u-admin', 'setCustomerVip', { customerId: id, vipNormMinutes: 120 }, T0 + 2);
    expect(tx.get('customers', id)?.updatedAt).toBe(T0 + 1);
    run(tx, 'u-admin', 'setCustomerVip', { customerId: id, vipNormMinutes: null }, T0 + 3);
    expect(tx.get('customers', id)).toMatchObject({ vipNormMinutes: null, updatedAt: T0 + 3 });
  });

  it('refuses a norm under the limit and an unknown customer with details', () => {
    const { tx, id } = withCustomer();
    expect(run(tx, 'u-admin', 'setCustomerVip', { customerId: id, vipNormMinutes: 5 })).toMatchObject({
      result: 'rejected',
      error: { code: 'bad_args', details: { problems: [{ field: 'vipNormMinutes', code: 'below_min', min: 30 }] } },
    });
    expect(run(tx, 'u-admin', 'setCustomerVip', { customerId: 'c-none', vipNormMinutes: null })).toEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'Customer c-none does not exist', details: { field: 'customerId', customerId: 'c-none' } },
    });
    expect(tx.get('customers', id)?.vipNormMinutes).toBeNull();
  });
});

describe('acknowledgeAlert', () => {
  function withAlert() {
    const tx = fakeWorld();
    const o = orderAt(tx, 'MR-1', 'confirmed');
    const deadline = o.slaDeadline ?? 0;
    const people = { dispatcherId: null, dispatcherName: null, supervisorId: null, supervisorName: null, directorPhone: null };
    const [alert] = planAlerts(o as AlertOrder, [], deadline + 60_000, { policies: DEFAULT_SLA_POLICIES, calendar: DEFAULT_KZ_CALENDAR }, () => people).create.filter((a) => a.state === 'open');
    if (alert === undefined) throw new Error('no open alert');
    tx.put('alerts', alert);
    return { tx, alert };
  }

  it('acknowledges once: the first person and time stay', () => {
    const { tx, alert } = withAlert();
    expect(run(tx, 'u-dispatcher', 'acknowledgeAlert', { alertId: alert.id }, T0 + 10).result).toBe('applied');
    expect(tx.get('alerts', alert.id)).toMatchObject({ state: 'acknowledged', acknowledgedAt: T0 + 10, acknowledgedBy: 'u-dispatcher', acknowledgedByName: 'Dispatcher Aigerim' });
    run(tx, 'u-supervisor', 'acknowledgeAlert', { alertId: alert.id }, T0 + 20);
    expect(tx.get('alerts', alert.id)).toMatchObject({ acknowledgedAt: T0 + 10, acknowledgedBy: 'u-dispatcher' });
  });

  it('keeps a resolved alert resolved when someone acknowledges it late', () => {
    const { tx, alert } = withAlert();
    const resolved: AlertRow = { ...alert, state: 'resolved', resolution: 'order_finished', resolvedAt: T0 + 5 };
    tx.put('alerts', resolved);
    run(tx, 'u-dispatcher', 'acknowledgeAlert', { alertId: alert.id }, T0 + 10);
    expect(tx.get('alerts', alert.id)).toMatchObject({ state: 'resolved', acknowledgedBy: 'u-dispatcher' });
  });

  it('refuses an unknown alert by its id, and people off the desk', () => {
    const { tx, alert } = withAlert();
    expect(run(tx, 'u-dispatcher', 'acknowledgeAlert', { alertId: 'al:none' })).toEqual({
      result: 'rejected',
      error: { code: 'not_found', message: 'Alert al:none does not exist', details: { field: 'alertId', alertId: 'al:none' } },
    });
    expect(run(tx, 'u-warehouse', 'acknowledgeAlert', { alertId: alert.id })).toMatchObject({ error: { code: 'forbidden' } });
    expect(tx.get('alerts', alert.id)?.acknowledgedAt).toBeNull();
  });
});

describe('stored policy rows', () => {
  const row = (patch: Partial<SlaPolicyRow>): SlaPolicyRow => ({ ...rowOfPolicy(DEFAULT_SLA_POLICIES.express, T0, 'u-admin'), ...patch });

  it('round-trips a policy, with its own copy of the actions', () => {
    const policy = { ...DEFAULT_SLA_POLICIES.vip, breachActions: ['sms_director', 'call_customer'] as const };
    const stored = rowOfPolicy(policy, T0, null);
    expect(stored.breachActions).toEqual(['sms_director', 'call_customer']);
    expect(stored.breachActions).not.toBe(policy.breachActions);
    expect(policyOfRow(stored)).toEqual(policy);
  });

  it('takes a stored row over the default, and falls back when the row is broken or under another key', () => {
    expect(slaPoliciesFromRows([row({ normMinutes: 300 })]).express.normMinutes).toBe(300);
    expect(slaPoliciesFromRows([row({ normMinutes: -5 as number })]).express).toEqual(DEFAULT_SLA_POLICIES.express);
    // A row sets the policy its id names, whatever its numbers were copied from.
    const mislabelled = { ...row({ normMinutes: 300 }), id: 'standard' as const };
    const parsed = slaPoliciesFromRows([mislabelled]);
    expect(parsed.standard.key).toBe('standard');
    expect(parsed.express).toEqual(DEFAULT_SLA_POLICIES.express);
  });

  it('reads rows through any getter, skipping the missing ones', () => {
    const asked: string[] = [];
    const policies = slaPoliciesFrom((key) => (asked.push(key), key === 'express' ? row({ normMinutes: 300 }) : undefined));
    expect(asked).toEqual(Object.keys(DEFAULT_SLA_POLICIES));
    expect(policies.express.normMinutes).toBe(300);
    expect(policies.standard).toEqual(DEFAULT_SLA_POLICIES.standard);
  });

  it('uses the region calendar when it is valid, else the Kazakhstan default', () => {
    const region = { id: 'r', name: 'R', utcOffsetMinutes: 360, workingDays: [1, 2, 3], workStartMinute: 480, workEndMinute: 1020, holidays: ['2025-01-01'], updatedAt: T0 };
    expect(calendarOfRegion(region)).toEqual({ utcOffsetMinutes: 360, workingDays: [1, 2, 3], workStartMinute: 480, workEndMinute: 1020, holidays: ['2025-01-01'] });
    expect(calendarOfRegion(undefined)).toBe(DEFAULT_KZ_CALENDAR);
    expect(calendarOfRegion(null)).toBe(DEFAULT_KZ_CALENDAR);
    expect(calendarOrDefault({ ...region, holidays: ['2025-02-30'] })).toBe(DEFAULT_KZ_CALENDAR);
  });
});
