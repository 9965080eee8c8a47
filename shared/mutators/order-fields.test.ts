// A field's limits are the same whichever way the order changes: a new order (createOrder) and
// an edit (editOrder) both accept the edge and refuse one step past it, naming the field.
import { describe, expect, it } from 'vitest';
import { ORDER_ARGS } from '../testing/fake-world';
import { ORDER_FIELD_EDGES } from '../testing/order-field-edges';
import { createOrderArgs } from './create-order';
import { orderEditSchema } from './order-intake-mutators';

describe('order fields', () => {
  it.each(ORDER_FIELD_EDGES)('%s: a new order and an edit take the edge and refuse one step past it', (field, edge, past) => {
    expect(createOrderArgs.safeParse({ ...ORDER_ARGS, [field]: edge }).success).toBe(true);
    expect(orderEditSchema.safeParse({ [field]: edge }).success).toBe(true);
    const created = createOrderArgs.safeParse({ ...ORDER_ARGS, [field]: past });
    const edited = orderEditSchema.safeParse({ [field]: past });
    expect([created.success, edited.success]).toEqual([false, false]);
    expect(created.error?.issues[0]?.path).toEqual([field]);
    expect(edited.error?.issues[0]?.path).toEqual([field]);
  });
});
