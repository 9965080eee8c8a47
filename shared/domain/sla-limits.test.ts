// The SLA editor's ranges, one rule for the form and the server's mutators: each limit allowed
// exactly at its value and refused one step beyond, the order of the checks (a broken number is
// reported once, and the cross-field rules wait until both numbers are sound), and the words
// of the server's refusal.
import { describe, expect, it } from 'vitest';
import { SLA_LIMITS, minutesProblems, slaPolicyProblems, slaProblemsText } from './sla-limits';

describe('minutesProblems', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '30' as unknown as number, null as unknown as number])('calls %s not a number', (v) => {
    expect(minutesProblems('normMinutes', v)).toEqual([{ field: 'normMinutes', code: 'not_a_number' }]);
  });
  it('refuses fractions of a minute', () => {
    expect(minutesProblems('warnBeforeMinutes', 30.5)).toEqual([{ field: 'warnBeforeMinutes', code: 'not_whole' }]);
  });
  it.each(Object.entries(SLA_LIMITS) as [keyof typeof SLA_LIMITS, { min: number; max: number }][])('%s: allows exactly min and max, not one beyond', (field, { min, max }) => {
    expect(minutesProblems(field, min)).toEqual([]);
    expect(minutesProblems(field, max)).toEqual([]);
    expect(minutesProblems(field, min - 1)).toEqual([{ field, code: 'below_min', min, max }]);
    expect(minutesProblems(field, max + 1)).toEqual([{ field, code: 'above_max', min, max }]);
  });
});

describe('slaPolicyProblems', () => {
  const express = { key: 'express' as const, normMinutes: 240, warnBeforeMinutes: 60, supervisorWarnBeforeMinutes: 30 };

  it('passes the default-like policy', () => {
    expect(slaPolicyProblems(express)).toEqual([]);
  });
  it('lets vip leave the norm to the contract, but checks one it gives', () => {
    expect(slaPolicyProblems({ ...express, key: 'vip', normMinutes: null })).toEqual([]);
    expect(slaPolicyProblems({ ...express, key: 'vip', normMinutes: 10 })).toEqual([{ field: 'normMinutes', code: 'below_min', min: 30, max: SLA_LIMITS.normMinutes.max }]);
  });
  it('requires a norm of a service type', () => {
    expect(slaPolicyProblems({ ...express, normMinutes: null })).toEqual([{ field: 'normMinutes', code: 'not_a_number' }]);
  });
  it('refuses a first warning at or before the norm, only once the norm is sound', () => {
    expect(slaPolicyProblems({ ...express, warnBeforeMinutes: 239, supervisorWarnBeforeMinutes: 30 })).toEqual([]);
    expect(slaPolicyProblems({ ...express, warnBeforeMinutes: 240 })).toEqual([{ field: 'warnBeforeMinutes', code: 'warn_not_before_norm', norm: 240 }]);
    // A broken norm is reported once, not again as a comparison.
    expect(slaPolicyProblems({ ...express, normMinutes: 10, warnBeforeMinutes: 60 })).toEqual([{ field: 'normMinutes', code: 'below_min', min: 30, max: SLA_LIMITS.normMinutes.max }]);
    expect(slaPolicyProblems({ ...express, warnBeforeMinutes: 60.5 })).toEqual([{ field: 'warnBeforeMinutes', code: 'not_whole' }]);
  });
  it('refuses a supervisor warning earlier than the first one, allows the same time', () => {
    expect(slaPolicyProblems({ ...express, supervisorWarnBeforeMinutes: 60 })).toEqual([]);
    expect(slaPolicyProblems({ ...express, supervisorWarnBeforeMinutes: 61 })).toEqual([{ field: 'supervisorWarnBeforeMinutes', code: 'supervisor_before_warn', warn: 60 }]);
    expect(slaPolicyProblems({ ...express, warnBeforeMinutes: -1, supervisorWarnBeforeMinutes: 61 })).toEqual([
      { field: 'warnBeforeMinutes', code: 'below_min', min: 0, max: SLA_LIMITS.warnBeforeMinutes.max },
    ]);
    expect(slaPolicyProblems({ ...express, supervisorWarnBeforeMinutes: 30.5 })).toEqual([{ field: 'supervisorWarnBeforeMinutes', code: 'not_whole' }]);
    expect(slaPolicyProblems({ ...express, supervisorWarnBeforeMinutes: 10 ** 9 })).toEqual([
      { field: 'supervisorWarnBeforeMinutes', code: 'above_max', min: 0, max: SLA_LIMITS.supervisorWarnBeforeMinutes.max },
    ]);
  });
});

describe('slaProblemsText', () => {
  it('says each problem in one line, joined by semicolons', () => {
    expect(
      slaProblemsText([
        { field: 'normMinutes', code: 'not_a_number' },
        { field: 'warnBeforeMinutes', code: 'not_whole' },
        { field: 'normMinutes', code: 'below_min', min: 30, max: 129600 },
        { field: 'vipNormMinutes', code: 'above_max', min: 30, max: 129600 },
        { field: 'warnBeforeMinutes', code: 'warn_not_before_norm', norm: 240 },
        { field: 'supervisorWarnBeforeMinutes', code: 'supervisor_before_warn', warn: 60 },
      ]),
    ).toBe(
      'normMinutes: not a number; warnBeforeMinutes: must be whole minutes; normMinutes: must be at least 30 minutes; ' +
        'vipNormMinutes: must be at most 129600 minutes; warnBeforeMinutes: must be less than the norm (240 minutes); ' +
        'supervisorWarnBeforeMinutes: must not be more than the first warning (60 minutes)',
    );
  });
});
