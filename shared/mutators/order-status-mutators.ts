// Status mutators: confirm, mark picked, set status, sub-marks, problems, cancel. Each is a
// thin intent over changeStatus (status-change.ts), which runs the status machine.
import { z } from 'zod';
import { EVENT_SOURCES, ORDER_STATUSES, PROBLEM_REASONS, SUB_MARKS, type ProblemReason } from '../domain/vocabulary';
import type { OrderRow } from '../schema';
import { CHECKLIST_ITEMS, missingChecklistItems } from '../domain/order-intake';
import { requiredChecklist } from './checklist-policy';
import { checkOwnOrder } from './order-intake-mutators';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { requireProofs } from './delivery-proof';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';
import { loadOrder, loadOrderByNumber } from './order-writes';
import { deadlineOnConfirm } from './sla-deadline';
import { changeStatus, changeSubMark } from './status-change';

const id = z.string().min(1).max(128);
const comment = z.string().max(2000).nullable().optional();
/** People may say "I clicked" or "I scanned"; only machines speak for gps/courier/system. */
const source = z.enum(EVENT_SOURCES).optional();
const FIELD_ACTORS = ['driver', 'gps', 'courier', 'accounting'] as const;

export const confirmOrder = defineMutator({
  label: 'confirm orders',
  actors: [...DESK, 'logistician', ...MACHINES],
  args: z.object({ orderId: id, comment, checklist: z.array(z.enum(CHECKLIST_ITEMS)).max(CHECKLIST_ITEMS.length).optional() }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    // new Set(undefined) is empty: no list given, nothing ticked.
    const checked = [...new Set(args.checklist)];
    // Only people confirm (shared/domain/order-status.ts), so the admin's checklist binds every confirmation.
    const missing = missingChecklistItems(requiredChecklist(tx, order.serviceType), checked);
    if (missing.length > 0) {
      reject('checklist_incomplete', `Order ${order.number}: check ${missing.join(', ')} before confirming`, { missing });
    }
    changeStatus(tx, ctx, order, {
      to: 'confirmed',
      comment: args.comment,
      extra: (next) => ({ ...deadlineOnConfirm(tx, next), checklist: args.checklist === undefined ? next.checklist : checked }),
    });
  },
});

/** Warehouse picking, by scan (the label's number) or by click (the order id). */
export const markPicked = defineMutator({
  label: 'mark orders picked',
  actors: ['warehouse', ...DESK, ...MACHINES],
  args: z
    .object({ orderId: id.optional(), number: z.string().trim().min(1).max(32).optional(), source: z.enum(['scan', 'manual']) })
    .refine((a) => (a.orderId === undefined) !== (a.number === undefined), 'give either orderId or number'),
  run(tx, args, ctx) {
    // Stryker disable next-line StringLiteral: the schema's refine gives exactly one of orderId and number, so the '' is never read
    const order = args.orderId !== undefined ? loadOrder(tx, args.orderId) : loadOrderByNumber(tx, args.number ?? '');
    checkWarehouseScope(tx, ctx, order);
    changeStatus(tx, ctx, order, { to: 'at_warehouse', source: args.source });
  },
});

export const setStatus = defineMutator({
  label: 'change order statuses',
  actors: [...DESK, ...FIELD_ACTORS, ...MACHINES],
  args: z.object({
    orderId: id,
    to: z.enum(ORDER_STATUSES),
    source,
    reason: z.enum(PROBLEM_REASONS).nullable().optional(),
    comment,
    subMark: z.enum(SUB_MARKS).nullable().optional(),
  }),
  run(tx, args, ctx) {
    checkSource(ctx, args.source);
    const order = loadOrder(tx, args.orderId);
    // A driver's word alone no longer settles "delivered" where the admin asked for proof.
    if (args.to === 'delivered' && ctx.actor.actor === 'driver') requireProofs(tx, order);
    changeStatus(tx, ctx, order, {
      to: args.to,
      source: args.source,
      reason: args.reason,
      comment: args.comment,
      subMark: args.subMark,
      // Stryker disable next-line ConditionalExpression: on other moves deadlineOnConfirm adds nothing (a deadline is set wherever confirmedAt is, and without confirmedAt there is none)
      extra: args.to === 'confirmed' ? (next) => deadlineOnConfirm(tx, next) : undefined,
    });
  },
});

export const setSubMark = defineMutator({
  label: 'set in-transit marks',
  actors: [...DESK, 'warehouse', 'driver', 'gps', 'courier', ...MACHINES],
  args: z.object({ orderId: id, subMark: z.enum(SUB_MARKS), source, comment }),
  run(tx, args, ctx) {
    checkSource(ctx, args.source);
    const order = loadOrder(tx, args.orderId);
    checkWarehouseScope(tx, ctx, order);
    changeSubMark(tx, ctx, order, args.subMark, { source: args.source, comment: args.comment });
  },
});

/** What a warehouse user may report: what they can see in their hands. */
const WAREHOUSE_REASONS: readonly ProblemReason[] = ['short_delivery', 'damaged'];

export const reportProblem = defineMutator({
  label: 'report problems',
  actors: [...DESK, 'warehouse', 'driver', 'courier', ...MACHINES],
  args: z.object({ orderId: id, reason: z.enum(PROBLEM_REASONS), comment, source }),
  run(tx, args, ctx) {
    checkSource(ctx, args.source);
    const order = loadOrder(tx, args.orderId);
    if (ctx.actor.actor === 'warehouse') {
      checkWarehouseScope(tx, ctx, order);
      if (!WAREHOUSE_REASONS.includes(args.reason)) {
        reject('forbidden', 'A warehouse user can report only a short delivery or damaged goods', { reason: args.reason });
      }
    }
    changeStatus(tx, ctx, order, { to: 'problem', reason: args.reason, comment: args.comment, source: args.source });
  },
});

export const resolveProblem = defineMutator({
  label: 'resolve problems',
  actors: [...DESK, ...MACHINES],
  args: z.object({ orderId: id, to: z.enum(ORDER_STATUSES), comment }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    if (order.status !== 'problem') {
      reject('not_a_problem', `Order ${order.number} is not a problem; there is nothing to resolve`, { status: order.status });
    }
    changeStatus(tx, ctx, order, {
      to: args.to,
      comment: args.comment,
      // Stryker disable next-line ConditionalExpression: as in setStatus, deadlineOnConfirm adds nothing on other moves
      extra: args.to === 'confirmed' ? (next) => deadlineOnConfirm(tx, next) : undefined,
    });
  },
});

export const cancelOrder = defineMutator({
  label: 'cancel orders',
  actors: [...DESK, 'integration', ...MACHINES],
  args: z.object({ orderId: id, comment: z.string().trim().min(1, 'say why the order is cancelled').max(2000) }),
  run(tx, args, ctx) {
    const order = loadOrder(tx, args.orderId);
    checkOwnOrder(ctx, order);
    changeStatus(tx, ctx, order, { to: 'cancelled', comment: args.comment });
  },
});

/** Users may only claim manual or scan; gps/courier/system sources belong to those machines. */
function checkSource(ctx: MutatorContext, src: string | undefined): void {
  if (src === undefined || ctx.actor.role === null) return;
  if (src !== 'manual' && src !== 'scan') {
    reject('bad_args', `A desktop user can't record a change as coming from "${src}"`, { source: src });
  }
}

/**
 * A warehouse user works only on their own warehouse's orders. One bound to no warehouse
 * (an admin forgot `--warehouse`, or the warehouse was unset) is refused outright: unbound
 * must not mean "every warehouse".
 */
function checkWarehouseScope(tx: MutatorTx, ctx: MutatorContext, order: OrderRow): void {
  if (ctx.actor.actor !== 'warehouse') return;
  const user = tx.get('users', ctx.actor.id);
  const own = user?.warehouseId ?? null;
  if (own === null) {
    reject('forbidden', `A warehouse user bound to no warehouse can't change order ${order.number}: an admin must set the user's warehouse`, {
      orderWarehouseId: order.warehouseId,
    });
  }
  if (order.warehouseId !== own) {
    reject('forbidden', `Order ${order.number} belongs to another warehouse`, {
      orderWarehouseId: order.warehouseId,
      userWarehouseId: own,
    });
  }
}
