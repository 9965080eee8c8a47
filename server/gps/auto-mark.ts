// Which geofence watches an order, and whether a fired geofence may still mark it. Pure.
// "Automatic marks never overwrite a later manual one": when a person (or scan or courier)
// changed the order after the fix that fired, the fix is old news and nothing is written.
// Idempotent: an order already marked (or moved on) is skipped, so a repeated fire, a
// restart or a second server process can't write the mark twice.
import type { OrderStatus, SubMark } from '../../shared/domain/vocabulary';

export type FenceKind = 'arrival' | 'departure';

export interface FenceOrder {
  id: string;
  status: OrderStatus;
  subMark: SubMark | null;
  driverId: string | null;
}

/** The fence that watches this order for its driver, or null when none applies now. */
export function fenceKindFor(order: FenceOrder): FenceKind | null {
  if (order.status === 'in_transit' && order.subMark !== 'arrived') return 'arrival';
  if (order.status === 'at_warehouse') return 'departure';
  return null;
}

export type AutoMark =
  | { ok: true; mutation: 'setSubMark'; args: { orderId: string; subMark: 'arrived'; source: 'gps' } }
  | { ok: true; mutation: 'setStatus'; args: { orderId: string; to: 'in_transit'; subMark: 'left_warehouse'; source: 'gps' } }
  | { ok: false; skip: 'not_applicable' | 'other_driver' | 'later_manual_change' };

/**
 * The mutation a fired fence asks for, checked against the order as it is now.
 * `lastManualAt`: time of the order's latest event not made by GPS (null when none).
 */
export function planAutoMark(
  kind: FenceKind,
  order: FenceOrder,
  driverId: string,
  fixAt: number,
  lastManualAt: number | null,
): AutoMark {
  if (order.driverId !== driverId) return { ok: false, skip: 'other_driver' };
  if (fenceKindFor(order) !== kind) return { ok: false, skip: 'not_applicable' };
  if (lastManualAt !== null && lastManualAt > fixAt) return { ok: false, skip: 'later_manual_change' };
  return kind === 'arrival'
    ? { ok: true, mutation: 'setSubMark', args: { orderId: order.id, subMark: 'arrived', source: 'gps' } }
    : { ok: true, mutation: 'setStatus', args: { orderId: order.id, to: 'in_transit', subMark: 'left_warehouse', source: 'gps' } };
}
