// Server-only courier webhook tables. Store first, process after: every authentic,
// well-formed webhook is an inbox row before it is answered; processing reads the inbox.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const INBOX_STATES = ['pending', 'applied', 'skipped', 'review', 'ignored', 'failed'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export const courierInbox = sqliteTable(
  'courier_inbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    provider: text('provider').notNull(),
    /** Unique per provider: a repeat is answered and not stored or applied again. */
    eventId: text('event_id').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** The raw body, as received (for audit and re-processing). */
    body: text('body').notNull(),
    state: text('state', { enum: INBOX_STATES }).notNull(),
    /** What processing did or why not: "setStatus delivered", "order already delivered". */
    outcome: text('outcome'),
    processedAt: integer('processed_at'),
  },
  (t) => [uniqueIndex('courier_inbox_event_idx').on(t.provider, t.eventId), index('courier_inbox_state_idx').on(t.state)],
);

export const REVIEW_REASONS = ['unknown_order', 'unmapped_code', 'rejected'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export const REVIEW_RESOLUTIONS = ['attached', 'dismissed'] as const;
export type ReviewResolution = (typeof REVIEW_RESOLUTIONS)[number];

/** Webhooks a person must look at: an order we don't know, a code we can't map, a refusal. */
export const courierReview = sqliteTable(
  'courier_review',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inboxId: integer('inbox_id').notNull(),
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    orderNumber: text('order_number'),
    trackingNumber: text('tracking_number'),
    code: text('code').notNull(),
    reason: text('reason', { enum: REVIEW_REASONS }).notNull(),
    detail: text('detail').notNull(),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
    /** How a person closed it in the review list (issue 16): attached to an order, or dismissed. */
    resolution: text('resolution', { enum: REVIEW_RESOLUTIONS }),
    /** Who closed it: the user's id. */
    resolvedBy: text('resolved_by'),
    /** The order it was attached to and what that did, or the reason for dismissing it. */
    resolutionNote: text('resolution_note'),
  },
  (t) => [index('courier_review_open_idx').on(t.resolvedAt, t.createdAt)],
);

export type CourierInboxRow = typeof courierInbox.$inferSelect;
export type CourierReviewRow = typeof courierReview.$inferSelect;

export const SHIPMENT_STATES = ['creating', 'retry', 'registered', 'done', 'failed'] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

/**
 * Shipments created through a provider's API (issue 16), one per order and provider. `creating`
 * is committed before the request goes out: a crash mid-request leaves it, and it is never sent
 * again blindly (the provider may have it); `registered` waits for the provider's number.
 */
export const courierShipments = sqliteTable(
  'courier_shipments',
  {
    orderId: text('order_id').notNull(),
    provider: text('provider').notNull(),
    state: text('state', { enum: SHIPMENT_STATES }).notNull(),
    /** The provider's id for the request (CDEK's order uuid). */
    providerRef: text('provider_ref'),
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at').notNull(),
    lastError: text('last_error'),
    /** The order's assigned_at when it was handed over: another hand-over is another request. */
    requestedAt: integer('requested_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('courier_shipments_order_idx').on(t.orderId, t.provider), index('courier_shipments_due_idx').on(t.state, t.nextAt)],
);
export type CourierShipmentRow = typeof courierShipments.$inferSelect;
