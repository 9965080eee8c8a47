import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OrderRow } from '../schema/orders';
import type { RegionRow } from '../schema/fleet';
import type { WorkingCalendar } from './working-calendar';
import type { ReminderOrder } from './processing-reminders';
import type { SlaPolicies } from './sla-policy';
import { DEFAULT_SLA_POLICIES, resolveSlaPolicy, slaPoliciesSchema } from './sla-policy';
import type { SlaOrder } from './sla-engine';
import { computeDeadline, slaStatus } from './sla-engine';
import { DEFAULT_KZ_CALENDAR, localToUtc } from './working-calendar';

const KZ = DEFAULT_KZ_CALENDAR;
const P = DEFAULT_SLA_POLICIES;
const local = (m: number, d: number, h = 0, min = 0) => localToUtc(KZ, 2026, m, d, h, min);
const MIN = 60_000;

function order(over: Partial<SlaOrder>): SlaOrder {
  return { status: 'confirmed', serviceType: 'express', vipNormMinutes: null, confirmedAt: local(3, 2, 9), deliveredAt: null, ...over };
}

describe('policies', () => {
  it('ship the brief figures, all valid by the schema', () => {
    expect(slaPoliciesSchema.safeParse(P).success).toBe(true);
    expect([P.express.normMinutes, P.standard.normMinutes, P.intercity.normMinutes, P.vip.normMinutes]).toEqual([240, 1440, 4320, null]);
    expect([P.express.warnBeforeMinutes, P.standard.warnBeforeMinutes, P.intercity.warnBeforeMinutes, P.vip.warnBeforeMinutes]).toEqual([60, 120, 360, 120]);
    for (const p of Object.values(P)) expect(p.supervisorWarnBeforeMinutes).toBe(30);
  });

  it('apply VIP with the contract norm and the base type time basis; order norm wins over customer norm', () => {
    expect(resolveSlaPolicy({ serviceType: 'standard', vipNormMinutes: 600 }, P)).toMatchObject({ key: 'vip', normMinutes: 600, timeBasis: 'working_days', warnBeforeMinutes: 120 });
    expect(resolveSlaPolicy({ serviceType: 'express', customerVipNormMinutes: 180 }, P)).toMatchObject({ key: 'vip', normMinutes: 180, timeBasis: 'working_hours' });
    expect(resolveSlaPolicy({ serviceType: 'intercity', vipNormMinutes: 100, customerVipNormMinutes: 200 }, P)).toMatchObject({ normMinutes: 100, timeBasis: 'calendar' });
    expect(resolveSlaPolicy({ serviceType: 'express', vipNormMinutes: 0 }, P).key).toBe('express');
  });

  it('refuse a broken policy with a clear error', () => {
    const broken: SlaPolicies = { ...P, express: { ...P.express, normMinutes: null } };
    expect(() => computeDeadline({ serviceType: 'express', confirmedAt: 0 }, broken, KZ)).toThrow(/needs a positive norm/);
  });
});

describe('computeDeadline for every service type', () => {
  it('returns null for an unconfirmed order', () => {
    expect(computeDeadline({ serviceType: 'express', confirmedAt: null }, P, KZ)).toBeNull();
  });

  it('express: 4 working hours; Friday 17:30 local (12:30 UTC) is due Monday 12:30', () => {
    const confirmedAt = Date.UTC(2026, 1, 27, 12, 30);
    expect(confirmedAt).toBe(local(2, 27, 17, 30));
    expect(computeDeadline({ serviceType: 'express', confirmedAt }, P, KZ)).toBe(local(3, 2, 12, 30));
  });

  it('express across a holiday: Friday 6 March 17:30 is due Tuesday 10 March 12:30', () => {
    expect(computeDeadline({ serviceType: 'express', confirmedAt: local(3, 6, 17, 30) }, P, KZ)).toBe(local(3, 10, 12, 30));
  });

  it('standard: 24 h of working days; Friday 10:00 is due Monday 10:00, across Nauryz Thursday', () => {
    expect(computeDeadline({ serviceType: 'standard', confirmedAt: local(2, 27, 10) }, P, KZ)).toBe(local(3, 2, 10));
    expect(computeDeadline({ serviceType: 'standard', confirmedAt: local(3, 20, 15) }, P, KZ)).toBe(local(3, 26, 15));
  });

  it('intercity: 72 calendar hours, weekends and holidays included', () => {
    expect(computeDeadline({ serviceType: 'intercity', confirmedAt: local(3, 20, 15) }, P, KZ)).toBe(local(3, 23, 15));
  });

  it('VIP overrides the norm: 3 working hours for a VIP express order', () => {
    expect(computeDeadline({ serviceType: 'express', vipNormMinutes: 180, confirmedAt: local(3, 2, 17) }, P, KZ)).toBe(local(3, 3, 11));
  });

  it('uses policies passed in, not the defaults', () => {
    const faster: SlaPolicies = { ...P, express: { ...P.express, normMinutes: 120, timeBasis: 'calendar' } };
    expect(computeDeadline({ serviceType: 'express', confirmedAt: local(3, 2, 17) }, faster, KZ)).toBe(local(3, 2, 19));
  });
});

describe('slaStatus boundaries (express confirmed Monday 09:00: warn 12:00, critical 12:30, deadline 13:00)', () => {
  const o = order({});
  const at = (h: number, m: number, ms = 0) => slaStatus(o, local(3, 2, h, m) + ms, P, KZ);
  const cases: [string, number, number, number, string][] = [
    ['just before warning', 11, 59, 59_999, 'ok'],
    ['at warning', 12, 0, 0, 'warning'],
    ['just after warning', 12, 0, 1, 'warning'],
    ['just before critical', 12, 29, 59_999, 'warning'],
    ['at critical', 12, 30, 0, 'critical'],
    ['just after critical', 12, 30, 1, 'critical'],
    ['just before the deadline', 12, 59, 59_999, 'critical'],
    ['at the deadline', 13, 0, 0, 'critical'],
    ['just after the deadline', 13, 0, 1, 'breached'],
  ];
  for (const [name, h, m, ms, state] of cases) {
    it(`${name}: ${state}`, () => expect(at(h, m, ms).state).toBe(state));
  }

  it('reports deadline, thresholds, msLeft and the next change', () => {
    expect(at(11, 0)).toMatchObject({
      state: 'ok',
      deadline: local(3, 2, 13),
      warnAt: local(3, 2, 12),
      criticalAt: local(3, 2, 12, 30),
      msLeft: 120 * MIN,
      nextChangeAt: local(3, 2, 12),
    });
    expect(at(12, 45).nextChangeAt).toBe(local(3, 2, 13) + 1);
    expect(at(14, 0)).toMatchObject({ state: 'breached', msLeft: -60 * MIN, nextChangeAt: null });
  });
});

describe('slaStatus by order state', () => {
  const now = local(3, 2, 12, 10);
  it('is none for cancelled and unconfirmed orders', () => {
    expect(slaStatus(order({ status: 'cancelled' }), now, P, KZ).state).toBe('none');
    expect(slaStatus(order({ status: 'new', confirmedAt: null }), now, P, KZ)).toMatchObject({ state: 'none', deadline: null, policy: null });
    expect(slaStatus(order({ status: 'problem', confirmedAt: null }), now, P, KZ).state).toBe('none');
  });

  it('counts from a stored deadline even when the confirmation time is missing', () => {
    // A row synced from the server carries its deadline; an order without one shows nothing.
    const status = slaStatus(order({ status: 'in_transit', confirmedAt: null, slaDeadline: local(3, 2, 13) }), now, P, KZ);
    expect(status).toMatchObject({ state: 'warning', deadline: local(3, 2, 13) });
  });

  it('keeps counting while an order is a problem', () => {
    expect(slaStatus(order({ status: 'problem' }), now, P, KZ).state).toBe('warning');
  });

  it('judges delivered and closed orders by deliveredAt, whatever the time now', () => {
    const late = local(3, 5, 12);
    expect(slaStatus(order({ status: 'delivered', deliveredAt: local(3, 2, 13) }), late, P, KZ)).toMatchObject({ state: 'met', msLeft: 0 });
    expect(slaStatus(order({ status: 'closed', deliveredAt: local(3, 2, 13) + 1 }), late, P, KZ)).toMatchObject({ state: 'breached', msLeft: -1 });
    expect(slaStatus(order({ status: 'delivered', deliveredAt: null }), late, P, KZ).state).toBe('none');
  });

  it('uses the stored deadline over a recomputation', () => {
    const s = slaStatus(order({ slaDeadline: local(3, 2, 16) }), now, P, KZ);
    expect(s).toMatchObject({ state: 'ok', deadline: local(3, 2, 16), warnAt: local(3, 2, 15) });
  });

  it('counts thresholds in working hours across the night', () => {
    // Confirmed Monday 14:30: deadline Tuesday 09:30; 1 working hour before is Monday 17:30.
    const s = slaStatus(order({ confirmedAt: local(3, 2, 14, 30) }), local(3, 2, 17, 0), P, KZ);
    expect(s).toMatchObject({ state: 'ok', deadline: local(3, 3, 9, 30), warnAt: local(3, 2, 17, 30), criticalAt: local(3, 3, 9, 0) });
  });

  it('never puts a warning before the confirmation (short VIP norm)', () => {
    const s = slaStatus(order({ vipNormMinutes: 60 }), local(3, 2, 9, 0), P, KZ);
    expect(s).toMatchObject({ state: 'warning', warnAt: local(3, 2, 9), criticalAt: local(3, 2, 9, 30), deadline: local(3, 2, 10) });
  });

  it('accepts table rows as they are (checked by `npm run typecheck`, not at run time)', () => {
    expectTypeOf<OrderRow>().toExtend<SlaOrder>();
    expectTypeOf<OrderRow>().toExtend<ReminderOrder>();
    expectTypeOf<RegionRow>().toExtend<WorkingCalendar>();
  });

  it('accepts an OrderRow as is', () => {
    const row = { status: 'in_transit', serviceType: 'intercity', vipNormMinutes: null, confirmedAt: local(3, 2, 9), deliveredAt: null, slaDeadline: null } as unknown as OrderRow;
    expect(slaStatus(row, local(3, 2, 10), P, KZ).state).toBe('ok');
  });
});
