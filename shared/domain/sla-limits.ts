// The ranges an admin's SLA numbers must fall in, and the reason when one does not. One rule
// for the editor (shown next to the field, before saving) and the server's mutators (which
// refuse the same values with the same codes): a negative "-3 h" norm must never become a
// 1-minute norm that breaches every order at once.
import type { SlaPolicy } from './sla-policy';

const HOUR = 60;
const DAY = 24 * HOUR;

/** Minutes. A norm under half an hour cannot be met by any delivery; over 90 days is a typo. */
export const SLA_LIMITS = {
  normMinutes: { min: 30, max: 90 * DAY },
  warnBeforeMinutes: { min: 0, max: 30 * DAY },
  supervisorWarnBeforeMinutes: { min: 0, max: 30 * DAY },
  vipNormMinutes: { min: 30, max: 90 * DAY },
  /** Calling a carrier more often than every 15 min is nagging; less than weekly is no follow-up. */
  carrierCallMinutes: { min: 15, max: 7 * DAY },
} as const;

export type SlaNumberField = keyof typeof SLA_LIMITS;

export type SlaNumberProblem =
  | { field: SlaNumberField; code: 'not_a_number' }
  | { field: SlaNumberField; code: 'not_whole' }
  | { field: SlaNumberField; code: 'below_min' | 'above_max'; min: number; max: number }
  /** The first warning would come before the order is even confirmed. */
  | { field: 'warnBeforeMinutes'; code: 'warn_not_before_norm'; norm: number }
  /** The supervisor must be told after (closer to the deadline than) the responsible person. */
  | { field: 'supervisorWarnBeforeMinutes'; code: 'supervisor_before_warn'; warn: number };

/** Problems of one number of minutes (NaN/Infinity, fractions, out of range). */
export function minutesProblems(field: SlaNumberField, value: number): SlaNumberProblem[] {
  const { min, max } = SLA_LIMITS[field];
  // Number.isFinite never coerces: a string or null sent as minutes is refused here too.
  if (!Number.isFinite(value)) return [{ field, code: 'not_a_number' }];
  if (!Number.isInteger(value)) return [{ field, code: 'not_whole' }];
  if (value < min) return [{ field, code: 'below_min', min, max }];
  if (value > max) return [{ field, code: 'above_max', min, max }];
  return [];
}

/** Everything wrong with a policy's numbers; [] when it may be saved. */
export function slaPolicyProblems(p: Pick<SlaPolicy, 'key' | 'normMinutes' | 'warnBeforeMinutes' | 'supervisorWarnBeforeMinutes' | 'carrierCallMinutes'>): SlaNumberProblem[] {
  const out: SlaNumberProblem[] = [];
  if (p.key !== 'vip' || p.normMinutes !== null) out.push(...minutesProblems('normMinutes', p.normMinutes ?? Number.NaN));
  const warn = minutesProblems('warnBeforeMinutes', p.warnBeforeMinutes);
  const sup = minutesProblems('supervisorWarnBeforeMinutes', p.supervisorWarnBeforeMinutes);
  out.push(...warn, ...sup);
  // Only between sound numbers: `out` already holds the norm's, the warning's and the supervisor's own problems.
  if (out.length === 0 && p.normMinutes !== null && p.warnBeforeMinutes >= p.normMinutes) {
    out.push({ field: 'warnBeforeMinutes', code: 'warn_not_before_norm', norm: p.normMinutes });
  }
  if (warn.length === 0 && sup.length === 0 && p.supervisorWarnBeforeMinutes > p.warnBeforeMinutes) {
    out.push({ field: 'supervisorWarnBeforeMinutes', code: 'supervisor_before_warn', warn: p.warnBeforeMinutes });
  }
  // null (no calls) and left out (keep the stored value) are both fine; a number must be in range.
  if (p.carrierCallMinutes !== null && p.carrierCallMinutes !== undefined) out.push(...minutesProblems('carrierCallMinutes', p.carrierCallMinutes));
  return out;
}

/** One English line per problem, for the server's refusal (the console words codes itself). */
export function slaProblemsText(problems: readonly SlaNumberProblem[]): string {
  return problems
    .map((p) => {
      switch (p.code) {
        case 'not_a_number':
          return `${p.field}: not a number`;
        case 'not_whole':
          return `${p.field}: must be whole minutes`;
        case 'below_min':
          return `${p.field}: must be at least ${p.min} minutes`;
        case 'above_max':
          return `${p.field}: must be at most ${p.max} minutes`;
        case 'warn_not_before_norm':
          return `${p.field}: must be less than the norm (${p.norm} minutes)`;
        case 'supervisor_before_warn':
          return `${p.field}: must not be more than the first warning (${p.warn} minutes)`;
      }
    })
    .join('; ');
}
