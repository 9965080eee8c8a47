// The REST intake's cargo holds an order's fields to the limits a new order and an edit are held
// to (shared/mutators/order-fields.ts): the same edge accepted, one step past it refused.
import { describe, expect, it } from 'vitest';
import { ORDER_FIELD_EDGES } from '../../shared/testing/order-field-edges';
import { restCargo } from './orders-rest-schema';

/** The cargo object's names for the order fields it carries. */
const CARGO_NAMES: Readonly<Record<string, string>> = {
  cargoDescription: 'description',
  weightKg: 'weightKg',
  volumeM3: 'volumeM3',
  places: 'places',
  fragile: 'fragile',
  refrigerated: 'refrigerated',
  hazardClass: 'hazardClass',
};

describe('REST cargo', () => {
  it.each(ORDER_FIELD_EDGES.filter(([f]) => f in CARGO_NAMES))('%s: the edge is taken, one step past it refused', (field, edge, past) => {
    const name = CARGO_NAMES[field] as string;
    expect(restCargo.safeParse({ [name]: edge }).success).toBe(true);
    const r = restCargo.safeParse({ [name]: past });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([name]);
  });
});
