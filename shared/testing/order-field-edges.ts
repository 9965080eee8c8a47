// Per order field: a value at its limit and one just past it (shared/mutators/order-fields.ts),
// for the tests that hold a new order, an edit and the REST intake to the same limits.
import { MAX_TIME } from '../domain/order-intake';
import type { ORDER_FIELD_SCHEMAS } from '../mutators/order-fields';

type Field = keyof typeof ORDER_FIELD_SCHEMAS;
const x = (n: number) => 'x'.repeat(n);
const email = (n: number) => `${x(n - 5)}@a.kz`;

/** Typed as a record so a new field can't be left without its edges. */
const EDGES: Record<Field, readonly [unknown, unknown]> = {
  customerName: [x(256), x(257)],
  customerPhone: [x(64), x(65)],
  customerEmail: [email(256), email(257)],
  pickupAddress: [x(512), x(513)],
  pickupLat: [-90, -90.0001],
  pickupLon: [180, 180.0001],
  deliveryAddress: [x(512), ''],
  deliveryCity: [x(128), x(129)],
  deliveryLat: [90, 90.0001],
  deliveryLon: [-180, -180.0001],
  windowStart: [MAX_TIME, MAX_TIME + 1],
  windowEnd: [0, -1],
  cargoDescription: [x(2000), x(2001)],
  weightKg: [100_000, 100_000.5],
  volumeM3: [1_000, 1_000.5],
  places: [10_000, 1.5],
  fragile: [true, 'yes'],
  refrigerated: [false, 1],
  hazardClass: ['9', '10'],
};

export const ORDER_FIELD_EDGES = Object.entries(EDGES).map(([field, [edge, past]]) => [field as Field, edge, past] as const);
