// Turns a status change request into either a patch for the order row plus exactly one
// timeline event, or a typed error a dispatcher can read. Never throws for a refused request:
// the server answers the client with the error, and the UI shows the message as is.
// The rules (who may do what) live in order-status.ts; this file checks requests against them.
// The caller adds id/orderId to the event, applies the patch, and (on confirmation) stores the
// SLA deadline from sla-engine.ts; this module knows nothing about SLA or storage.
import type { Actor, EventSource, OrderStatus, ProblemReason, SubMark } from './vocabulary';
import { ACTORS, EVENT_SOURCES, ORDER_STATUSES, PROBLEM_REASONS, SUB_MARKS } from './vocabulary';
import {
  NEXT_STEP,
  STATUS_RANK,
  isDirectPickup,
  isTerminalStatus,
  problemReportableFrom,
  problemResolutionTargets,
  transitionActors,
} from './order-status';
import { ACTOR_LABELS, STATUS_ACTION_LABELS, STATUS_LABELS } from './status-labels';

export const TRANSITION_ERROR_CODES = [
  'invalid_request',
  'no_change',
  'forbidden_transition',
  'actor_not_allowed',
  'reason_required',
  'invalid_reason',
  'comment_required',
  'sub_mark_not_allowed',
] as const;
export type TransitionErrorCode = (typeof TRANSITION_ERROR_CODES)[number];

export interface TransitionError {
  code: TransitionErrorCode;
  /** English, written for a dispatcher: shown in the UI as is. */
  message: string;
}

export type TransitionFailure = { ok: false; error: TransitionError };

/** The part of an order the status machine reads (OrderRow satisfies it). */
export interface StatusSubject {
  status: OrderStatus;
  subMark?: SubMark | null;
  /** null = direct pickup (no warehouse step); undefined counts as a warehouse order. */
  warehouseId?: string | null;
  statusBeforeProblem?: OrderStatus | null;
  confirmedAt?: number | null;
  pickedAt?: number | null;
  deliveredAt?: number | null;
}

/** Who or what is acting, as recorded on the timeline. */
export interface ActorRef {
  actor: Actor;
  actorId?: string | null;
  actorName?: string | null;
  /** Defaults from the actor: defaultSource below. */
  source?: EventSource;
  driverId?: string | null;
}

export interface TransitionRequest extends ActorRef {
  to: OrderStatus;
  /** When it happened (ms), e.g. the driver's mark time, not when it synced. */
  at: number;
  /** Required when to = problem; not allowed otherwise. */
  reason?: ProblemReason | null;
  /** Required when cancelling and for reason 'other'; optional elsewhere. */
  comment?: string | null;
  /** Only when to = in_transit, e.g. GPS movement: in_transit + on_route in one event. */
  subMark?: SubMark | null;
}

/** One order_events row minus id/orderId (see shared/schema/orders.ts). */
export interface OrderEventDraft {
  kind: 'status' | 'sub_mark';
  at: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  subMark: SubMark | null;
  actor: Actor;
  actorId: string | null;
  actorName: string | null;
  source: EventSource;
  reason: string | null;
  comment: string | null;
  driverId: string | null;
  /** Field changes: only `edit` events carry them. */
  changes: null;
  /** Where the order went: only `handover` events carry it. */
  handover: null;
}

/** Columns of the order row a status change sets. Timestamps appear only when first set. */
export interface StatusPatch {
  status: OrderStatus;
  subMark: SubMark | null;
  problemReason: ProblemReason | null;
  problemComment: string | null;
  statusBeforeProblem: OrderStatus | null;
  statusChangedAt: number;
  confirmedAt?: number;
  pickedAt?: number;
  deliveredAt?: number;
}

export type TransitionResult = { ok: true; patch: StatusPatch; event: OrderEventDraft } | TransitionFailure;

export const MAX_COMMENT_LENGTH = 2000;

export function fail(code: TransitionErrorCode, message: string): TransitionFailure {
  return { ok: false, error: { code, message } };
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/**
 * Where a change came from when the caller didn't say: people click (a shop's integration acts
 * for a person), machines are themselves, and accounting's payment sync is the system's.
 */
export function defaultSource(actor: Actor): EventSource {
  if (actor === 'gps') return 'gps';
  if (actor === 'courier') return 'courier';
  if (actor === 'system' || actor === 'accounting') return 'system';
  return 'manual';
}

/** Checks the parts every request shares; returns the cleaned comment or an error. */
export function checkCommon(
  order: StatusSubject,
  req: ActorRef & { at: number; comment?: string | null },
): TransitionFailure | { ok: true; comment: string | null; source: EventSource } {
  if (!isOneOf(ORDER_STATUSES, order.status)) return fail('invalid_request', `Order has an unknown status "${String(order.status)}"`);
  if (!isOneOf(ACTORS, req.actor)) return fail('invalid_request', `Unknown actor "${String(req.actor)}"`);
  const source = req.source ?? defaultSource(req.actor);
  if (!isOneOf(EVENT_SOURCES, source)) return fail('invalid_request', `Unknown event source "${String(source)}"`);
  if (!Number.isFinite(req.at) || req.at < 0) {
    return fail('invalid_request', 'The time of the change is missing or invalid');
  }
  if (req.comment != null && typeof req.comment !== 'string') return fail('invalid_request', 'The comment must be text');
  const comment = req.comment?.trim() || null;
  if (comment !== null && comment.length > MAX_COMMENT_LENGTH) {
    return fail('invalid_request', `The comment is too long (at most ${MAX_COMMENT_LENGTH} characters)`);
  }
  return { ok: true, comment, source };
}

/** "New, Confirmed or Cancelled": the lists in refusal messages. */
export function listLabels(statuses: readonly OrderStatus[]): string {
  const labels = statuses.map((s) => STATUS_LABELS[s]);
  // Stryker disable next-line StringLiteral: a list of at most one has no separator to show
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** Why the move itself doesn't exist, whoever asks. */
function forbiddenMessage(order: StatusSubject, to: OrderStatus): string {
  const from = order.status;
  const fromL = STATUS_LABELS[from];
  const toL = STATUS_LABELS[to];
  if (isTerminalStatus(from)) return `Order is ${fromL} and can't change any more`;
  if (from === 'problem') {
    return `A problem order can only be resolved to ${listLabels(problemResolutionTargets(order))}`;
  }
  if (to === 'problem') return `A ${fromL} order can't be reported as a problem; register a claim instead`;
  if (to === 'cancelled') {
    const hint = transitionActors(from, 'problem', order).length > 0 ? '; report a problem first' : '';
    return `Order is ${fromL} and can't be cancelled${hint}`;
  }
  if (from === 'confirmed' && to === 'in_transit' && !isDirectPickup(order)) {
    return `Order must be picked at the warehouse (${STATUS_LABELS.at_warehouse}) before it goes ${toL}`;
  }
  // Every status that gets here (not ended, not a problem, not cancelling) has a rank and a next
  // step; the fallbacks only satisfy the types.
  const fromRank = STATUS_RANK[from] ?? 0;
  const toRank = STATUS_RANK[to] ?? Infinity;
  // Stryker disable next-line EqualityOperator: equal ranks mean the same status, refused earlier as no_change
  if (toRank < fromRank) return `Order can't go from ${fromL} back to ${toL}`;
  const next = NEXT_STEP[from];
  return next
    ? `Order can't go from ${fromL} to ${toL}: it must be ${STATUS_LABELS[next]} first`
    : // Stryker disable next-line StringLiteral: unreachable, see above
      `Order can't go from ${fromL} to ${toL}`;
}

function actorMessage(order: StatusSubject, to: OrderStatus, actor: Actor): string {
  const who = ACTOR_LABELS[actor];
  if (order.status === 'problem') return `${who} can't resolve a problem order; a dispatcher, supervisor or admin can`;
  if (to === 'problem') {
    const from = problemReportableFrom(actor);
    if (from.length > 0) return `${who} can report a problem only while the order is ${listLabels(from)}`;
  }
  return `${who} can't ${STATUS_ACTION_LABELS[to]}`;
}

/** Checks a status change request; on success returns the row patch and the one event. */
export function requestTransition(order: StatusSubject, req: TransitionRequest): TransitionResult {
  const common = checkCommon(order, req);
  if (!common.ok) return common;
  const { comment, source } = common;
  const from = order.status;
  const to = req.to;
  if (!isOneOf(ORDER_STATUSES, to)) return fail('invalid_request', `Unknown target status "${String(to)}"`);
  if (from === to) return fail('no_change', `Order is already ${STATUS_LABELS[to]}`);

  const actors = transitionActors(from, to, order);
  if (actors.length === 0) return fail('forbidden_transition', forbiddenMessage(order, to));
  if (!actors.includes(req.actor)) return fail('actor_not_allowed', actorMessage(order, to, req.actor));

  let reason: ProblemReason | null = null;
  if (to === 'problem') {
    if (req.reason == null) return fail('reason_required', 'Say what went wrong: a problem needs a reason');
    if (!isOneOf(PROBLEM_REASONS, req.reason)) return fail('invalid_reason', `"${String(req.reason)}" is not a known problem reason`);
    reason = req.reason;
    if (reason === 'other' && comment === null) return fail('comment_required', 'Describe the problem: reason "Other" needs a comment');
  } else if (req.reason != null) {
    return fail('invalid_request', 'A problem reason can only be given when reporting a problem');
  }
  if (to === 'cancelled' && comment === null) return fail('comment_required', 'Say why the order is cancelled');

  let subMark: SubMark | null = null;
  if (req.subMark != null) {
    if (to !== 'in_transit') return fail('sub_mark_not_allowed', `Sub-marks are only for orders ${STATUS_LABELS.in_transit}`);
    if (!isOneOf(SUB_MARKS, req.subMark)) return fail('invalid_request', `Unknown sub-mark "${String(req.subMark)}"`);
    subMark = req.subMark;
  }

  const patch: StatusPatch = {
    status: to,
    subMark,
    problemReason: reason,
    problemComment: to === 'problem' ? comment : null,
    statusBeforeProblem: to === 'problem' ? from : null,
    statusChangedAt: req.at,
  };
  // First time only: the SLA clock counts from the first confirmation, and a problem
  // round-trip must not restart it.
  if (to === 'confirmed' && order.confirmedAt == null) patch.confirmedAt = req.at;
  if (to === 'at_warehouse' && order.pickedAt == null) patch.pickedAt = req.at;
  if (to === 'delivered' && order.deliveredAt == null) patch.deliveredAt = req.at;

  const event: OrderEventDraft = {
    kind: 'status',
    at: req.at,
    fromStatus: from,
    toStatus: to,
    subMark,
    actor: req.actor,
    actorId: req.actorId ?? null,
    actorName: req.actorName ?? null,
    source,
    reason,
    comment,
    driverId: req.driverId ?? null,
    changes: null,
    handover: null,
  };
  return { ok: true, patch, event };
}

export type ResolveProblemRequest = Omit<TransitionRequest, 'reason'>;

/** Resolving a problem is a transition out of `problem`; this names it and refuses other orders. */
export function resolveProblem(order: StatusSubject, req: ResolveProblemRequest): TransitionResult {
  if (order.status !== 'problem') {
    const label = isOneOf(ORDER_STATUSES, order.status) ? STATUS_LABELS[order.status] : String(order.status);
    return fail('forbidden_transition', `Order is ${label}, not a problem; there is nothing to resolve`);
  }
  return requestTransition(order, { ...req, reason: null });
}
