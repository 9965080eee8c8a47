// The views that used to need the server's command line (issue 16): the courier webhook review
// list (desk roles), unknown GPS devices and users with their tokens (admins). The server keeps
// all of it, so main calls the server's REST API with the signed-in user's own token
// (main/api/server-http.ts); the server decides who may. The REST bodies are defined here once:
// the server parses requests with them and main parses the server's answers with the answer
// schemas before anything reaches the renderer.
import { z } from 'zod';
import { USER_ROLES } from '../domain/vocabulary';
import { command, commandReturning, idSchema, noArgs, query } from './define';

// eslint-disable-next-line no-control-regex -- refusing control characters (NUL first) is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** One line of text a person typed: trimmed, not empty, no NUL or other control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters (NUL, ...)');

/**
 * The longest device id the GPS port accepts (server/gps re-exports it): ids arrive
 * unauthenticated, so an unknown one is kept only up to this length.
 */
export const MAX_DEVICE_ID_CHARS = 128;

// --- REST bodies (server side parses with these, strictly: an unknown key is refused) ---

export const attachReviewBody = z.object({ orderNumber: plainText(64) }).strict();
export const dismissReviewBody = z.object({ note: plainText(500).optional() }).strict();
export const bindDeviceBody = z.object({ deviceId: plainText(MAX_DEVICE_ID_CHARS), driverId: plainText(128) }).strict();
export const unbindDeviceBody = z.object({ deviceId: plainText(MAX_DEVICE_ID_CHARS) }).strict();
export const addUserBody = z
  .object({
    name: plainText(100),
    role: z.enum(USER_ROLES, { message: `must be one of ${USER_ROLES.join(', ')}` }),
    warehouseId: plainText(128).nullable().optional(),
  })
  .strict();

// --- the server's answers (main checks them before the renderer sees them) ---

export const REVIEW_REASON_NAMES = ['unknown_order', 'unmapped_code', 'rejected'] as const;

export const courierReviewSchema = z.object({
  id: z.number().int().positive(),
  provider: z.string().max(64),
  providerName: z.string().max(100),
  eventId: z.string().max(512),
  orderNumber: z.string().max(512).nullable(),
  trackingNumber: z.string().max(512).nullable(),
  code: z.string().max(512),
  reason: z.enum(REVIEW_REASON_NAMES),
  detail: z.string().max(2000),
  createdAt: z.number().int(),
  receivedAt: z.number().int(),
  /** The webhook's body as received, cut to REVIEW_BODY_CHARS (shown as text, never as HTML). */
  body: z.string().max(16 * 1024),
  bodyTruncated: z.boolean(),
});
export type CourierReviewView = z.infer<typeof courierReviewSchema>;
export const courierReviewsAnswer = z.object({ reviews: z.array(courierReviewSchema).max(500), more: z.number().int().nonnegative() });
export type CourierReviewList = z.infer<typeof courierReviewsAnswer>;
/** How much of a stored webhook body the review list shows. */
export const REVIEW_BODY_CHARS = 8 * 1024;

export const attachAnswer = z.object({ orderNumber: z.string(), state: z.enum(['applied', 'skipped']), outcome: z.string().max(2000) });
export type AttachAnswer = z.infer<typeof attachAnswer>;

export const unknownDeviceSchema = z.object({
  deviceId: z.string().max(MAX_DEVICE_ID_CHARS),
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
  requestCount: z.number().int().nonnegative(),
  lastLat: z.number().nullable(),
  lastLon: z.number().nullable(),
  lastFixAt: z.number().int().nullable(),
});
export const deviceBindingSchema = z.object({
  deviceId: z.string().max(MAX_DEVICE_ID_CHARS),
  driverId: z.string().max(128),
  driverName: z.string().nullable(),
  boundAt: z.number().int(),
  boundBy: z.string(),
});
export const gpsDevicesAnswer = z.object({ unknown: z.array(unknownDeviceSchema).max(1000), bound: z.array(deviceBindingSchema).max(10000) });
export type GpsDevicesView = z.infer<typeof gpsDevicesAnswer>;

export const userListingSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  warehouseId: z.string().nullable(),
  active: z.boolean(),
  activeTokens: z.number().int().nonnegative(),
});
export type UserListingView = z.infer<typeof userListingSchema>;
export const usersAnswer = z.object({ users: z.array(userListingSchema).max(10000) });
/** A token is shown once: in this answer, never again (the server keeps only its hash). */
export const issuedTokenAnswer = z.object({ userId: z.string(), token: z.string().min(20).max(256) });

/** The plain writes' answers: what the server says it did (its routes' bodies satisfy these types). */
export const dismissedAnswer = z.object({ dismissed: z.literal(true) });
export type DismissedAnswer = z.infer<typeof dismissedAnswer>;
export const boundAnswer = z.object({ deviceId: z.string().max(MAX_DEVICE_ID_CHARS), driverId: z.string().max(128), previousDriverId: z.string().max(128).nullable() });
export type BoundAnswer = z.infer<typeof boundAnswer>;
export const unboundAnswer = z.object({ unbound: z.literal(true) });
export type UnboundAnswer = z.infer<typeof unboundAnswer>;
export const revokedAnswer = z.object({ revoked: z.literal(true) });
export type RevokedAnswer = z.infer<typeof revokedAnswer>;

// --- the renderer <-> main methods ---

const reviewId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const adminApi = {
  courierReviews: query<CourierReviewList>()(noArgs),
  attachCourierReview: commandReturning<{ answer: AttachAnswer }>()(attachReviewBody.extend({ reviewId }).strict()),
  dismissCourierReview: command(dismissReviewBody.extend({ reviewId }).strict()),
  gpsDevices: query<GpsDevicesView>()(noArgs),
  bindGpsDevice: command(bindDeviceBody),
  unbindGpsDevice: command(unbindDeviceBody),
  listUsers: query<UserListingView[]>()(noArgs),
  addUser: commandReturning<{ userId: string; token: string }>()(addUserBody),
  revokeUser: command(z.object({ userId: idSchema }).strict()),
  issueUserToken: commandReturning<{ userId: string; token: string }>()(z.object({ userId: idSchema }).strict()),
} as const;
