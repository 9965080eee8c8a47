// Where "resolve the problem" returns an order when the dispatcher does not say: the status it
// had before the problem, as the replica holds it.
import { eq } from 'drizzle-orm';
import type { OrderStatus } from '../../../shared/domain/vocabulary';
import { orders } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';

/** Undefined when the replica has no such order; `before` null when its earlier status is unknown. */
export function statusBeforeProblem(replica: ReadonlyReplica, orderId: string): { before: OrderStatus | null } | undefined {
  return replica.db.select({ before: orders.statusBeforeProblem }).from(orders).where(eq(orders.id, orderId)).get();
}
