// What a user may do to an order, from the same rules the server enforces: the mutators'
// actor lists (coarse) and the status machine (per status). The UI offers only these.
import { ORDER_ACTIONS, type OrderAction } from './orders-api';
import { allowedTransitions, isOpenStatus, isTerminalStatus, problemResolutionTargets, type TransitionContext } from '../domain/order-status';
import { ORDER_STATUSES, type Actor, type OrderStatus } from '../domain/vocabulary';
import { MUTATORS, type MutatorName } from '../mutators/registry';
import { canUndoCorrection, correctionTargets } from '../domain/status-correction';
import type { StatusCorrection } from '../domain/order-intake';
import { carriedBy, mayAssignOwnDriver } from '../domain/carried-by';

export interface ActionSubject extends TransitionContext {
  status: OrderStatus;
  driverId: string | null;
  /** Left out where only the status matters (the session's coarse list): then unpaid, never corrected. */
  paidAt?: number | null;
  version?: number;
  lastCorrection?: StatusCorrection | null;
  /** Who carries it (issue 16); left out where only the status matters: the own fleet. */
  carrierId?: string | null;
  courierProvider?: string | null;
}

function may(actor: Actor, mutator: MutatorName): boolean {
  return (MUTATORS[mutator].actors as readonly Actor[]).includes(actor);
}

export function orderActions(order: ActionSubject, actor: Actor | null): OrderAction[] {
  if (actor === null) return [];
  const ctx: TransitionContext = { warehouseId: order.warehouseId, statusBeforeProblem: order.statusBeforeProblem };
  const to = new Set(allowedTransitions(order.status, actor, ctx));
  const open = isOpenStatus(order.status);
  const carried = carriedBy({ carrierId: order.carrierId ?? null, courierProvider: order.courierProvider ?? null });
  const can: Record<OrderAction, boolean> = {
    confirm: may(actor, 'confirmOrder') && to.has('confirmed') && order.status === 'new',
    // A courier's or carrier's order is taken back first (take_back), then assigned: the mutator's rule.
    assign: may(actor, 'assignDriver') && open && mayAssignOwnDriver({ carrierId: order.carrierId ?? null, courierProvider: order.courierProvider ?? null }),
    // Goods on the road stay with their driver (the mutator refuses in_transit).
    unassign: may(actor, 'unassignDriver') && open && order.driverId !== null && order.status !== 'in_transit',
    report_problem: may(actor, 'reportProblem') && to.has('problem'),
    resolve_problem:
      may(actor, 'resolveProblem') && order.status === 'problem' && problemResolutionTargets(ctx).some((s) => to.has(s)),
    comment: may(actor, 'addComment'),
    cancel: may(actor, 'cancelOrder') && to.has('cancelled') && order.status !== 'problem',
    mark_picked: may(actor, 'markPicked') && order.status === 'confirmed' && to.has('at_warehouse'),
    // The mutator refuses finished orders by the same rule (shared/messages/message-mutators.ts).
    send_tracking_link: may(actor, 'sendTrackingLink') && open,
    // The same rules as the mutators (shared/mutators/order-intake-mutators.ts).
    edit: may(actor, 'editOrder') && !isTerminalStatus(order.status) && order.status !== 'delivered',
    correct_status: may(actor, 'correctStatus') && correctionTargets({ status: order.status, warehouseId: order.warehouseId ?? null, paidAt: order.paidAt ?? null }).length > 0,
    undo_correction:
      may(actor, 'undoCorrection') && order.version !== undefined && canUndoCorrection({ version: order.version, lastCorrection: order.lastCorrection ?? null }),
    record_payment: may(actor, 'recordPayment') && order.status !== 'cancelled' && (order.paidAt ?? null) === null,
    // The hand-over mutators take open orders only (shared/mutators/handover.ts).
    hand_to_carrier: may(actor, 'handToCarrier') && open,
    hand_to_courier: may(actor, 'handToCourier') && open,
    take_back: may(actor, 'handToOwnFleet') && open && carried !== 'own',
  };
  return ORDER_ACTIONS.filter((a) => can[a]);
}

/** Whether this user may take a new order in (the new-order button and shortcut). */
export function canCreateOrders(actor: Actor | null): boolean {
  return actor !== null && may(actor, 'createOrder');
}

/** Whether this user may import orders from a spreadsheet (the console's Import orders button). */
export function canImportOrders(actor: Actor | null): boolean {
  return actor !== null && may(actor, 'importOrders');
}

/** Everything the role may do to some order: the session's coarse list. */
export function roleActions(actor: Actor | null): OrderAction[] {
  if (actor === null) return [];
  const all = new Set<OrderAction>();
  for (const status of ORDER_STATUSES) {
    for (const warehouseId of ['w', null]) {
      for (const carrierId of [null, 'c']) {
        for (const a of orderActions({ status, driverId: 'd', warehouseId, statusBeforeProblem: null, carrierId }, actor)) all.add(a);
      }
    }
  }
  return ORDER_ACTIONS.filter((a) => all.has(a));
}
