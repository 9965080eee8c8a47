// Changes to an order after it came in (issue 14): edits with a trail of old and new values,
// hand corrections of the status (and their undo), payments, and the admin's checklist rules.
import { z } from 'zod';
import {
  CHECKLIST_ITEMS,
  EDITABLE_BY_CUSTOMER_STATUSES,
  MAX_TIME,
  PAYMENT_METHODS,
  diffFields,
  type PaymentMethod,
  windowProblem,
  type EditableOrderField,
  type FieldValue,
  type StatusSnapshot,
} from '../domain/order-intake';
import { isOpenStatus } from '../domain/order-status';
import { canUndoCorrection, checkCorrection, correctedSnapshot, CORRECTION_ACTORS, MAX_CORRECTION_REASON } from '../domain/status-correction';
import { ORDER_STATUSES, SERVICE_TYPES } from '../domain/vocabulary';
import type { OrderRow } from '../schema';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject, type MutatorContext } from './mutator-tx';
import { ORDER_FIELD_SCHEMAS } from './order-fields';
import { loadOrder, saveOrder, writeEvent } from './order-writes';
import { deadlineOf } from './sla-deadline';
import { changeStatus } from './status-change';

const id = z.string().min(1).max(128);

/** Every editable field, each optional: what is given changes, what is left out stays. */
export const orderEditSchema = z
  .object(ORDER_FIELD_SCHEMAS)
  .partial()
  .strict() satisfies z.ZodType<Partial<Record<EditableOrderField, FieldValue>>>;
export type OrderEdit = z.infer<typeof orderEditSchema>;

/** What a shop (integration) may change: where, when and who to call, not the cargo. */
const CUSTOMER_EDITABLE: ReadonlySet<EditableOrderField> = new Set([
  'customerName',
  'customerPhone',
  'customerEmail',
  'deliveryAddress',
  'deliveryCity',
  'deliveryLat',
  'deliveryLon',
  'windowStart',
  'windowEnd',
]);

/** An integration acts only on the orders it sent. */
export function checkOwnOrder(ctx: MutatorContext, order: OrderRow): void {
  if (ctx.actor.actor === 'integration' && order.externalSource !== ctx.actor.id) {
    reject('not_found', `No order with number ${order.number}`, { field: 'number', number: order.number });
  }
}

export const editOrder = defineMutator({
  label: 'edit orders',
  actors: [...DESK, 'logistician', 'integration', ...MACHINES],
  args: z.object({ orderId: id, changes: orderEditSchema, comment: z.string().trim().max(2000).optional() }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    checkOwnOrder(ctx, order);
    if (ctx.actor.actor === 'integration') {
      if (!EDITABLE_BY_CUSTOMER_STATUSES.includes(order.status)) {
        reject('too_late', `Order ${order.number} is already picked up; call the dispatcher to change it`, { status: order.status });
      }
      const bad = Object.keys(args.changes).find((f) => !CUSTOMER_EDITABLE.has(f as EditableOrderField));
      if (bad !== undefined) reject('forbidden', `An integration can't change ${bad}`, { field: bad });
    } else if (!isOpenStatus(order.status)) {
      reject('too_late', `Order ${order.number} is finished and can't be edited`, { status: order.status });
    }
    const changes = diffFields(order, args.changes);
    if (changes.length === 0) return; // the same values again: nothing to record
    let next: OrderRow = { ...order, ...args.changes };
    const window = windowProblem(next.windowStart, next.windowEnd);
    if (window !== null) reject('bad_args', `Delivery window: ${window}`, { field: 'windowEnd' });
    // A confirmed order's promise follows its window: moving the window's end moves the deadline
    // (the deadline is that end; the start does not enter it, and before confirmation there is none).
    // Other edits keep the promise made at confirmation, even if the SLA policy changed since.
    if (changes.some((c) => c.field === 'windowEnd')) {
      const deadline = deadlineOf(tx, next);
      if (deadline !== order.slaDeadline) {
        changes.push({ field: 'slaDeadline', old: order.slaDeadline, new: deadline });
        next = { ...next, slaDeadline: deadline };
      }
    }
    saveOrder(tx, ctx, next);
    writeEvent(tx, ctx, order.id, { kind: 'edit', changes, comment: args.comment ?? null });
  },
});

function snapshotOf(o: OrderRow): StatusSnapshot {
  return {
    status: o.status,
    subMark: o.subMark,
    problemReason: o.problemReason,
    problemComment: o.problemComment,
    statusBeforeProblem: o.statusBeforeProblem,
    statusChangedAt: o.statusChangedAt,
    confirmedAt: o.confirmedAt,
    pickedAt: o.pickedAt,
    deliveredAt: o.deliveredAt,
    slaDeadline: o.slaDeadline,
  };
}

/** Puts snapshot columns on the row; the stored strings came from the row itself. */
function withSnapshot(o: OrderRow, s: StatusSnapshot): OrderRow {
  return {
    ...o,
    status: s.status,
    subMark: s.subMark as OrderRow['subMark'],
    problemReason: s.problemReason as OrderRow['problemReason'],
    problemComment: s.problemComment,
    statusBeforeProblem: s.statusBeforeProblem,
    statusChangedAt: s.statusChangedAt,
    confirmedAt: s.confirmedAt,
    pickedAt: s.pickedAt,
    deliveredAt: s.deliveredAt,
    slaDeadline: s.slaDeadline,
  };
}

const reason = z.string().trim().min(1, 'say why').max(MAX_CORRECTION_REASON);

export const correctStatus = defineMutator({
  label: 'correct statuses by hand',
  actors: CORRECTION_ACTORS,
  args: z.object({ orderId: id, to: z.enum(ORDER_STATUSES), reason }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    const check = checkCorrection(order, ctx.actor.actor, args.to, args.reason);
    if (!check.ok) reject(check.code, `Order ${order.number}: ${check.message}`, { status: order.status, to: args.to });
    const before = snapshotOf(order);
    let next = withSnapshot(order, correctedSnapshot(before, args.to, ctx.at));
    // A correction that confirms starts the clock; a deadline already set stays (deadlineOf is null while unconfirmed).
    if (next.slaDeadline === null) next = { ...next, slaDeadline: deadlineOf(tx, next) };
    const event = writeEvent(tx, ctx, order.id, { kind: 'correction', fromStatus: order.status, toStatus: args.to, reason: args.reason });
    // The version the order will have once saved: an undo is allowed only while it stays so.
    next = { ...next, lastCorrection: { eventId: event.id, version: order.version + 1, before } };
    saveOrder(tx, ctx, next);
  },
});

export const undoCorrection = defineMutator({
  label: 'undo status corrections',
  actors: CORRECTION_ACTORS,
  args: z.object({ orderId: id, reason }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    if (order.lastCorrection === null) reject('nothing_to_undo', `Order ${order.number} has no correction to undo`);
    if (!canUndoCorrection(order)) {
      reject('stale', `Order ${order.number} changed after the correction; correct it again instead`, { version: order.version });
    }
    const { before } = order.lastCorrection;
    writeEvent(tx, ctx, order.id, { kind: 'correction', fromStatus: order.status, toStatus: before.status, reason: args.reason, comment: 'undo' });
    saveOrder(tx, ctx, { ...withSnapshot(order, before), lastCorrection: null });
  },
});

/**
 * The payment event's comment: "5000 card KASPI-77". Integrations read it as is (REST); the
 * console reads it back with parsePaymentComment to say it in words. Both live here.
 */
export function paymentComment(p: { amount: number; method: string; reference?: string | undefined }): string {
  return `${p.amount} ${p.method}${p.reference === undefined ? '' : ` ${p.reference}`}`;
}

export function parsePaymentComment(text: string | null): { amount: number; method: PaymentMethod; reference: string | null } | null {
  // Stryker disable next-line StringLiteral: any text that is not a payment reads as null, the fallback's words don't matter
  const m = /^(\d+(?:\.\d+)?) (\S+)(?: (.+))?$/s.exec(text ?? '');
  if (!m || !(PAYMENT_METHODS as readonly string[]).includes(m[2]!)) return null;
  return { amount: Number(m[1]), method: m[2] as PaymentMethod, reference: m[3] ?? null };
}

export const paymentArgs = z.object({
  amount: z.number().positive().max(1_000_000_000),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().trim().min(1).max(128).optional(),
  /** When the payment was made (ms); defaults to the change time. */
  paidAt: z.number().int().min(0).max(MAX_TIME).optional(),
});

export const recordPayment = defineMutator({
  label: 'record payments',
  actors: ['admin', 'accounting', 'integration', ...MACHINES],
  args: paymentArgs.extend({ orderId: id }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    checkOwnOrder(ctx, order);
    if (order.status === 'cancelled') reject('cancelled', `Order ${order.number} is cancelled; nothing to pay for`);
    if (order.paidAt !== null) {
      // The same payment again (a payment system retrying) is fine; a different one is not.
      if (order.paymentReference !== null && order.paymentReference === (args.reference ?? null)) return;
      reject('already_paid', `Order ${order.number} is already paid`, { paidAt: order.paidAt });
    }
    const paid: OrderRow = {
      ...order,
      paidAt: args.paidAt ?? ctx.at,
      paymentAmount: args.amount,
      paymentMethod: args.method,
      paymentReference: args.reference ?? null,
    };
    writeEvent(tx, ctx, order.id, {
      kind: 'payment',
      comment: paymentComment(args),
    });
    // A delivered order is done once paid: it closes in the same change (seed 000).
    if (order.status === 'delivered') changeStatus(tx, ctx, paid, { to: 'closed', comment: null });
    else saveOrder(tx, ctx, paid);
  },
});

export const setChecklistPolicy = defineMutator({
  label: 'edit confirmation checklists',
  actors: ['admin'],
  args: z.object({ serviceType: z.enum(SERVICE_TYPES), required: z.array(z.enum(CHECKLIST_ITEMS)).max(CHECKLIST_ITEMS.length) }),
  run(tx, args, ctx) {
    tx.put('checklist_policies', {
      id: args.serviceType,
      required: CHECKLIST_ITEMS.filter((i) => args.required.includes(i)),
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    });
  },
});
