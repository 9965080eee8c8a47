// Which alerts an order should have at `now`, and which recorded ones no longer apply. Pure:
// the server's scheduler (server/alerts) feeds it rows and writes what it returns; tests drive
// it with a fake clock. The SLA engine (slaStatus) and the processing reminders decide the
// moments; this file only names them and keeps each one to a single alert.
//
// Identity: (orderId, kind, dueAt), dueAt = the SLA deadline or the reminder's threshold. A
// deadline moved by a policy change is a new promise, so its alerts are new ones.
import { isOpenStatus } from '../domain/order-status';
import { slaStatus, type SlaOrder } from '../domain/sla-engine';
import type { SlaPolicies } from '../domain/sla-policy';
import { DEFAULT_REMINDER_THRESHOLDS, nextReminderAt, processingReminders, type ReminderOrder, type ReminderThresholds } from '../domain/processing-reminders';
import type { WorkingCalendar } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';
import { isCarrierAlertKind } from './alert-recipient';
import { openAlertRow, resolvedAlertRow } from './alert-row';
import { predictedRisk } from '../eta/arrival-risk';
import { alertMessage, breachTasks, carrierTasks, formatLocalTime, type TemplateOrder } from './alert-templates';
import { carrierMoments, nextCarrierCheckAt, type CarrierAlertOrder } from './carrier-alerts';
import type { AlertAudience, AlertKind, AlertResolution, OrderAlertKind } from './alert-vocabulary';

export interface AlertOrder extends SlaOrder, ReminderOrder, TemplateOrder, CarrierAlertOrder {
  id: string;
  assignedBy: string | null;
  /**
   * The predicted arrival (shared/eta) when the caller predicts this order: a number, or null
   * when it cannot now (no fix). Undefined: not predicted at all (unassigned, or no predictor).
   */
  predictedAt?: number | null;
}

/** How often a predicted order is looked at again: its driver moves without the order changing. */
export const PREDICTION_RECHECK_MS = 60_000;

export interface AlertEnv {
  policies: SlaPolicies;
  /** The order's region calendar. */
  calendar: WorkingCalendar;
  reminders?: ReminderThresholds;
}

/** Who the alerts go to; the caller resolves users (the order's dispatcher or the default). */
export interface AlertPeople {
  dispatcherId: string | null;
  dispatcherName: string | null;
  supervisorId: string | null;
  supervisorName: string | null;
  directorPhone: string | null;
  /**
   * Who follows the order's carrier (carrier_loading, carrier_call): the person who handed it
   * over, a logistician too (shared/alerts/alert-recipient.ts). Left out: the dispatcher.
   */
  carrierFollowerId?: string | null;
}

export interface AlertPlan {
  /** New rows to record (state 'open', or 'resolved' + 'superseded' when a later stage is due too). */
  create: AlertRow[];
  /** Recorded rows, updated to 'resolved'. */
  resolve: AlertRow[];
}

const SLA_STAGE: Readonly<Partial<Record<AlertKind, number>>> = { sla_warning: 1, sla_critical: 2, sla_breach: 3 };

export function isSlaKind(kind: AlertKind): boolean {
  return SLA_STAGE[kind] !== undefined;
}

export function alertId(orderId: string, kind: OrderAlertKind, dueAt: number): string {
  return `al:${orderId}:${kind}:${dueAt}`;
}

interface Due {
  kind: OrderAlertKind;
  dueAt: number;
  triggeredAt: number;
  /** Reminders: how long the order has waited at `now`. */
  waitedMs: number;
  predictedAt?: number;
}

/**
 * The alert moments that have passed at `now` for the order's current state. `recorded` (the
 * order's stored alerts) matter only to the carrier calls, which go on from the last one.
 */
// Stryker disable next-line ArrayDeclaration: equivalent (only carrier_call rows of `recorded` are read; anything else in it is passed over)
export function dueMoments(order: AlertOrder, now: number, env: AlertEnv, recorded: readonly AlertRow[] = []): Due[] {
  if (!isOpenStatus(order.status)) return [];
  const out: Due[] = [];
  const st = slaStatus(order, now, env.policies, env.calendar);
  if (st.state === 'warning' || st.state === 'critical' || st.state === 'breached') {
    // The engine sets all three times in these states: the fallbacks only satisfy the types.
    const deadline = st.deadline ?? now;
    const warnAt = st.warnAt ?? deadline;
    const criticalAt = st.criticalAt ?? deadline;
    out.push({ kind: 'sla_warning', dueAt: deadline, triggeredAt: warnAt, waitedMs: 0 });
    if (st.state !== 'warning') out.push({ kind: 'sla_critical', dueAt: deadline, triggeredAt: criticalAt, waitedMs: 0 });
    if (st.state === 'breached') out.push({ kind: 'sla_breach', dueAt: deadline, triggeredAt: deadline + 1, waitedMs: 0 });
  }
  // At risk by its prediction (the rule: shared/eta/arrival-risk.ts), before the clock says so.
  // No prediction reads as NaN, never past a deadline; predictedRisk is null without a deadline,
  // so when it is not, st.deadline is set (the fallback only satisfies the type).
  const p = order.predictedAt ?? Number.NaN;
  if (predictedRisk({ at: p }, st.deadline, now) !== null) {
    out.push({ kind: 'predicted_late', dueAt: st.deadline ?? now, triggeredAt: now, waitedMs: 0, predictedAt: p });
  }
  for (const r of processingReminders(order, now, env.reminders ?? DEFAULT_REMINDER_THRESHOLDS)) {
    out.push({ kind: r.kind, dueAt: r.dueAt, triggeredAt: r.dueAt + 1, waitedMs: now - r.since });
  }
  for (const m of carrierMoments(order, recorded, now, env.policies, env.calendar)) out.push({ ...m, waitedMs: 0 });
  return out;
}

/** When this order's alerts can next change if nothing else happens; null = never. */
// Stryker disable next-line ArrayDeclaration: equivalent (only carrier_call rows of `recorded` are read; anything else in it is passed over)
export function nextAlertCheckAt(order: AlertOrder, now: number, env: AlertEnv, recorded: readonly AlertRow[] = []): number | null {
  // A finished order has neither: the engine's nextChangeAt and the reminders both end with it.
  const st = slaStatus(order, now, env.policies, env.calendar);
  const reminder = nextReminderAt(order, now, env.reminders ?? DEFAULT_REMINDER_THRESHOLDS);
  // A predicted order with a standing deadline: its driver's progress can change the answer any minute.
  const predicted =
    order.predictedAt !== undefined &&
    // At deadline === now the engine's own next change (the breach, deadline + 1) comes sooner than a
    // recheck, so '>' answers the same as '>='; this line's other mutant ('<') is killed (run of 3 December).
    // Stryker disable next-line EqualityOperator: equivalent at the boundary (see above)
    (st.deadline ?? Number.NEGATIVE_INFINITY) >= now
      ? now + PREDICTION_RECHECK_MS
      : null;
  const carrier = nextCarrierCheckAt(order, recorded, now, env.policies, env.calendar);
  const moments = [st.nextChangeAt, reminder, predicted, carrier].filter((m): m is number => m !== null);
  return moments.length === 0 ? null : Math.min(...moments);
}

/**
 * What to record and what to resolve for one order. `recorded` are ALL of the order's stored
 * alerts (any state): an alert whose id exists is never recorded again, even once resolved.
 * `order` null = the order no longer exists.
 */
export function planAlerts(
  order: AlertOrder | null,
  recorded: readonly AlertRow[],
  now: number,
  env: AlertEnv,
  /** Asked only when something is recorded (it reads users). */
  people: () => AlertPeople,
): AlertPlan {
  const stillOpen = recorded.filter((a) => a.state !== 'resolved');
  const resolved = (a: AlertRow, why: AlertResolution): AlertRow => resolvedAlertRow(a, why, now);
  if (order === null) return { create: [], resolve: stillOpen.map((a) => resolved(a, 'order_finished')) };

  const due = dueMoments(order, now, env, recorded);
  const dueIds = new Set(due.map((d) => alertId(order.id, d.kind, d.dueAt)));
  const known = new Set(recorded.map((a) => a.id));
  const callDue = due.some((d) => d.kind === 'carrier_call');

  const resolve: AlertRow[] = [];
  for (const a of stillOpen) {
    const why = resolutionFor(a, order, dueIds, callDue);
    if (why !== null) resolve.push(resolved(a, why));
  }

  const create: AlertRow[] = [];
  const topStage = Math.max(0, ...due.map((d) => SLA_STAGE[d.kind] ?? 0));
  let who: AlertPeople | null = null;
  for (const d of due) {
    const id = alertId(order.id, d.kind, d.dueAt);
    if (known.has(id)) continue;
    who ??= people();
    const row = buildRow(order, d, now, env, who);
    // Missed while the server was down: kept for the record, but only the latest stage calls for action.
    const stage = SLA_STAGE[d.kind] ?? 0;
    create.push(stage > 0 && stage < topStage ? resolvedAlertRow(row, 'superseded', now) : row);
  }
  return { create, resolve };
}

function resolutionFor(a: AlertRow, order: AlertOrder, dueIds: ReadonlySet<string>, callDue: boolean): AlertResolution | null {
  if (!isOpenStatus(order.status)) return 'order_finished';
  if (dueIds.has(a.id)) return null;
  // A call to the carrier gives way to the next call while the order is still on the road.
  if (a.kind === 'carrier_call' && callDue) return 'superseded';
  // Still open, but this alert's moment no longer holds: a moved deadline, or a reminder whose
  // condition cleared (the order was taken into work or picked, loaded, taken from the carrier).
  return isSlaKind(a.kind) ? 'deadline_changed' : 'condition_cleared';
}

function audienceOf(kind: OrderAlertKind): AlertAudience {
  return kind === 'sla_critical' || kind === 'sla_breach' ? 'supervisor' : 'dispatcher';
}

function buildRow(order: AlertOrder, d: Due, now: number, env: AlertEnv, people: AlertPeople): AlertRow {
  const audience = audienceOf(d.kind);
  const deadline = formatLocalTime(d.dueAt, env.calendar.utcOffsetMinutes);
  const carrier = order.carrierDeal ?? null;
  const message = alertMessage(d.kind, {
    order,
    deadline,
    waitedMs: d.waitedMs,
    ...(d.predictedAt === undefined ? {} : { predicted: formatLocalTime(d.predictedAt, env.calendar.utcOffsetMinutes) }),
    carrier,
  });
  const tasks =
    d.kind === 'sla_breach'
      ? breachTasks({
          order,
          deadline,
          // A breach has a deadline, so it has a policy: the fallback only satisfies the type.
          // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent (policy is never null here)
          actions: slaStatus(order, now, env.policies, env.calendar).policy?.breachActions ?? [],
          managerName: people.dispatcherName,
          supervisorName: people.supervisorName,
          directorPhone: people.directorPhone,
        })
      : d.kind === 'carrier_loading' || d.kind === 'carrier_call'
        ? carrierTasks(d.kind, { order, carrier, deadline })
        : [];
  return openAlertRow(
    {
      id: alertId(order.id, d.kind, d.dueAt),
      orderId: order.id,
      orderNumber: order.number,
      warehouseId: null,
      kind: d.kind,
      dueAt: d.dueAt,
      triggeredAt: d.triggeredAt,
      audience,
      assigneeId: audience === 'supervisor' ? people.supervisorId : isCarrierAlertKind(d.kind) ? (people.carrierFollowerId ?? people.dispatcherId) : people.dispatcherId,
      priority: d.kind === 'sla_breach',
      customerName: order.customerName,
      message,
      tasks,
    },
    now,
  );
}
