import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../../../../shared/domain/sla-policy';
import { makeTranslator } from '../../i18n/translate';
import { hoursToMinutes, problemText, readNumber, readPolicyDraft, vipDraftProblems } from './sla-number-fields';

const standard = DEFAULT_SLA_POLICIES.standard;
const text = { norm: '24', warn: '120', supervisorWarn: '30', carrierCall: '120' };

describe('SLA number fields', () => {
  it('reads hours with either decimal mark and refuses words', () => {
    expect(readNumber('1,5')).toBe(1.5);
    expect(hoursToMinutes('1.5')).toBe(90);
    expect(readNumber('1e3')).toBeNaN();
    expect(readNumber('')).toBeNaN();
  });
  it('the "-3 h" norm is refused with its reason, in both languages, instead of saving as 1 minute', () => {
    const { problems } = readPolicyDraft(standard, { ...text, norm: '-3' });
    expect(problems).toEqual([{ field: 'normMinutes', code: 'below_min', min: 30, max: 90 * 24 * 60 }]);
    const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(sp(problemText(problems[0]!, makeTranslator('ru')))).toBe('Не меньше 30 мин');
    expect(sp(problemText(problems[0]!, makeTranslator('en')))).toBe('At least 30 mins');
  });
  it('checks warnings against the norm and each other, and whole minutes', () => {
    expect(readPolicyDraft(standard, text).problems).toEqual([]);
    expect(readPolicyDraft(standard, { ...text, norm: '1' }).problems.map((p) => p.code)).toEqual(['warn_not_before_norm']);
    expect(readPolicyDraft(standard, { ...text, supervisorWarn: '300' }).problems.map((p) => p.code)).toEqual(['supervisor_before_warn']);
    expect(readPolicyDraft(standard, { ...text, warn: '-5' }).problems.map((p) => p.code)).toEqual(['below_min']);
    expect(readPolicyDraft(standard, { ...text, warn: '1,5' }).problems.map((p) => p.code)).toEqual(['not_whole']);
    expect(readPolicyDraft(standard, { ...text, warn: 'abc' }).problems.map((p) => p.code)).toEqual(['not_a_number']);
    expect(readPolicyDraft(standard, { ...text, norm: '100000' }).problems.map((p) => p.code)).toEqual(['above_max']);
  });
  it('the carrier-call interval: empty is off, 0, negative, fractions and over a week are refused (issue 16)', () => {
    expect(readPolicyDraft(standard, { ...text, carrierCall: ' ' })).toMatchObject({ policy: { carrierCallMinutes: null }, problems: [] });
    expect(readPolicyDraft(standard, text).policy.carrierCallMinutes).toBe(120);
    for (const [typed, code] of [['0', 'below_min'], ['-60', 'below_min'], ['30,5', 'not_whole'], ['20000', 'above_max'], ['часто', 'not_a_number']] as const) {
      expect(readPolicyDraft(standard, { ...text, carrierCall: typed }).problems, typed).toEqual([expect.objectContaining({ field: 'carrierCallMinutes', code })]);
    }
    const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    const [p] = readPolicyDraft(standard, { ...text, carrierCall: '5' }).problems;
    expect(sp(problemText(p!, makeTranslator('ru')))).toBe('Не меньше 15 мин');
    expect(sp(problemText(p!, makeTranslator('en')))).toBe('At least 15 mins');
    // The vip row has no interval of its own: what it had goes back unchanged.
    expect(readPolicyDraft(DEFAULT_SLA_POLICIES.vip, { ...text, carrierCall: '0' }).policy.carrierCallMinutes).toBeNull();
  });
  it('VIP contract norms have the same floor', () => {
    expect(vipDraftProblems('0.1').map((p) => p.code)).toEqual(['below_min']);
    expect(vipDraftProblems('8')).toEqual([]);
  });
});

describe('the working-days checkboxes', () => {
  it('name every weekday in both languages (the dictionary split once left Tue..Sun as raw keys)', () => {
    const en = makeTranslator('en');
    const ru = makeTranslator('ru');
    const day = (t: typeof en, d: number) => t(`slaRules.d${d}` as Parameters<typeof en>[0]);
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => day(en, d))).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => day(ru, d))).toEqual(['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс']);
  });
});
