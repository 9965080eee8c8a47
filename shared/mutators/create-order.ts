// createOrder: a new order arrives (typed in by a dispatcher or sent by an integration).
import { z } from 'zod';
import { SERVICE_TYPES } from '../domain/vocabulary';
import { defineMutator, DESK, MACHINES } from './define-mutator';
import { reject } from './mutator-tx';
import { writeEvent } from './order-writes';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const line = (max: number) => z.string().trim().max(max);

export const createOrderArgs = z.object({
  /** The number people say on the phone; the server allocates one when absent. */
  number: z.string().trim().min(1).max(32).optional(),
  customerId: z.string().min(1).max(128).nullable().optional(),
  customerName: z.string().trim().min(1).max(256),
  customerPhone: line(64).optional(),
  customerEmail: z.email().max(256).nullable().optional(),
  pickupAddress: z.string().trim().min(1).max(512),
  pickupLat: lat,
  pickupLon: lon,
  deliveryAddress: z.string().trim().min(1).max(512),
  deliveryCity: z.string().trim().min(1).max(128),
  deliveryLat: lat,
  deliveryLon: lon,
  /** null = direct pickup from the sender (no warehouse step). */
  warehouseId: z.string().min(1).max(128).nullable().optional(),
  regionId: z.string().min(1).max(128),
  serviceType: z.enum(SERVICE_TYPES),
  vipNormMinutes: z.number().int().positive().nullable().optional(),
  cargoDescription: line(2000).optional(),
  weightKg: z.number().nonnegative().max(100_000).optional(),
  volumeM3: z.number().nonnegative().max(1_000).optional(),
  places: z.number().int().positive().max(10_000).optional(),
});

export const createOrder = defineMutator({
  label: 'create orders',
  actors: [...DESK, 'logistician', ...MACHINES],
  args: createOrderArgs,
  run(tx, args, ctx) {
    const number = args.number ?? tx.allocateOrderNumber();
    if (tx.findOrderByNumber(number) !== undefined) {
      reject('duplicate_number', `An order with number ${number} already exists`, { number });
    }
    if (tx.get('regions', args.regionId) === undefined) {
      reject('not_found', `Region ${args.regionId} does not exist`, { regionId: args.regionId });
    }
    if (args.warehouseId != null && tx.get('warehouses', args.warehouseId) === undefined) {
      reject('not_found', `Warehouse ${args.warehouseId} does not exist`, { warehouseId: args.warehouseId });
    }
    const customer = args.customerId == null ? undefined : tx.get('customers', args.customerId);
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
    });
    writeEvent(tx, ctx, id, { kind: 'created', toStatus: 'new' });
  },
});
