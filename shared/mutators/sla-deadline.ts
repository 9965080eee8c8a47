// The SLA deadline an order gets when it is confirmed: the norm counts from the first
// confirmation, in the order's region calendar (shared/domain/sla-engine.ts decides).
import { orderDeadline } from '../domain/order-intake';
import { calendarOfRegion, slaPoliciesFrom } from '../alerts/sla-policy-rows';
import type { OrderRow } from '../schema';
import type { MutatorTx } from './mutator-tx';

export function deadlineOnConfirm(tx: MutatorTx, order: OrderRow): Partial<OrderRow> {
  // A deadline already set (a problem round-trip back to confirmed) stays: the clock doesn't restart.
  if (order.slaDeadline !== null) return {};
  return { slaDeadline: deadlineOf(tx, order) };
}

/** The order's deadline as it stands now (window end, or the norm from confirmation). */
export function deadlineOf(tx: MutatorTx, order: OrderRow): number | null {
  const region = tx.get('regions', order.regionId);
  // Stryker disable next-line ConditionalExpression: only its `false` survives: tx.get finds no customer under a null id either ('true' is killed by the VIP-contract test)
  const customer = order.customerId === null ? undefined : tx.get('customers', order.customerId);
  return orderDeadline(
    {
      serviceType: order.serviceType,
      vipNormMinutes: order.vipNormMinutes,
      customerVipNormMinutes: customer?.vipNormMinutes ?? null,
      confirmedAt: order.confirmedAt,
      windowEnd: order.windowEnd,
    },
    // Admin-edited policies (sla_policies rows) over the shipped defaults.
    slaPoliciesFrom((key) => tx.get('sla_policies', key)),
    calendarOfRegion(region),
  );
}
