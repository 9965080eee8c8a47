// The problem queue: problem orders, breached and at-risk orders, and the processing
// reminders (new and untouched for 2 h, confirmed and unpicked for a day). Each order once,
// under its most urgent kind; most urgent first. One SQL pass over the open orders (every
// kind needs an open status, so finished orders are skipped through the status index).
import { carriedBySql, type CarriedBy } from '../../../shared/domain/carried-by';
import { PROBLEM_KINDS, type ProblemItem, type ProblemKind, type ProblemQueue } from '../../../shared/api/orders-api';
import type { Actor, OrderStatus } from '../../../shared/domain/vocabulary';
import type { SlaPolicies } from '../../../shared/domain/sla-policy';
import type { ReadonlyReplica } from '../open-replica';
import { effectiveSlaPolicies } from './alerts-queries';
import { orderActions } from '../../../shared/api/order-actions';
import { ORDER_LIST_COLUMNS, type RawListRow } from './order-queries';
import { predictedRiskParam, predictedRisks } from './predicted-risk';
import { BREACHED_SQL, OPEN_STATUS_SQL, atRiskSql, warnWindowSql } from './sla-sql';

import { DEFAULT_REMINDER_THRESHOLDS } from '../../../shared/domain/processing-reminders';

// Strictly after the threshold, as processingReminders (shared/domain) counts it.
const UNTOUCHED_NEW_MS = DEFAULT_REMINDER_THRESHOLDS.notTakenMinutes * 60_000;
const UNPICKED_CONFIRMED_MS = DEFAULT_REMINDER_THRESHOLDS.notPickedMinutes * 60_000;

const kindSql = (policies: SlaPolicies): string => `CASE
  WHEN o.status = 'problem' THEN 'problem'
  WHEN ${BREACHED_SQL} THEN 'breached'
  WHEN ${atRiskSql(policies)} THEN 'at_risk'
  WHEN o.status = 'new' AND o.created_at < @now - ${UNTOUCHED_NEW_MS} THEN 'untouched_new'
  WHEN o.status = 'confirmed' AND o.confirmed_at IS NOT NULL AND o.confirmed_at < @now - ${UNPICKED_CONFIRMED_MS} THEN 'unpicked_confirmed'
END`;

const SINCE_SQL = `CASE kind
  WHEN 'problem' THEN statusChangedAt
  WHEN 'breached' THEN slaDeadline
  WHEN 'at_risk' THEN MIN(slaDeadline - warnMs, @now)
  WHEN 'untouched_new' THEN createdAt
  ELSE confirmedAt
END`;

/** Breached first (the promise is already broken), then problems, then what is about to break. */
const PRIORITY_SQL = `CASE kind WHEN 'breached' THEN 0 WHEN 'problem' THEN 1 WHEN 'at_risk' THEN 2 WHEN 'untouched_new' THEN 3 ELSE 4 END`;

/** The policies in force are inlined; the text (and so the prepared statement) only changes when they do. */
const baseSql = (policies: SlaPolicies): string => `SELECT ${ORDER_LIST_COLUMNS}, o.problem_comment AS comment, o.status_before_problem AS statusBeforeProblem,
  ${warnWindowSql(policies)} AS warnMs, ${kindSql(policies)} AS kind
  FROM orders o LEFT JOIN drivers d ON d.id = o.driver_id
  WHERE o.status IN ${OPEN_STATUS_SQL} AND (@carriedBy IS NULL OR ${carriedBySql('o')} = @carriedBy)`;

interface RawProblemRow extends RawListRow {
  comment: string | null;
  statusBeforeProblem: OrderStatus | null;
  kind: ProblemKind;
  since: number;
}

export function problemQueue(
  replica: ReadonlyReplica,
  opts: { now: number; limit: number; actor: Actor | null; pending: ReadonlySet<string>; carriedBy?: CarriedBy },
): ProblemQueue {
  const base = baseSql(effectiveSlaPolicies(replica));
  const risks = predictedRisks(replica, opts.now);
  const predictedRisk = predictedRiskParam(risks);
  const counts = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>;
  const countRows = replica
    .prepareRead(`SELECT kind, COUNT(*) AS n FROM (${base}) WHERE kind IS NOT NULL GROUP BY kind`)
    .all({ now: opts.now, predictedRisk, carriedBy: opts.carriedBy ?? null }) as { kind: ProblemKind; n: number }[];
  for (const r of countRows) counts[r.kind] = r.n;
  const rows = replica
    .prepareRead(
      `SELECT *, ${SINCE_SQL} AS since FROM (${base}) WHERE kind IS NOT NULL
       ORDER BY ${PRIORITY_SQL}, since ASC, id ASC LIMIT @limit`,
    )
    .all({ now: opts.now, limit: opts.limit, predictedRisk, carriedBy: opts.carriedBy ?? null }) as RawProblemRow[];
  const items: ProblemItem[] = rows.map((r) => ({
    orderId: r.id,
    number: r.number,
    customerName: r.customerName,
    status: r.status,
    kind: r.kind,
    reason: r.kind === 'problem' ? r.problemReason : null,
    comment: r.kind === 'problem' ? r.comment : null,
    since: r.since,
    slaDeadline: r.slaDeadline,
    arrivalRisk: r.kind === 'at_risk' ? (risks.get(r.id) ?? null) : null,
    driverId: r.driverId,
    driverName: r.driverName,
    carriedBy: r.carriedBy,
    version: r.version,
    pending: opts.pending.has(r.id),
    actions: orderActions(
      { status: r.status, driverId: r.driverId, warehouseId: r.warehouseId, statusBeforeProblem: r.statusBeforeProblem, carrierId: r.carriedBy === 'carrier' ? 'carrier' : null, courierProvider: r.carriedBy === 'courier' ? 'courier' : null },
      opts.actor,
    ),
  }));
  return { items, counts };
}
