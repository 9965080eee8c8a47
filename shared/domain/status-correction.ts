// Hand corrections of a status (seed 003: "a supervisor fixes the board"): a supervisor or
// admin may set a status the ordinary moves don't reach (a wrong "delivered" back to
// "in transit", a cancelled order revived), always with a reason, shown on the timeline as a
// correction. Additive to the status machine (order-status.ts): ordinary moves are untouched.
import type { StatusCorrection, StatusSnapshot } from './order-intake';
import type { Actor, OrderStatus } from './vocabulary';
import { ORDER_STATUSES } from './vocabulary';

export const CORRECTION_ACTORS = ['supervisor', 'admin'] as const satisfies readonly Actor[];

export interface CorrectionSubject {
  status: OrderStatus;
  /** null = direct pickup: it never is at a warehouse. */
  warehouseId: string | null;
  paidAt: number | null;
}

/**
 * Where a correction may take the order: any other status except `problem` (reporting one
 * needs a problem reason: that is reportProblem's job), `at_warehouse` for a direct pickup
 * (it has no warehouse) and `closed` before payment (closing is about money).
 */
export function correctionTargets(order: CorrectionSubject): OrderStatus[] {
  return ORDER_STATUSES.filter(
    (s) =>
      s !== order.status &&
      s !== 'problem' &&
      !(s === 'at_warehouse' && order.warehouseId === null) &&
      !(s === 'closed' && order.paidAt === null),
  );
}

export type CorrectionCheck = { ok: true } | { ok: false; code: 'forbidden' | 'forbidden_transition' | 'reason_required'; message: string };

export const MAX_CORRECTION_REASON = 1000;

export function checkCorrection(order: CorrectionSubject, actor: Actor, to: OrderStatus, reason: string): CorrectionCheck {
  if (!(CORRECTION_ACTORS as readonly Actor[]).includes(actor)) {
    return { ok: false, code: 'forbidden', message: 'Only a supervisor or an admin can correct a status by hand' };
  }
  if (reason.trim().length === 0) return { ok: false, code: 'reason_required', message: 'Say why the status is corrected' };
  if (!correctionTargets(order).includes(to)) {
    if (to === order.status) return { ok: false, code: 'forbidden_transition', message: `The order already has this status` };
    if (to === 'problem') return { ok: false, code: 'forbidden_transition', message: 'Report a problem with its reason instead of correcting to it' };
    if (to === 'closed') return { ok: false, code: 'forbidden_transition', message: 'An order is closed only once its payment is recorded' };
    return { ok: false, code: 'forbidden_transition', message: 'A direct pickup order is never at a warehouse' };
  }
  return { ok: true };
}

/** The status columns after a correction to `to` at `at`: milestones set only when first reached. */
export function correctedSnapshot(before: StatusSnapshot, to: OrderStatus, at: number): StatusSnapshot {
  return {
    ...before,
    status: to,
    subMark: null,
    problemReason: null,
    problemComment: null,
    statusBeforeProblem: null,
    statusChangedAt: at,
    confirmedAt: before.confirmedAt ?? (to === 'new' || to === 'cancelled' ? null : at),
    pickedAt: before.pickedAt ?? (to === 'at_warehouse' ? at : null),
    deliveredAt: before.deliveredAt ?? (to === 'delivered' || to === 'closed' ? at : null),
  };
}

/** Whether the last correction can still be undone: nothing changed the order since. */
export function canUndoCorrection(order: { version: number; lastCorrection: StatusCorrection | null }): boolean {
  return order.lastCorrection !== null && order.lastCorrection.version === order.version;
}
