// The driver's phone page <-> server contract (`/api/driver/*`). The server parses every body
// with these schemas; the page imports only the types (it stays free of zod at run time).
//
// Auth: a dispatcher issues a one-time link `/driver#link=TOKEN` (the token rides in the
// fragment, which browsers never send). The page exchanges it once (POST /api/driver/session,
// header `X-Driver-Link`) for a device token kept in IndexedDB and sent as
// `Authorization: Bearer` on every later call; the link dies at the exchange.
// Writes carry `Idempotency-Key`: a replay gets the stored answer and changes nothing.
import { z } from 'zod';
import { PROBLEM_REASONS, SHIFT_STATES, type OrderStatus, type ProblemReason, type ServiceType, type ShiftState, type SubMark } from '../domain/vocabulary';
import { DELIVERY_CODE_PATTERN, type ProofKind } from '../delivery/proof-vocabulary';

export const DRIVER_API = '/api/driver';
export const DRIVER_PAGE_PATH = '/driver';
/** The fragment key of a sign-in link: `/driver#link=TOKEN`. */
export const LINK_FRAGMENT_KEY = 'link';

/** One-tap marks the phone offers. */
export const DRIVER_MARKS = ['picked_up', 'arrived', 'delivered', 'problem'] as const;
export type DriverMark = (typeof DRIVER_MARKS)[number];

/** Photo/signature upload limit; bigger bodies are answered 413 before they are stored. */
export const MAX_PROOF_FILE_BYTES = 3 * 1024 * 1024;
export const PROOF_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ProofFileType = (typeof PROOF_FILE_TYPES)[number];

const id = z.string().min(1).max(128);
/** A mark's own time may be hours old (a dead zone) but never from the future or last month. */
const at = z.number().int().nonnegative();

export const markRequestSchema = z
  .object({
    orderId: id,
    mark: z.enum(DRIVER_MARKS),
    at,
    reason: z.enum(PROBLEM_REASONS).optional(),
    comment: z.string().max(2000).optional(),
    photoFileId: id.optional(),
    signatureFileId: id.optional(),
    code: z.string().trim().regex(DELIVERY_CODE_PATTERN, 'a delivery code is 4 to 8 digits').optional(),
  })
  .strict()
  .refine((m) => m.mark !== 'problem' || m.reason !== undefined, { path: ['reason'], message: 'a problem needs a reason' })
  .refine((m) => m.mark === 'delivered' || (m.photoFileId === undefined && m.signatureFileId === undefined && m.code === undefined), {
    path: ['mark'],
    message: 'proofs go with "delivered" only',
  });
export type MarkRequest = z.input<typeof markRequestSchema>;

export const shiftRequestSchema = z.object({ state: z.enum(SHIFT_STATES), at }).strict();
export type ShiftRequest = z.input<typeof shiftRequestSchema>;

/** The browser's geolocation reading (metres, m/s, degrees, ms). */
export const positionRequestSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    accuracy: z.number().nonnegative().max(100_000).nullable().optional(),
    speed: z.number().min(0).max(150).nullable().optional(),
    heading: z.number().min(0).max(360).nullable().optional(),
    at,
  })
  .strict();
export type PositionRequest = z.input<typeof positionRequestSchema>;

export const linkRequestSchema = z.object({ driverId: id }).strict();
export const revokeRequestSchema = z.object({ driverId: id, deviceId: id.optional() }).strict();

export interface DriverSessionView {
  deviceToken: string;
  deviceId: string;
  driver: { id: string; name: string };
}

export interface DriverMe {
  driver: { id: string; name: string; vehicle: string; vehiclePlate: string; shiftState: ShiftState; shiftChangedAt: number | null };
  serverTime: number;
}

export interface DriverTask {
  orderId: string;
  number: string;
  status: OrderStatus;
  subMark: SubMark | null;
  serviceType: ServiceType;
  customerName: string;
  customerPhone: string;
  /** Where the driver goes next: the warehouse (or pickup) before pickup, the address after. */
  pickupAddress: string;
  deliveryAddress: string;
  deliveryCity: string;
  deliveryLat: number;
  deliveryLon: number;
  pickupLat: number;
  pickupLon: number;
  cargoDescription: string;
  weightKg: number;
  places: number;
  /** Deliver by (the SLA deadline); null before confirmation. */
  deliverBy: number | null;
  problemReason: ProblemReason | null;
  /** Proofs "delivered" needs for this order's service type, and those already given. */
  proofsRequired: ProofKind[];
  proofsGiven: ProofKind[];
}

export interface DriverTasksView {
  tasks: DriverTask[];
  serverTime: number;
}

/** Every answer that is not 2xx: a code the page words in the driver's language, and English text. */
export interface DriverErrorBody {
  error: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export interface MarkResultView {
  result: 'applied';
  orderId: string;
  /** true when this Idempotency-Key was seen before (nothing was done again). */
  replayed: boolean;
}

export interface FileResultView {
  fileId: string;
  replayed: boolean;
}
