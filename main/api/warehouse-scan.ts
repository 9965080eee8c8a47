// One scan at the warehouse: the USB scanner typed an order number and Enter. The number is
// looked up in the replica first, so an unknown, already-picked or foreign label gets its own
// clear answer and changes nothing; a pickable one becomes markPicked {number, source: scan}
// through the sync client (applied at once, queued for the server: works offline).
import type { CommandResult } from '../../shared/api/define';
import type { ScanResult } from '../../shared/api/warehouse-api';
import { STATUS_RANK } from '../../shared/domain/order-status';
import type { ReadonlyReplica } from '../db/open-replica';
import { findScannedOrder } from '../db/queries/warehouse-queries';

export interface ScanDeps {
  replica: ReadonlyReplica;
  /** markPicked through the sync client (runCommand). */
  markPicked(number: string): Promise<CommandResult>;
  /** The signed-in user's warehouse; null = not bound to one (desk roles). */
  warehouseOfUser(): string | null;
}

/** `number` is already cleaned by the call's schema (scannedNumberSchema). */
export async function scanPick(deps: ScanDeps, number: string, warehouseId: string | undefined): Promise<ScanResult> {
  const base = { number, orderId: null, status: null, mid: null };
  const row = findScannedOrder(deps.replica, number);
  if (row === undefined) return { ...base, outcome: 'unknown', message: `No order with number ${number}` };
  // Answer with the order's own number, also when the scan gave its digits only.
  const found = { ...base, number: row.number, orderId: row.id, status: row.status };
  number = row.number;
  const here = deps.warehouseOfUser() ?? warehouseId ?? null;
  if (here !== null && row.warehouseId !== here) {
    return { ...found, outcome: 'other_warehouse', message: `Order ${number} belongs to another warehouse` };
  }
  if (row.status !== 'confirmed') {
    // at_warehouse and later: picked already. new, problem, cancelled: not for the picker now.
    if ((STATUS_RANK[row.status] ?? 0) >= (STATUS_RANK.at_warehouse ?? 2)) {
      return { ...found, outcome: 'already_picked', message: `Order ${number} is already picked` };
    }
    return { ...found, outcome: 'not_ready', message: `Order ${number} is ${row.status}: nothing to pick` };
  }
  const result = await deps.markPicked(row.number);
  if (result.ok) return { ...found, outcome: 'picked', status: 'at_warehouse', message: `Order ${number} picked`, mid: result.mid };
  return { ...found, outcome: 'refused', message: result.message };
}
