import { describe, expect, it } from 'vitest';
import { LOCAL_REPORT_DAYS, periodIsLocal, presetDays, resolvePeriod, reportQuerySchema } from './report-period';

const NOW = Date.UTC(2026, 2, 11, 7, 0); // Wednesday 11 March 2026, 12:00 in Astana
const NEAR_MIDNIGHT = Date.UTC(2026, 2, 10, 19, 30); // 00:30 on 11 March in Astana, still the 10th in UTC

describe('report periods', () => {
  it('presets follow the company clock, weeks start on Monday', () => {
    expect(presetDays('today', NOW)).toEqual({ from: '2026-03-11', to: '2026-03-11' });
    expect(presetDays('today', NEAR_MIDNIGHT)).toEqual({ from: '2026-03-11', to: '2026-03-11' });
    expect(presetDays('yesterday', NOW)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(presetDays('thisWeek', NOW)).toEqual({ from: '2026-03-09', to: '2026-03-11' });
    expect(presetDays('last30', NOW)).toEqual({ from: '2026-02-10', to: '2026-03-11' });
  });
  it('the previous period has as many days and ends where this one starts', () => {
    const r = resolvePeriod({ from: '2026-03-01', to: '2026-03-10' }, NOW);
    expect(r).toMatchObject({ ok: true, period: { days: 10, startMs: Date.UTC(2026, 1, 28, 19) }, previous: { from: '2026-02-19', to: '2026-02-28', days: 10 } });
  });
  it('refuses what is not a real day, naming the field', () => {
    expect(reportQuerySchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2026-03-01', to: '2026-03-01', extra: 1 }).success).toBe(false);
    expect(resolvePeriod({ from: '2026-03-12', to: '2026-03-12' }, NOW)).toMatchObject({ ok: false, field: 'from' });
    expect(resolvePeriod({ from: '2025-03-01', to: '2026-03-11' }, NOW)).toMatchObject({ ok: false, field: 'to', message: expect.stringMatching(/376 days/) });
    expect(resolvePeriod({ from: '2025-03-11', to: '2026-03-11' }, NOW)).toMatchObject({ ok: true });
  });
  it('a period and its comparison inside the replica window are local; one day more is not', () => {
    const last30 = resolvePeriod(presetDays('last30', NOW), NOW);
    if (!last30.ok) throw new Error('refused');
    expect(periodIsLocal(last30.period, last30.previous, NOW)).toBe(true);
    // The window is LOCAL_REPORT_DAYS days back from today: 9 January to 11 March.
    expect(LOCAL_REPORT_DAYS).toBe(62);
    const fits = resolvePeriod({ from: '2026-02-09', to: '2026-03-11' }, NOW); // 31 days + the 31 before
    if (!fits.ok) throw new Error('refused');
    expect(fits.previous.from).toBe('2026-01-09');
    expect(periodIsLocal(fits.period, fits.previous, NOW)).toBe(true);
    const over = resolvePeriod({ from: '2026-02-08', to: '2026-03-11' }, NOW); // 32 + 32: the comparison starts on 7 January
    if (!over.ok) throw new Error('refused');
    expect(periodIsLocal(over.period, over.previous, NOW)).toBe(false);
  });
});
