// The one road every status change takes: the status machine (shared/domain) decides, this
// file applies its patch, writes its event and bumps the version, or turns its refusal into
// a business rejection. Mutators never set `status` any other way.
import type { OrderEventDraft, TransitionFailure, TransitionRequest } from '../domain/order-transition';
import { requestTransition } from '../domain/order-transition';
import { requestSubMark } from '../domain/order-sub-mark';
import type { EventSource, OrderStatus, ProblemReason, SubMark } from '../domain/vocabulary';
import type { OrderRow } from '../schema';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';
import { saveOrder } from './order-writes';

export interface StatusChange {
  to: OrderStatus;
  source?: EventSource | undefined;
  reason?: ProblemReason | null | undefined;
  comment?: string | null | undefined;
  subMark?: SubMark | null | undefined;
  /** Extra columns to set with the change (e.g. slaDeadline on confirmation). */
  extra?: (next: OrderRow) => Partial<OrderRow>;
}

export function changeStatus(tx: MutatorTx, ctx: MutatorContext, order: OrderRow, change: StatusChange): OrderRow {
  const req: TransitionRequest = {
    to: change.to,
    at: ctx.at,
    actor: ctx.actor.actor,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    driverId: order.driverId,
    reason: change.reason ?? null,
    comment: change.comment ?? null,
    subMark: change.subMark ?? null,
    // Undefined means "the actor's own": the domain reads `source ?? defaultSource(actor)`.
    source: change.source,
  };
  const result = requestTransition(order, req);
  if (!result.ok) rejectTransition(result, order);
  let next: OrderRow = { ...order, ...result.patch };
  if (change.extra) next = { ...next, ...change.extra(next) };
  const saved = saveOrder(tx, ctx, next);
  putEvent(tx, ctx, order.id, result.event);
  return saved;
}

export function changeSubMark(
  tx: MutatorTx,
  ctx: MutatorContext,
  order: OrderRow,
  subMark: SubMark,
  opts: { source?: EventSource | undefined; comment?: string | null | undefined },
): OrderRow {
  const result = requestSubMark(order, {
    subMark,
    at: ctx.at,
    actor: ctx.actor.actor,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    driverId: order.driverId,
    comment: opts.comment ?? null,
    source: opts.source,
  });
  if (!result.ok) rejectTransition(result, order);
  const saved = saveOrder(tx, ctx, { ...order, ...result.patch });
  putEvent(tx, ctx, order.id, result.event);
  return saved;
}

function putEvent(tx: MutatorTx, ctx: MutatorContext, orderId: string, draft: OrderEventDraft): void {
  tx.put('order_events', { id: ctx.newId(), orderId, ...draft });
}

/** The machine's refusal, as the user will read it. A wrong actor is the protocol's 'forbidden'. */
function rejectTransition(failure: TransitionFailure, order: OrderRow): never {
  const { code, message } = failure.error;
  reject(code === 'actor_not_allowed' ? 'forbidden' : code, `Order ${order.number}: ${message}`, {
    orderId: order.id,
    number: order.number,
    status: order.status,
    transitionError: code,
  });
}
