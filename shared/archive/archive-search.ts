// Orders older than a desktop's sync window (issue 19): the desktop does not hold them, so its
// search and "open by number" ask the server, and show what comes back read-only from a cache
// of its own. One rule for both ends: what may be asked (the query schema the server's route
// and the desktop's call both parse), what comes back (the archive view and its schema, parsed
// again by the desktop), and how typed text becomes a query.
import { z } from 'zod';
import { ACTORS, EVENT_SOURCES, ORDER_STATUSES, PROBLEM_REASONS, SERVICE_TYPES, SUB_MARKS } from '../domain/vocabulary';
import { CARRIED_BY } from '../domain/carried-by';
import { EVENT_KINDS, type OrderEventRow, type OrderRow } from '../schema/orders';
import { phoneRuns } from '../domain/phone-search';
import { dayStartUtc, REPORT_EARLIEST_DAY } from '../reports/report-period';

/** A page of archive hits: a screen's worth; a script wanting more pages through them. */
export const ARCHIVE_PAGE_MAX = 50;
/** Deepest page: 5,000 hits into a search nobody reads; narrow the text instead. */
export const ARCHIVE_OFFSET_MAX = 5000;
/** Longest text a search field takes (a pasted paragraph is not a search). */
export const ARCHIVE_TEXT_MAX = 100;

/** Characters no order number, phone or name holds: NUL and the other controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

const text = (min: number) =>
  z
    .string()
    .min(min, `at least ${min} characters`)
    .max(ARCHIVE_TEXT_MAX, `at most ${ARCHIVE_TEXT_MAX} characters`)
    .refine((s) => !CONTROL.test(s), 'control characters (such as NUL) are not allowed')
    .refine((s) => s.trim().length >= min, `at least ${min} characters besides spaces`);

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD')
  .refine((d) => new Date(dayStartUtc(d, 0)).toISOString().slice(0, 10) === d, 'no such day')
  .refine((d) => d >= REPORT_EARLIEST_DAY, `not before ${REPORT_EARLIEST_DAY}`);

/**
 * GET /api/archive/orders: exactly one of number (its start), phone (a run of its digits) or
 * customer (part of the name), orders last changed before `before` (the first day the
 * desktop's window holds), newest first.
 */
export const archiveQuerySchema = z
  .object({
    number: text(2)
      .refine((s) => /^[\p{L}\p{N}-]+$/u.test(s.trim()), 'an order number has letters, digits and dashes only')
      .optional(),
    phone: text(4)
      .refine((s) => phoneRuns(s).length > 0, 'a phone is at least 4 digits with + ( ) - . and spaces')
      .optional(),
    customer: text(2).optional(),
    before: isoDay.optional(),
    offset: z.coerce.number().int('a whole number').min(0).max(ARCHIVE_OFFSET_MAX).default(0),
    limit: z.coerce.number().int('a whole number').min(1).max(ARCHIVE_PAGE_MAX).default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.number, q.phone, q.customer].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['number'], message: 'give exactly one of number, phone, customer' });
  });
export type ArchiveQuery = z.infer<typeof archiveQuerySchema>;

/** The one day after today a `before` may name (the desktop sends its window's first day, never later). */
export function beforeProblem(before: string | undefined, now: number): string | null {
  if (before === undefined) return null;
  const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
  return before > tomorrow ? `before: not after ${tomorrow}` : null;
}

export type ArchiveSearchKind = 'number' | 'phone' | 'customer';

/**
 * What a person typed into the console's search box, as an archive query: digits (with phone
 * separators) are a phone, one word of letters and digits (and dashes) ("MR-100123", "mr100") an
 * order number, anything else a customer's name. Null when there is too little to ask about.
 */
export function archiveSearchOf(typed: string): { kind: ArchiveSearchKind; text: string } | null {
  const t = typed.replace(CONTROLS, ' ').trim().replace(/\s+/g, ' ').slice(0, ARCHIVE_TEXT_MAX);
  if (phoneRuns(t).length > 0) return { kind: 'phone', text: t };
  if (/^[\p{L}\p{N}-]+$/u.test(t) && /\d/.test(t) && /\p{L}/u.test(t)) return { kind: 'number', text: t.toUpperCase() };
  if (t.length >= 2 && /[\p{L}]/u.test(t)) return { kind: 'customer', text: t };
  return null;
}

/** What the archive card and the result rows show of an order: read-only, never a replica row. */
export const archiveOrderSchema = z
  .object({
    id: z.string().min(1).max(128),
    number: z.string().min(1).max(64),
    status: z.enum(ORDER_STATUSES),
    subMark: z.enum(SUB_MARKS).nullable(),
    problemReason: z.enum(PROBLEM_REASONS).nullable(),
    customerName: z.string().max(500),
    customerPhone: z.string().max(100),
    pickupAddress: z.string().max(1000),
    deliveryAddress: z.string().max(1000),
    deliveryCity: z.string().max(200),
    serviceType: z.enum(SERVICE_TYPES),
    cargoDescription: z.string().max(2000),
    weightKg: z.number(),
    places: z.number().int(),
    driverName: z.string().max(200).nullable(),
    slaDeadline: z.number().int().nullable(),
    createdAt: z.number().int(),
    deliveredAt: z.number().int().nullable(),
    updatedAt: z.number().int(),
  })
  .strict();
export type ArchiveOrder = z.infer<typeof archiveOrderSchema>;

export function toArchiveOrder(o: OrderRow, driverName: string | null): ArchiveOrder {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    subMark: o.subMark,
    problemReason: o.problemReason,
    customerName: o.customerName,
    customerPhone: o.customerPhone,
    pickupAddress: o.pickupAddress,
    deliveryAddress: o.deliveryAddress,
    deliveryCity: o.deliveryCity,
    serviceType: o.serviceType,
    cargoDescription: o.cargoDescription,
    weightKg: o.weightKg,
    places: o.places,
    driverName,
    slaDeadline: o.slaDeadline,
    createdAt: o.createdAt,
    deliveredAt: o.deliveredAt,
    updatedAt: o.updatedAt,
  };
}

export const archiveSearchPageSchema = z
  .object({
    orders: z.array(archiveOrderSchema).max(ARCHIVE_PAGE_MAX),
    offset: z.number().int().min(0),
    /** Another page exists after this one. */
    hasMore: z.boolean(),
  })
  .strict();
export type ArchiveSearchPage = z.infer<typeof archiveSearchPageSchema>;

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A timeline entry as the server stores it (the order card's Timeline reads the same rows). */
export const archiveEventSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  kind: z.enum(EVENT_KINDS),
  at: z.number().int(),
  fromStatus: z.enum(ORDER_STATUSES).nullable(),
  toStatus: z.enum(ORDER_STATUSES).nullable(),
  subMark: z.enum(SUB_MARKS).nullable(),
  actor: z.enum(ACTORS),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  source: z.enum(EVENT_SOURCES),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  driverId: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), old: fieldValue, new: fieldValue })).nullable(),
  handover: z.object({ to: z.enum(CARRIED_BY), name: z.string().nullable() }).passthrough().nullable(),
});

/** The archive card: the order and its timeline, as GET /api/archive/orders/:number answers. */
export const archiveCardSchema = z
  .object({
    order: archiveOrderSchema,
    events: z.array(archiveEventSchema).max(5000),
  })
  .strict();
export interface ArchiveCard {
  order: ArchiveOrder;
  /** Oldest first. */
  events: OrderEventRow[];
}

/** The server's card as the timeline's own types: the event fields the schema checked are theirs. */
export const archiveCardAnswer = archiveCardSchema.transform(
  // changes[].field is checked as text: a field added on the server later still shows.
  (c): ArchiveCard => ({ order: c.order, events: c.events as OrderEventRow[] }),
);

/** Parses a stored or received card with archiveCardAnswer. */
export function parseArchiveCard(body: unknown): { ok: true; value: ArchiveCard } | { ok: false; message: string } {
  const parsed = archiveCardAnswer.safeParse(body);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'unreadable' };
  return { ok: true, value: parsed.data };
}
