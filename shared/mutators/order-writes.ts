// Small writes every order mutator shares: finding the order, recording an event on its
// timeline, and saving it with a bumped version. Kept here so every mutator bumps `version`
// (the compare-and-set of assignDriver depends on it) and stamps times the same way.
import { defaultSource } from '../domain/order-transition';
import type { OrderEventRow, OrderRow } from '../schema';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';

export function loadOrder(tx: MutatorTx, orderId: string): OrderRow {
  return tx.get('orders', orderId) ?? reject('not_found', `Order ${orderId} does not exist`, { field: 'orderId', orderId });
}

export function loadOrderByNumber(tx: MutatorTx, number: string): OrderRow {
  return tx.findOrderByNumber(number) ?? reject('not_found', `No order with number ${number}`, { field: 'number', number });
}

/** Saves the order with its version bumped and `updatedAt` at the executing side's clock. */
export function saveOrder(tx: MutatorTx, ctx: MutatorContext, order: OrderRow): OrderRow {
  const saved: OrderRow = { ...order, version: order.version + 1, updatedAt: ctx.now };
  tx.put('orders', saved);
  return saved;
}

export type EventFields = Partial<Omit<OrderEventRow, 'id' | 'orderId' | 'at' | 'actor' | 'actorId' | 'actorName'>> &
  Pick<OrderEventRow, 'kind'>;

/** Appends an event to the order's timeline; `at` is when it happened (ctx.at). */
export function writeEvent(tx: MutatorTx, ctx: MutatorContext, orderId: string, fields: EventFields): OrderEventRow {
  const event: OrderEventRow = {
    id: ctx.newId(),
    orderId,
    at: ctx.at,
    actor: ctx.actor.actor,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    source: fields.source ?? defaultSource(ctx.actor.actor),
    kind: fields.kind,
    fromStatus: fields.fromStatus ?? null,
    toStatus: fields.toStatus ?? null,
    subMark: fields.subMark ?? null,
    reason: fields.reason ?? null,
    comment: fields.comment ?? null,
    driverId: fields.driverId ?? null,
    changes: fields.changes ?? null,
    handover: fields.handover ?? null,
  };
  tx.put('order_events', event);
  return event;
}


/** "order 123" in messages: people know orders by number, not id. */
export function orderLabel(order: OrderRow): string {
  return `order ${order.number}`;
}

/** "Order 123" at the start of a sentence. */
export function OrderLabel(order: OrderRow): string {
  return `Order ${order.number}`;
}
