// What an admin types into the SLA number fields, read and checked before anything is sent:
// hours (the norms, "1,5" or "1.5") and whole minutes (the warnings). The ranges and the
// cross-field rules are shared/domain/sla-limits, the same ones the server enforces.
import { minutesProblems, slaPolicyProblems, type SlaNumberField, type SlaNumberProblem } from '../../../../shared/domain/sla-limits';
import type { SlaPolicy } from '../../../../shared/domain/sla-policy';
import type { Translator } from '../../i18n/translate';

/** A typed number in either decimal mark; NaN when it is not one. */
export function readNumber(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** Hours as typed -> minutes (rounded to the minute); NaN stays NaN. */
export function hoursToMinutes(text: string): number {
  const h = readNumber(text);
  return Number.isFinite(h) ? Math.round(h * 60) : Number.NaN;
}

export interface PolicyDraftText {
  norm: string;
  warn: string;
  supervisorWarn: string;
  /** Minutes between calls to a carrier in transit; empty = no calls (issue 16). */
  carrierCall: string;
}

export function draftTextOf(p: SlaPolicy): PolicyDraftText {
  return {
    norm: p.normMinutes === null ? '' : String(p.normMinutes / 60),
    warn: String(p.warnBeforeMinutes),
    supervisorWarn: String(p.supervisorWarnBeforeMinutes),
    carrierCall: p.carrierCallMinutes == null ? '' : String(p.carrierCallMinutes),
  };
}

/** The policy the texts describe, and what is wrong with it (by field). */
export function readPolicyDraft(base: SlaPolicy, text: PolicyDraftText): { policy: SlaPolicy; problems: SlaNumberProblem[] } {
  const policy: SlaPolicy = {
    ...base,
    normMinutes: base.key === 'vip' ? null : hoursToMinutes(text.norm),
    warnBeforeMinutes: readNumber(text.warn),
    supervisorWarnBeforeMinutes: readNumber(text.supervisorWarn),
    // VIP orders are called at their service type's interval: the vip row keeps what it has.
    carrierCallMinutes: base.key === 'vip' ? (base.carrierCallMinutes ?? null) : text.carrierCall.trim() === '' ? null : readNumber(text.carrierCall),
  };
  return { policy, problems: slaPolicyProblems(policy) };
}

export function vipDraftProblems(hoursText: string): SlaNumberProblem[] {
  return minutesProblems('vipNormMinutes', hoursToMinutes(hoursText));
}

/** The reason in the admin's language, with the limit in its own unit ("at least 30 min"). */
export function problemText(p: SlaNumberProblem, t: Translator): string {
  const span = (minutes: number) => t.fmt.duration(minutes * 60_000);
  switch (p.code) {
    case 'not_a_number':
      return t('slaRules.pr_not_a_number');
    case 'not_whole':
      return t('slaRules.pr_not_whole');
    case 'below_min':
      return t(p.min === 0 ? 'slaRules.pr_negative' : 'slaRules.pr_below_min', { min: span(p.min) });
    case 'above_max':
      return t('slaRules.pr_above_max', { max: span(p.max) });
    case 'warn_not_before_norm':
      return t('slaRules.pr_warn_not_before_norm', { norm: span(p.norm) });
    case 'supervisor_before_warn':
      return t('slaRules.pr_supervisor_before_warn', { warn: span(p.warn) });
  }
}

export function problemOf(problems: readonly SlaNumberProblem[], field: SlaNumberField): SlaNumberProblem | undefined {
  return problems.find((p) => p.field === field);
}
