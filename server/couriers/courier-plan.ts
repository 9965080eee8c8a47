// What a courier event does to one of our orders, decided from the provider's mapping table
// and the order as it is now. Pure. The result is a server mutation (run by the caller as the
// provider's actor, so it goes through the status machine and the change log), a skip with a
// reason, or a review item for a person. Rules:
// - idempotent: an order already at (or past) the mapped checkpoint is skipped, so repeats and
//   out-of-order deliveries (CDEK sends them) change nothing;
// - never over a later manual change: a person who touched the order after the provider's
//   status time wins;
// - a code the table doesn't know goes to review, never silently dropped.
import { STATUS_RANK } from '../../shared/domain/order-status';
import { SUB_MARKS, type OrderStatus, type ProblemReason, type SubMark } from '../../shared/domain/vocabulary';
import { lookupAction, ownEntry, type MappingAction, type ProviderConfig } from './courier-config';
import type { CourierEvent } from './courier-event';

export interface PlanOrder {
  id: string;
  status: OrderStatus;
  subMark: SubMark | null;
}

export type CourierPlan =
  | { kind: 'mutation'; name: 'setStatus'; args: SetStatusArgs }
  | { kind: 'mutation'; name: 'setSubMark'; args: { orderId: string; subMark: SubMark } }
  | { kind: 'mutation'; name: 'addComment'; args: { orderId: string; text: string } }
  | { kind: 'skip'; why: string }
  | { kind: 'review'; reason: 'unmapped_code'; detail: string };

export interface SetStatusArgs {
  orderId: string;
  to: OrderStatus;
  subMark?: SubMark;
  reason?: ProblemReason;
  comment?: string;
}

function subMarkRank(m: SubMark | null): number {
  return m === null ? -1 : SUB_MARKS.indexOf(m);
}

/** "CDEK: NOT_DELIVERED (reason 2, Almaty)": what a dispatcher reads on the timeline. */
export function describeEvent(cfg: ProviderConfig, e: CourierEvent): string {
  const extra = [e.reasonCode === null ? null : `reason ${e.reasonCode}`, e.note].filter((x) => x !== null);
  const what = e.code === '' ? (e.direct?.status ?? e.direct?.subMark ?? 'note') : e.code;
  return `${cfg.name}: ${what}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

function actionOf(cfg: ProviderConfig, e: CourierEvent): MappingAction | null {
  if (e.direct === null) return lookupAction(cfg, e.code);
  const { status, subMark, reason } = e.direct;
  if (status === null && subMark === null) return 'comment';
  return {
    ...(status === null ? {} : { status }),
    ...(subMark === null ? {} : { subMark }),
    ...(reason === null ? {} : { reason }),
  };
}

export function planCourierEvent(cfg: ProviderConfig, e: CourierEvent, order: PlanOrder, lastManualAt: number | null): CourierPlan {
  const action = actionOf(cfg, e);
  if (action === null) {
    return { kind: 'review', reason: 'unmapped_code', detail: `${cfg.name} code "${e.code}" is not in the mapping table` };
  }
  if (action === 'ignore') return { kind: 'skip', why: `code ${e.code} is ignored by the mapping table` };
  const text = describeEvent(cfg, e);
  if (action === 'comment') return { kind: 'mutation', name: 'addComment', args: { orderId: order.id, text } };
  if (lastManualAt !== null && lastManualAt > e.at) {
    return { kind: 'skip', why: 'the order was changed by hand after this status; the manual change stands' };
  }

  const target = action.status;
  const mark = action.subMark ?? null;
  if (target === undefined || target === order.status) {
    if (mark !== null && order.status === 'in_transit' && subMarkRank(order.subMark) < subMarkRank(mark)) {
      return { kind: 'mutation', name: 'setSubMark', args: { orderId: order.id, subMark: mark } };
    }
    if (target === undefined && order.status !== 'in_transit') {
      return { kind: 'mutation', name: 'setSubMark', args: { orderId: order.id, subMark: mark ?? 'on_route' } }; // the mutator explains why not
    }
    return { kind: 'skip', why: `order is already ${order.status}${order.subMark === null ? '' : ` (${order.subMark})`}` };
  }
  const from = STATUS_RANK[order.status];
  const to = STATUS_RANK[target];
  if (from !== undefined && to !== undefined && to < from) {
    return { kind: 'skip', why: `order is already ${order.status}, past ${target}` };
  }
  const args: SetStatusArgs = { orderId: order.id, to: target };
  if (target === 'in_transit' && mark !== null) args.subMark = mark;
  if (target === 'problem') {
    args.reason = action.reason ?? (e.reasonCode === null ? undefined : ownEntry(cfg.reasons, e.reasonCode)) ?? 'other';
    args.comment = text;
  } else if (e.note !== null && e.direct !== null) {
    args.comment = e.note;
  }
  return { kind: 'mutation', name: 'setStatus', args };
}

/** The mapping table says to do nothing with this event (no order needed to know it). */
export function isIgnoredEvent(cfg: ProviderConfig, e: CourierEvent): boolean {
  return e.direct === null && lookupAction(cfg, e.code) === 'ignore';
}
