import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../../../../shared/domain/sla-policy';
import { makeTranslator } from '../../i18n/translate';
import { hoursToMinutes, problemText, readNumber, readPolicyDraft, vipDraftProblems } from './sla-number-fields';

const standard = DEFAULT_SLA_POLICIES.standard;
const text = { norm: '24', warn: '120', supervisorWarn: '30' };

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
  it('VIP contract norms have the same floor', () => {
    expect(vipDraftProblems('0.1').map((p) => p.code)).toEqual(['below_min']);
    expect(vipDraftProblems('8')).toEqual([]);
  });
});
