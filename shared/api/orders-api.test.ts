import { describe, expect, it } from 'vitest';
import { assignDriver } from '../mutators/assignment';
import { cancelOrder } from '../mutators/order-status-mutators';
import { ordersApi } from './orders-api';

describe('order commands validate their arguments by the mutator rule', () => {
  it("say what the mutator says, and refuse keys it doesn't know", () => {
    const blank = ordersApi.cancelOrder.request.safeParse({ orderId: 'o1', comment: '   ' });
    expect(blank.success).toBe(false);
    expect(JSON.stringify(blank.error?.issues)).toContain('say why the order is cancelled');
    expect(ordersApi.cancelOrder.request.safeParse({ orderId: 'o1', comment: 'dup', extra: 1 }).success).toBe(false);
    expect(cancelOrder.args.safeParse({ orderId: 'o1', comment: '   ' }).success).toBe(false);
  });

  it('accept exactly what the mutator accepts', () => {
    for (const args of [
      { orderId: 'o1', driverId: 'd1', seenVersion: 3 },
      { orderId: 'o1', driverId: 'd1', seenVersion: 0 },
      { orderId: '', driverId: 'd1', seenVersion: 3 },
      { orderId: 'o'.repeat(129), driverId: 'd1', seenVersion: 3 },
    ]) {
      expect(ordersApi.assignDriver.request.safeParse(args).success).toBe(assignDriver.args.safeParse(args).success);
    }
  });
});
