// In-transit sub-marks (left the warehouse, on route, arrived): internal progress inside one
// status. They never change the status, but each one is a timeline event like a status change,
// because "arrived 14:02 (GPS)" is exactly what a dispatcher reads out to a customer.
import type { SubMark } from './vocabulary';
import { SUB_MARKS } from './vocabulary';
import type { ActorRef, OrderEventDraft, StatusSubject, TransitionFailure } from './order-transition';
import { checkCommon, fail } from './order-transition';
import { subMarkActors, subMarkGoesBack } from './order-status';
import { ACTOR_LABELS, STATUS_LABELS, SUB_MARK_LABELS } from './status-labels';

export interface SubMarkRequest extends ActorRef {
  subMark: SubMark;
  at: number;
  comment?: string | null;
}

export type SubMarkResult = { ok: true; patch: { subMark: SubMark }; event: OrderEventDraft } | TransitionFailure;

/** Checks a sub-mark request; the event carries the unchanged status (in_transit) in both fields. */
export function requestSubMark(order: StatusSubject, req: SubMarkRequest): SubMarkResult {
  const common = checkCommon(order, req);
  if (!common.ok) return common;
  if (!(SUB_MARKS as readonly string[]).includes(req.subMark)) {
    return fail('invalid_request', `Unknown sub-mark "${String(req.subMark)}"`);
  }
  if (order.status !== 'in_transit') {
    return fail(
      'sub_mark_not_allowed',
      `"${SUB_MARK_LABELS[req.subMark]}" can only be marked while the order is ${STATUS_LABELS.in_transit}; it is ${STATUS_LABELS[order.status]}`,
    );
  }
  const current = order.subMark ?? null;
  if (current === req.subMark) return fail('no_change', `Order is already marked "${SUB_MARK_LABELS[req.subMark]}"`);
  const actors = subMarkActors(current, req.subMark);
  if (!actors.includes(req.actor)) {
    const message =
      subMarkGoesBack(current, req.subMark) &&
      // Stryker disable next-line ConditionalExpression: subMarkGoesBack(null, …) is false already; this only narrows the type
      current !== null
        ? `${ACTOR_LABELS[req.actor]} can't move the mark back from "${SUB_MARK_LABELS[current]}" to "${SUB_MARK_LABELS[req.subMark]}"; a dispatcher can correct it`
        : `${ACTOR_LABELS[req.actor]} can't mark "${SUB_MARK_LABELS[req.subMark]}"`;
    return fail('actor_not_allowed', message);
  }
  return {
    ok: true,
    patch: { subMark: req.subMark },
    event: {
      kind: 'sub_mark',
      at: req.at,
      fromStatus: 'in_transit',
      toStatus: 'in_transit',
      subMark: req.subMark,
      actor: req.actor,
      actorId: req.actorId ?? null,
      actorName: req.actorName ?? null,
      source: common.source,
      reason: null,
      comment: common.comment,
      driverId: req.driverId ?? null,
      changes: null,
      handover: null,
    },
  };
}
