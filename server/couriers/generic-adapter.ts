// Our generic webhook format, for courier services and apps without an adapter of their own
// (documented in the README, "Courier services"):
//   {"eventId": "...", "orderNumber": "...", "at": "2024-07-01T10:00:00+05:00" | 1719810000000,
//    "status": "delivered", "subMark": "arrived", "reason": "refused", "code": "...",
//    "trackingNumber": "...", "comment": "..."}
// Either name our status/sub-mark directly, or send your own `code` and map it in the
// configuration; a comment alone is written on the order's timeline.
import { z } from 'zod';
import { ORDER_STATUSES, PROBLEM_REASONS, SUB_MARKS } from '../../shared/domain/vocabulary';
import { parseIsoTime } from '../gps/wire-time';
import type { AdapterResult } from './courier-event';

export const genericWebhookSchema = z
  .strictObject({
    eventId: z.string().trim().min(1).max(200),
    orderNumber: z.string().trim().min(1).max(64),
    at: z.union([z.string(), z.number().int().nonnegative()]),
    status: z.enum(ORDER_STATUSES).optional(),
    subMark: z.enum(SUB_MARKS).optional(),
    reason: z.enum(PROBLEM_REASONS).optional(),
    code: z.string().trim().min(1).max(100).optional(),
    trackingNumber: z.string().trim().max(128).optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.status !== undefined || b.subMark !== undefined || b.code !== undefined || (b.comment ?? '') !== '', {
    message: 'say what happened: status, subMark, code or comment',
  })
  .refine((b) => b.code === undefined || (b.status === undefined && b.subMark === undefined), {
    message: 'give either a code (mapped by configuration) or status/subMark, not both',
  });
export type GenericWebhook = z.input<typeof genericWebhookSchema>;

export function adaptGeneric(body: unknown): AdapterResult {
  const r = genericWebhookSchema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { kind: 'invalid', message: `not our generic webhook format: "${issue?.path.join('.') ?? ''}" ${issue?.message ?? ''}` };
  }
  const b = r.data;
  const at = typeof b.at === 'number' ? b.at : parseIsoTime(b.at);
  if (at === null) return { kind: 'invalid', message: `"at" (${String(b.at)}) is not ISO 8601 or Unix milliseconds` };
  const isDirect = b.code === undefined;
  return {
    kind: 'event',
    event: {
      eventId: b.eventId,
      orderNumber: b.orderNumber,
      trackingNumber: b.trackingNumber ?? null,
      deviceId: null,
      code: b.code ?? '',
      at,
      reasonCode: null,
      note: b.comment ?? null,
      direct: isDirect ? { status: b.status ?? null, subMark: b.subMark ?? null, reason: b.reason ?? null } : null,
      position: null,
    },
  };
}
