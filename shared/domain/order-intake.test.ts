// The delivery window and deadline rules of order-intake.ts, read directly: a mutation run
// showed the form-level tests never told one window refusal from another, nor the edges.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from './sla-policy';
import { DEFAULT_KZ_CALENDAR } from './working-calendar';
import { WINDOW_MAX_MS, WINDOW_MIN_MS, orderDeadline, windowProblem } from './order-intake';

const T = Date.UTC(2026, 2, 3, 5, 0); // Tuesday 10:00 in Astana

describe('windowProblem', () => {
  it('takes no window at all, and a window of exactly 30 minutes or 7 days', () => {
    expect(windowProblem(null, null)).toBeNull();
    expect(windowProblem(T, T + WINDOW_MIN_MS)).toBeNull();
    expect(windowProblem(T, T + WINDOW_MAX_MS)).toBeNull();
  });

  it('needs both ends of a window', () => {
    expect(windowProblem(T, null)).toBe('give both the start and the end of the window');
    expect(windowProblem(null, T)).toBe('give both the start and the end of the window');
  });

  it('refuses a window a minute too short or a minute too long, in words', () => {
    expect(windowProblem(T, T + WINDOW_MIN_MS - 60_000)).toBe('the window must be at least 30 minutes long');
    expect(windowProblem(T, T - 60_000)).toBe('the window must be at least 30 minutes long');
    expect(windowProblem(T, T + WINDOW_MAX_MS + 60_000)).toBe('the window must be at most 7 days long');
  });
});

describe('orderDeadline', () => {
  const base = { serviceType: 'standard' as const, vipNormMinutes: null, customerVipNormMinutes: null };
  it('has no deadline before confirmation, even with a window', () => {
    expect(orderDeadline({ ...base, confirmedAt: null, windowEnd: T + 3_600_000 }, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR)).toBeNull();
  });
  it('promises the window end when there is one, the norm otherwise', () => {
    expect(orderDeadline({ ...base, confirmedAt: T, windowEnd: T + 3_600_000 }, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR)).toBe(T + 3_600_000);
    const byNorm = orderDeadline({ ...base, confirmedAt: T, windowEnd: null }, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR);
    expect(byNorm).toBeGreaterThan(T);
  });
});
