// The driver's phone page <-> server contract (`/api/driver/*`): paths, limits, words and the
// answers' shapes, free of zod so the page bundles none of it. The request schemas the server
// parses with are in ./driver-wire.ts.
//
// Auth: a dispatcher issues a one-time link `/driver#link=TOKEN` (the token rides in the
// fragment, which browsers never send). The page exchanges it once (POST /api/driver/session,
// header `X-Driver-Link`) for a device token kept in IndexedDB and sent as
// `Authorization: Bearer` on every later call; the link dies at the exchange.
// Writes carry `Idempotency-Key`: a replay gets the stored answer and changes nothing.
import type { OrderStatus, ProblemReason, ServiceType, ShiftState, SubMark } from '../domain/vocabulary';
import type { ProofKind } from '../delivery/proof-vocabulary';

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

/** What the page sends for a mark (the server's schema: markRequestSchema in ./driver-wire.ts). */
export interface MarkRequest {
  orderId: string;
  mark: DriverMark;
  at: number;
  reason?: ProblemReason;
  comment?: string;
  photoFileId?: string;
  signatureFileId?: string;
  code?: string;
}

export interface ShiftRequest {
  state: ShiftState;
  at: number;
}

export interface PositionRequest {
  lat: number;
  lon: number;
  accuracy?: number | null;
  speed?: number | null;
  heading?: number | null;
  at: number;
}

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
