// The REST contract for shops, marketplaces and payment systems (issue 14): every body and
// query is a zod schema here, the handlers parse with them and GET /api/openapi.json is
// generated from them, so the documentation can't drift from what is validated.
import { z } from 'zod';
import { MAX_TIME, PAYMENT_METHODS } from '../../shared/domain/order-intake';
import { ORDER_FIELD_SCHEMAS } from '../../shared/mutators/order-fields';
import { ORDER_STATUSES, SERVICE_TYPES } from '../../shared/domain/vocabulary';

/** A time on the wire: ISO 8601 with an offset ("2026-12-02T14:00:00+05:00"), up to 2100. */
export const wireTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-12-02T14:00:00+05:00' })
  .refine((s) => Date.parse(s) < MAX_TIME, 'must be before 2100')
  .meta({ description: 'ISO 8601 with offset' });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max).refine((s) => !s.includes('\u0000'), 'must not contain NUL');
const optionalText = (max: number) => z.string().trim().max(max).refine((s) => !s.includes('\u0000'), 'must not contain NUL');

export const restAddress = z
  .object({
    address: text(512).meta({ description: 'Street, house, flat; a district name helps without coordinates' }),
    city: text(128).meta({ description: 'City, Russian or Latin ("Алматы", "Almaty")' }),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((a) => (a.lat === undefined) === (a.lon === undefined), { message: 'give both lat and lon, or neither', path: ['lon'] })
  .meta({ description: 'Without lat/lon the order lands at the centre of the named district or city' });

export const restWindow = z
  .object({ start: wireTime, end: wireTime })
  .strict()
  .meta({ description: 'The delivery window the customer chose; its end is the promised time' });

export const restCustomer = z
  .object({
    name: text(256),
    phone: text(64).regex(/^[+\d][\d\s()\-.]{4,}$/, 'must be a phone number'),
    email: z.email().max(256).optional(),
  })
  .strict();

export const restCargo = z
  .object({
    description: optionalText(2000).optional(),
    weightKg: ORDER_FIELD_SCHEMAS.weightKg.optional(),
    volumeM3: ORDER_FIELD_SCHEMAS.volumeM3.optional(),
    places: ORDER_FIELD_SCHEMAS.places.optional(),
    fragile: ORDER_FIELD_SCHEMAS.fragile.optional(),
    refrigerated: ORDER_FIELD_SCHEMAS.refrigerated.optional(),
    hazardClass: ORDER_FIELD_SCHEMAS.hazardClass.optional().meta({ description: 'ADR class 1-9; null = not hazardous' }),
  })
  .strict();

export const createOrderBody = z
  .object({
    externalId: text(128).meta({ description: "The shop's own order number: sending it again returns the same order" }),
    serviceType: z.enum(SERVICE_TYPES).default('standard'),
    customer: restCustomer,
    delivery: restAddress,
    pickup: restAddress.optional().meta({ description: 'Default: the warehouse the order goes through' }),
    window: restWindow.optional(),
    cargo: restCargo.optional(),
    warehouseId: z.string().min(1).max(128).optional().meta({ description: 'Default: the warehouse nearest to the delivery address' }),
  })
  .strict();
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const patchOrderBody = z
  .object({
    delivery: restAddress.optional(),
    window: restWindow.nullable().optional().meta({ description: 'null removes the window' }),
    customer: restCustomer.partial().strict().optional(),
    cancel: z.object({ reason: text(2000) }).strict().optional(),
  })
  .strict()
  .refine((b) => b.cancel === undefined || (b.delivery === undefined && b.window === undefined && b.customer === undefined), {
    message: 'cancel an order or change it, not both',
    path: ['cancel'],
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: [] });
export type PatchOrderBody = z.infer<typeof patchOrderBody>;

export const paymentBody = z
  .object({
    amount: z.number().positive().max(1_000_000_000).meta({ description: 'In tenge' }),
    method: z.enum(PAYMENT_METHODS),
    reference: text(128).optional().meta({ description: "The payment system's id: a retry with the same one is accepted once" }),
    paidAt: wireTime.optional(),
  })
  .strict();

export const orderNumberParam = z.string().min(1).max(32).meta({ description: 'The order number, e.g. 1042' });

export const createdOrderResponse = z.object({
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  externalId: z.string(),
  created: z.boolean().meta({ description: 'false when this externalId was already sent (the same order)' }),
  deliveryLat: z.number(),
  deliveryLon: z.number(),
  approximateLocation: z.boolean().meta({ description: 'true when placed at a district or city centre' }),
});

export const errorResponse = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional().meta({ description: 'The first field at fault, as a dotted path ("delivery.city")' }),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Read endpoints' queries (GET /api/orders, /api/drivers/:id/track, /api/alerts). */
export const ordersQuery = z.object({
  /** One status or several, comma separated. */
  status: z
    .string()
    .transform((s) => s.split(',').filter((x) => x.length > 0))
    .pipe(z.array(z.enum(ORDER_STATUSES)).min(1))
    .optional()
    .meta({ description: `Comma separated: ${ORDER_STATUSES.join(', ')}` }),
  updatedSince: z.coerce.number().int().nonnegative().optional().meta({ description: 'Unix ms' }),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
