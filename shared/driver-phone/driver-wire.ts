// Request schemas of the phone API (`/api/driver/*`): the server parses every body with these.
// The paths, limits and answer shapes are in ./phone-contract.ts (zod-free, for the page).
import { z } from 'zod';
import { PROBLEM_REASONS, SHIFT_STATES } from '../domain/vocabulary';
import { DELIVERY_CODE_PATTERN } from '../delivery/proof-vocabulary';
import { DRIVER_MARKS, type MarkRequest, type PositionRequest, type ShiftRequest } from './phone-contract';

export * from './phone-contract';

/** A mark's own time may be hours old (a dead zone); the server checks it against its clock. */
const at = z.number().int().nonnegative();
const id = z.string().min(1).max(128);

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
// The page's type and the schema must agree both ways.
const _markAgrees: [MarkRequest, z.input<typeof markRequestSchema>] extends [z.input<typeof markRequestSchema>, MarkRequest] ? true : false = true;
void _markAgrees;

export const shiftRequestSchema = z.object({ state: z.enum(SHIFT_STATES), at }).strict();
const _shiftAgrees: [ShiftRequest, z.input<typeof shiftRequestSchema>] extends [z.input<typeof shiftRequestSchema>, ShiftRequest] ? true : false = true;
void _shiftAgrees;

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
const _positionAgrees: [PositionRequest, z.input<typeof positionRequestSchema>] extends [z.input<typeof positionRequestSchema>, PositionRequest] ? true : false = true;
void _positionAgrees;

export const linkRequestSchema = z.object({ driverId: id }).strict();
export const revokeRequestSchema = z.object({ driverId: id, deviceId: id.optional() }).strict();

