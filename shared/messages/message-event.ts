// A message's line on the order's timeline (kind `message`): a tracking link asked for, a
// send attempt, a customer's opt-out. Every field a message event never carries (statuses,
// sub-mark, driver, edit changes, handover) is null here, so no writer has to spell them out.
import type { Actor, EventSource } from '../domain/vocabulary';
import type { OrderEventRow } from '../schema';

export interface MessageEventFields {
  id: string;
  orderId: string;
  at: number;
  /** Who caused it: a desk user (source `manual`) or the system (a channel, the customer's way). */
  actor: Actor;
  actorId: string | null;
  actorName: string | null;
  source: EventSource;
  /** The machine reason the timeline words it from (`<trigger>:<state>`, the opt-out reason). */
  reason: string;
  comment: string | null;
}

export function messageEvent(f: MessageEventFields): OrderEventRow {
  return {
    id: f.id,
    orderId: f.orderId,
    kind: 'message',
    at: f.at,
    fromStatus: null,
    toStatus: null,
    subMark: null,
    actor: f.actor,
    actorId: f.actorId,
    actorName: f.actorName,
    source: f.source,
    reason: f.reason,
    comment: f.comment,
    driverId: null,
    changes: null,
    handover: null,
  };
}
