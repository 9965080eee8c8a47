import { describe, expect, it } from 'vitest';
import { MAX_TRACK_PERIOD_MS, TRACK_EARLIEST_MS, mayReadTracks, trackPeriodMessage, trackPeriodProblem, trackPresetPeriod } from './track-period';

const NOW = Date.UTC(2026, 11, 2, 9, 30, 0); // 14:30 in Almaty (UTC+5)

describe('trackPeriodProblem', () => {
  it('accepts today, the last two hours and exactly the longest period', () => {
    expect(trackPeriodProblem(trackPresetPeriod('today', NOW), NOW)).toBeNull();
    expect(trackPeriodProblem(trackPresetPeriod('last2h', NOW), NOW)).toBeNull();
    expect(trackPeriodProblem({ from: NOW - MAX_TRACK_PERIOD_MS, to: NOW }, NOW)).toBeNull();
    expect(trackPeriodProblem({ from: NOW, to: NOW + 86_400_000 }, NOW)).toBeNull();
  });

  it('names the field: from after to, a period over the limit, times in 2100 or before 2000', () => {
    expect(trackPeriodProblem({ from: NOW, to: NOW - 1 }, NOW)).toEqual({ field: 'from', reason: 'after_to' });
    expect(trackPeriodProblem({ from: NOW - MAX_TRACK_PERIOD_MS - 1, to: NOW }, NOW)).toEqual({ field: 'to', reason: 'too_long' });
    expect(trackPeriodProblem({ from: NOW, to: Date.UTC(2100, 0, 1) }, NOW)).toEqual({ field: 'to', reason: 'future' });
    expect(trackPeriodProblem({ from: Date.UTC(2100, 0, 1), to: Date.UTC(2100, 0, 2) }, NOW)).toEqual({ field: 'to', reason: 'future' });
    expect(trackPeriodProblem({ from: NOW, to: NOW + 86_400_001 }, NOW)).toEqual({ field: 'to', reason: 'future' });
    expect(trackPeriodProblem({ from: Date.UTC(1999, 11, 31), to: NOW }, NOW)).toEqual({ field: 'from', reason: 'too_early' });
    expect(trackPeriodMessage({ field: 'to', reason: 'too_long' })).toBe('to: the period is longer than 7 days');
    expect(trackPeriodMessage({ field: 'from', reason: 'after_to' })).toMatch(/^from: /);
  });
});

describe('trackPresetPeriod', () => {
  it("today starts at the company's midnight (UTC+5), not UTC's", () => {
    expect(trackPresetPeriod('today', NOW)).toEqual({ from: Date.UTC(2026, 11, 1, 19, 0, 0), to: NOW });
    // 23:30 UTC is already tomorrow in Almaty.
    const late = Date.UTC(2026, 11, 2, 23, 30, 0);
    expect(trackPresetPeriod('today', late).from).toBe(Date.UTC(2026, 11, 2, 19, 0, 0));
    expect(trackPresetPeriod('last2h', NOW)).toEqual({ from: NOW - 7_200_000, to: NOW });
  });
});

describe('mayReadTracks', () => {
  it('is the desk only', () => {
    expect(['dispatcher', 'supervisor', 'admin', 'logistician', 'warehouse', 'integration', null].map(mayReadTracks as (r: unknown) => boolean)).toEqual([
      true, true, true, false, false, false, false,
    ]);
  });
});

describe('trackPeriodProblem at its limits, and each refusal in words', () => {
  const NOW_ = Date.UTC(2026, 11, 2, 12);
  it('allows a period starting exactly at the earliest time, and a period of one moment', () => {
    expect(trackPeriodProblem({ from: TRACK_EARLIEST_MS, to: TRACK_EARLIEST_MS + 3_600_000 }, NOW_)).toBeNull();
    expect(trackPeriodProblem({ from: TRACK_EARLIEST_MS - 1, to: TRACK_EARLIEST_MS + 3_600_000 }, NOW_)).toEqual({ field: 'from', reason: 'too_early' });
    expect(trackPeriodProblem({ from: NOW_, to: NOW_ }, NOW_)).toBeNull();
  });
  it('names the field and the reason of each problem', () => {
    expect(trackPeriodMessage({ field: 'from', reason: 'after_to' })).toBe('from: the period starts after it ends');
    expect(trackPeriodMessage({ field: 'from', reason: 'too_early' })).toBe('from: before the year 2000');
    expect(trackPeriodMessage({ field: 'to', reason: 'future' })).toBe('to: more than a day ahead');
    expect(trackPeriodMessage({ field: 'to', reason: 'too_long' })).toBe('to: the period is longer than 7 days');
  });
});
