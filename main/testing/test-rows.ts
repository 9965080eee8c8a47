// Minimal valid carrier rows for db tests (orders: shared/testing/order-row.ts).
import type { carriers } from '../../shared/schema';

export function testCarrier(over: Partial<typeof carriers.$inferInsert> & { id: string; name: string }): typeof carriers.$inferInsert {
  return { createdAt: 1, updatedAt: 1, ...over };
}
