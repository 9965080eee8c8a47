// SLA in SQL: the warning window per order (ms) as a CASE over the policies, so "at risk" and
// "breached" are filters and counts the replica answers, not loops over 20k rows in JS.
// The window is counted in calendar time; slaStatus counts it in working time for working-hours
// policies, so around nights and weekends "at risk" here can start earlier than the card's amber.
import type { SlaPolicies } from '../../../shared/domain/sla-policy';
import { OPEN_STATUSES } from '../../../shared/domain/order-status';
import { SERVICE_TYPES } from '../../../shared/domain/vocabulary';

/**
 * `o.` columns; numbers only are inlined (policies are validated numbers, never user text).
 * Callers pass the policies in force (effectiveSlaPolicies), never the shipped defaults: an
 * admin's edit must move "at risk" in the queue, its counts and the problem queue alike.
 */
export function warnWindowSql(policies: SlaPolicies): string {
  const ms = (minutes: number): number => Math.round(minutes) * 60_000;
  const byType = SERVICE_TYPES.map((t) => `WHEN '${t}' THEN ${ms(policies[t].warnBeforeMinutes)}`).join(' ');
  return `(CASE WHEN o.vip_norm_minutes IS NOT NULL AND o.vip_norm_minutes > 0 THEN ${ms(policies.vip.warnBeforeMinutes)} ELSE (CASE o.service_type ${byType} ELSE 0 END) END)`;
}

export const OPEN_STATUS_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Open, with a deadline before @now (strictly, as slaStatus in shared/domain/sla-engine.ts). */
export const BREACHED_SQL = `(o.status IN ${OPEN_STATUS_SQL} AND o.sla_deadline IS NOT NULL AND o.sla_deadline < @now)`;

/**
 * Open, the deadline not passed, and either inside the warning window or at risk by its
 * predicted arrival (shared/eta/arrival-risk.ts; @predictedRisk: a JSON array of order ids, from
 * predicted-risk.ts).
 */
export function atRiskSql(policies: SlaPolicies): string {
  return `(o.status IN ${OPEN_STATUS_SQL} AND o.sla_deadline IS NOT NULL AND o.sla_deadline >= @now AND (o.sla_deadline - @now <= ${warnWindowSql(policies)} OR o.id IN (SELECT value FROM json_each(@predictedRisk))))`;
}
