// What the simulator reads from the server's REST API (read-only, with a user token): the
// drivers it plays and the orders they carry. Responses are parsed by schemas: a server of
// another version gets a clear error, not a confused fleet.
import { z } from 'zod';
import { ORDER_STATUSES, SHIFT_STATES, SUB_MARKS } from '../shared/domain/vocabulary';

const positionSchema = z.object({ lat: z.number(), lon: z.number(), fixAt: z.number() }).nullable();

export const simDriverSchema = z.object({
  id: z.string(),
  name: z.string(),
  shiftState: z.enum(SHIFT_STATES),
  homeWarehouseId: z.string().nullable(),
  position: positionSchema.optional(),
});
export type FleetDriver = z.infer<typeof simDriverSchema>;

export const simOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  subMark: z.enum(SUB_MARKS).nullable(),
  driverId: z.string().nullable(),
  pickupLat: z.number(),
  pickupLon: z.number(),
  deliveryLat: z.number(),
  deliveryLon: z.number(),
  courierProvider: z.string().nullable(),
  courierTrackingNumber: z.string().nullable(),
});
export type FleetOrder = z.infer<typeof simOrderSchema>;

const driversResponse = z.object({ drivers: z.array(simDriverSchema) });
const ordersResponse = z.object({ orders: z.array(simOrderSchema), truncated: z.boolean().optional() });

export class FleetApi {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  private async get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const res = await fetch(`${this.apiUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success) throw new Error(`GET ${path}: unexpected answer: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  async drivers(): Promise<FleetDriver[]> {
    return (await this.get('/api/drivers', driversResponse)).drivers;
  }

  /** Orders the simulator can move: picked or on the road. */
  async activeOrders(): Promise<FleetOrder[]> {
    return (await this.get('/api/orders?status=at_warehouse,in_transit&limit=5000', ordersResponse)).orders;
  }
}
