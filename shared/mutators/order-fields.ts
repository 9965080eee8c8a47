// What each field of an order holds, as one zod schema per field: the limits a new order
// (createOrder, importOrders, the REST intake) and an edit (editOrder) are both held to, so a
// field can't take a longer address or a heavier cargo one way than the other.
import { z } from 'zod';
import { HAZARD_CLASSES, MAX_TIME, type EditableOrderField } from '../domain/order-intake';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
/** A delivery window's end or start (ms), null = no window. */
const time = z.number().int().min(0).max(MAX_TIME).nullable();

export const ORDER_FIELD_SCHEMAS = {
  customerName: z.string().trim().min(1).max(256),
  customerPhone: z.string().trim().max(64),
  customerEmail: z.email().max(256).nullable(),
  pickupAddress: z.string().trim().min(1).max(512),
  pickupLat: lat,
  pickupLon: lon,
  deliveryAddress: z.string().trim().min(1).max(512),
  deliveryCity: z.string().trim().min(1).max(128),
  deliveryLat: lat,
  deliveryLon: lon,
  windowStart: time,
  windowEnd: time,
  cargoDescription: z.string().trim().max(2000),
  weightKg: z.number().nonnegative().max(100_000),
  volumeM3: z.number().nonnegative().max(1_000),
  places: z.number().int().positive().max(10_000),
  fragile: z.boolean(),
  refrigerated: z.boolean(),
  hazardClass: z.enum(HAZARD_CLASSES).nullable(),
} as const satisfies Record<EditableOrderField, z.ZodType>;
