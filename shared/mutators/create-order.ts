// createOrder: a new order arrives (typed in by a dispatcher or sent by an integration).
import { z } from 'zod';
import { ORDER_INTAKE_DEFAULTS, windowProblem } from '../domain/order-intake';
import { SERVICE_TYPES } from '../domain/vocabulary';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject, type MutatorContext, type MutatorTx } from './mutator-tx';
import { ORDER_FIELD_SCHEMAS as F } from './order-fields';
import { writeEvent } from './order-writes';

export const createOrderArgs = z.object({
  /** The number people say on the phone; the server allocates one when absent. */
  number: z.string().trim().min(1).max(32).optional(),
  customerId: z.string().min(1).max(128).nullable().optional(),
  customerName: F.customerName,
  customerPhone: F.customerPhone.optional(),
  customerEmail: F.customerEmail.optional(),
  pickupAddress: F.pickupAddress,
  pickupLat: F.pickupLat,
  pickupLon: F.pickupLon,
  deliveryAddress: F.deliveryAddress,
  deliveryCity: F.deliveryCity,
  deliveryLat: F.deliveryLat,
  deliveryLon: F.deliveryLon,
  /** null = direct pickup from the sender (no warehouse step). */
  warehouseId: z.string().min(1).max(128).nullable().optional(),
  regionId: z.string().min(1).max(128),
  serviceType: z.enum(SERVICE_TYPES),
  vipNormMinutes: z.number().int().positive().nullable().optional(),
  cargoDescription: F.cargoDescription.optional(),
  weightKg: F.weightKg.optional(),
  volumeM3: F.volumeM3.optional(),
  places: F.places.optional(),
  /** The shop's own order number: one order per (integration, externalId). */
  externalId: z.string().trim().min(1).max(128).optional(),
  /** The delivery window the customer chose (ms); both or neither. */
  windowStart: F.windowStart.optional(),
  windowEnd: F.windowEnd.optional(),
  fragile: F.fragile.optional(),
  refrigerated: F.refrigerated.optional(),
  hazardClass: F.hazardClass.optional(),
});

export type NewOrderArgs = Omit<z.output<typeof createOrderArgs>, 'number'> & { number?: string | undefined };

export const createOrder = defineMutator({
  label: 'create orders',
  actors: [...DESK, 'logistician', 'integration', ...MACHINES],
  args: createOrderArgs,
  run(tx, args, ctx) {
    // The integration that sent it owns the external id (two shops may both have order 1001).
    writeNewOrder(tx, ctx, args, ctx.actor.id);
  },
});

/**
 * Checks one new order against the database and writes it with its `created` event; returns its
 * id. Shared by createOrder and importOrders, so an imported row is held to the same rules.
 */
export function writeNewOrder(tx: MutatorTx, ctx: MutatorContext, args: NewOrderArgs, externalSource: string | null): string {
  const number = args.number ?? tx.allocateOrderNumber();
  if (tx.findOrderByNumber(number) !== undefined) {
    reject('duplicate_number', `An order with number ${number} already exists`, { number });
  }
  if (tx.get('regions', args.regionId) === undefined) {
    reject('not_found', `Region ${args.regionId} does not exist`, { field: 'regionId', regionId: args.regionId });
  }
  if (args.warehouseId != null && tx.get('warehouses', args.warehouseId) === undefined) {
    reject('not_found', `Warehouse ${args.warehouseId} does not exist`, { field: 'warehouseId', warehouseId: args.warehouseId });
  }
  const window = windowProblem(args.windowStart ?? null, args.windowEnd ?? null);
  if (window !== null) reject('bad_args', `Delivery window: ${window}`, { field: 'windowEnd' });
  const customer =
    args.customerId == null
      ? undefined
      : (tx.get('customers', args.customerId) ?? reject('not_found', `Customer ${args.customerId} does not exist`, { field: 'customerId', customerId: args.customerId }));
  const id = ctx.newId();
  tx.put('orders', {
    id,
    number,
    customerId: args.customerId ?? null,
    customerName: args.customerName,
    customerPhone: args.customerPhone ?? '',
    customerEmail: args.customerEmail ?? null,
    pickupAddress: args.pickupAddress,
    pickupLat: args.pickupLat,
    pickupLon: args.pickupLon,
    deliveryAddress: args.deliveryAddress,
    deliveryCity: args.deliveryCity,
    deliveryLat: args.deliveryLat,
    deliveryLon: args.deliveryLon,
    warehouseId: args.warehouseId ?? null,
    regionId: args.regionId,
    serviceType: args.serviceType,
    // A VIP customer's contract norm applies unless the order states its own.
    vipNormMinutes: args.vipNormMinutes ?? customer?.vipNormMinutes ?? null,
    cargoDescription: args.cargoDescription ?? '',
    weightKg: args.weightKg ?? 0,
    volumeM3: args.volumeM3 ?? 0,
    places: args.places ?? 1,
    status: 'new',
    subMark: null,
    problemReason: null,
    problemComment: null,
    statusBeforeProblem: null,
    driverId: null,
    carrierId: null,
    carrierDealId: null,
    courierProvider: null,
    courierTrackingNumber: null,
    assignedBy: null,
    assignedAt: null,
    slaDeadline: null,
    createdAt: ctx.at,
    confirmedAt: null,
    pickedAt: null,
    deliveredAt: null,
    statusChangedAt: ctx.at,
    updatedAt: ctx.now,
    version: 1,
    ...ORDER_INTAKE_DEFAULTS,
    externalId: args.externalId ?? null,
    // The source owns the external id; an order without one belongs to no source.
    externalSource: args.externalId === undefined ? null : externalSource,
    windowStart: args.windowStart ?? null,
    windowEnd: args.windowEnd ?? null,
    fragile: args.fragile ?? false,
    refrigerated: args.refrigerated ?? false,
    hazardClass: args.hazardClass ?? null,
  });
  writeEvent(tx, ctx, id, { kind: 'created', toStatus: 'new' });
  return id;
}
