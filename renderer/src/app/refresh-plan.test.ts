import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRefreshScheduler, planRefresh, REFRESH_DELAY_MS } from './refresh-plan';

describe('planRefresh', () => {
  it('refreshes the order views on order changes, the card only if it is the open order', () => {
    const e = { tables: ['orders' as const], ids: { orders: ['o1'] }, all: false };
    expect([...planRefresh(e, null)].sort()).toEqual(['drivers', 'orders', 'pickList', 'points', 'problems']);
    expect(planRefresh(e, 'o1').has('card')).toBe(true);
    expect(planRefresh(e, 'o2').has('card')).toBe(false);
  });

  it('refreshes the open card on any timeline change', () => {
    expect([...planRefresh({ tables: ['order_events'], ids: { order_events: ['e1'] }, all: false }, 'o1')]).toEqual(['card']);
    expect(planRefresh({ tables: ['order_events'], ids: {}, all: false }, null).size).toBe(0);
  });

  it("re-reads the open card's customer messages when a customer's choices change", () => {
    expect([...planRefresh({ tables: ['customer_prefs'], ids: { customer_prefs: ['c1'] }, all: false }, 'o1')]).toEqual(['card']);
    expect(planRefresh({ tables: ['customer_prefs'], ids: {}, all: false }, null).size).toBe(0);
  });

  it('maps reference tables to their views', () => {
    expect(planRefresh({ tables: ['warehouses'], ids: {}, all: false }, null)).toEqual(new Set(['warehouses', 'slaSettings']));
    expect(planRefresh({ tables: ['users'], ids: {}, all: false }, null)).toEqual(new Set(['session', 'myNotify', 'dailySummary']));
    expect(planRefresh({ tables: ['alerts'], ids: { alerts: ['a1'] }, all: false }, null)).toEqual(new Set(['alerts']));
    expect(planRefresh({ tables: ['drivers'], ids: {}, all: false }, null)).toEqual(new Set(['drivers', 'orders']));
  });

  it('re-reads the Carriers tab on any carrier table, and nothing of the console', () => {
    for (const table of ['carriers', 'carrier_vehicles', 'carrier_lanes', 'carrier_offers', 'carrier_deals'] as const) {
      expect(planRefresh({ tables: [table], ids: {}, all: false }, 'o1')).toEqual(new Set(['carriers']));
    }
  });

  it('reloads the session (countdown policies) and the SLA views when an admin edits a policy', () => {
    expect(planRefresh({ tables: ['sla_policies'], ids: {}, all: false }, null)).toEqual(new Set(['session', 'orders', 'problems', 'slaSettings']));
    expect(planRefresh({ tables: ['sla_policies'], ids: {}, all: false }, 'o1').has('card')).toBe(true);
  });

  it('reloads the session (countdown calendars) and the SLA views when an admin edits a region calendar', () => {
    expect(planRefresh({ tables: ['regions'], ids: {}, all: false }, null)).toEqual(new Set(['session', 'orders', 'problems', 'slaSettings']));
  });

  it('re-reads the SLA rules tab on its VIP customers and proof rules', () => {
    expect(planRefresh({ tables: ['customers'], ids: {}, all: false }, null)).toEqual(new Set(['slaSettings']));
    expect(planRefresh({ tables: ['delivery_proof_rules'], ids: {}, all: false }, null)).toEqual(new Set(['slaSettings']));
  });

  it("re-reads the open card's proofs on any proof, code or proof-rule change, and nothing without a card", () => {
    for (const table of ['delivery_proofs', 'delivery_codes'] as const) {
      expect(planRefresh({ tables: [table], ids: {}, all: false }, 'o1')).toEqual(new Set(['proofs']));
      expect(planRefresh({ tables: [table], ids: {}, all: false }, null).size).toBe(0);
    }
    expect(planRefresh({ tables: ['delivery_proof_rules'], ids: {}, all: false }, 'o1')).toEqual(new Set(['slaSettings', 'proofs']));
  });

  it('re-reads the settings forms on their own rows: my notifications, the daily summary and its recipients', () => {
    expect(planRefresh({ tables: ['staff_notify_prefs'], ids: {}, all: false }, 'o1')).toEqual(new Set(['myNotify', 'dailySummary']));
    expect(planRefresh({ tables: ['daily_summary_settings'], ids: {}, all: false }, 'o1')).toEqual(new Set(['dailySummary']));
  });

  it('re-reads the Customer messages tab on its rules and quiet hours', () => {
    expect(planRefresh({ tables: ['message_rules'], ids: {}, all: false }, 'o1')).toEqual(new Set(['customerMessages']));
    expect(planRefresh({ tables: ['message_settings'], ids: {}, all: false }, null)).toEqual(new Set(['customerMessages']));
  });

  it('re-reads the SLA rules tab on the confirmation checklist rules', () => {
    expect(planRefresh({ tables: ['checklist_policies'], ids: {}, all: false }, 'o1')).toEqual(new Set(['slaSettings']));
  });

  it('reloads everything after a snapshot', () => {
    expect(planRefresh({ tables: [], ids: {}, all: true }, null).size).toBe(Object.keys(REFRESH_DELAY_MS).length);
  });
});

describe('refresh scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('runs each target once per window, the urgent ones first', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    const s = createRefreshScheduler((t) => ran.push(t));
    for (let i = 0; i < 50; i++) s.schedule(['orders', 'drivers']);
    vi.advanceTimersByTime(REFRESH_DELAY_MS.orders);
    expect(ran).toEqual(['orders']);
    vi.advanceTimersByTime(REFRESH_DELAY_MS.drivers);
    expect(ran).toEqual(['orders', 'drivers']);
    s.schedule(['orders']);
    s.cancel();
    vi.advanceTimersByTime(10_000);
    expect(ran).toEqual(['orders', 'drivers']);
  });
});
