// Tables that server and desktop replica both hold, in the same shape, so a synced row
// can be written on either side without translation. Times are Unix milliseconds (UTC).
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ACTORS,
  EVENT_SOURCES,
  ORDER_STATUSES,
  PROBLEM_REASONS,
  SERVICE_TYPES,
  SUB_MARKS,
} from '../domain/vocabulary';
import type { ChecklistItem, FieldChange, StatusCorrection } from '../domain/order-intake';
import type { HandoverDetail } from '../domain/carried-by';

export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    /** The number people say on the phone and print on the label (Code 128). */
    number: text('number').notNull().unique(),
    customerId: text('customer_id'),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone').notNull().default(''),
    customerEmail: text('customer_email'),
    pickupAddress: text('pickup_address').notNull(),
    pickupLat: real('pickup_lat').notNull(),
    pickupLon: real('pickup_lon').notNull(),
    deliveryAddress: text('delivery_address').notNull(),
    deliveryCity: text('delivery_city').notNull(),
    deliveryLat: real('delivery_lat').notNull(),
    deliveryLon: real('delivery_lon').notNull(),
    warehouseId: text('warehouse_id'),
    regionId: text('region_id').notNull(),
    serviceType: text('service_type', { enum: SERVICE_TYPES }).notNull(),
    /** VIP contract norm in minutes; overrides the service type's norm when set. */
    vipNormMinutes: integer('vip_norm_minutes'),
    cargoDescription: text('cargo_description').notNull().default(''),
    weightKg: real('weight_kg').notNull().default(0),
    volumeM3: real('volume_m3').notNull().default(0),
    places: integer('places').notNull().default(1),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    subMark: text('sub_mark', { enum: SUB_MARKS }),
    problemReason: text('problem_reason', { enum: PROBLEM_REASONS }),
    problemComment: text('problem_comment'),
    /** Status the order had before it became a problem; resolving may return to it. */
    statusBeforeProblem: text('status_before_problem', { enum: ORDER_STATUSES }),
    driverId: text('driver_id'),
    carrierId: text('carrier_id'),
    /** The carrier_deals row of the current carrier (vehicle, rate, loading time, contact). */
    carrierDealId: text('carrier_deal_id'),
    courierProvider: text('courier_provider'),
    courierTrackingNumber: text('courier_tracking_number'),
    assignedBy: text('assigned_by'),
    assignedAt: integer('assigned_at'),
    slaDeadline: integer('sla_deadline'),
    createdAt: integer('created_at').notNull(),
    confirmedAt: integer('confirmed_at'),
    pickedAt: integer('picked_at'),
    deliveredAt: integer('delivered_at'),
    statusChangedAt: integer('status_changed_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by every server-side change; assignment compares it (compare-and-set). */
    version: integer('version').notNull().default(1),
    /** The shop's own order number and the integration (user id) that sent it: the idempotency key. */
    externalId: text('external_id'),
    externalSource: text('external_source'),
    /** The delivery window the customer chose (ms); its end is the promise when set. */
    windowStart: integer('window_start'),
    windowEnd: integer('window_end'),
    fragile: integer('fragile', { mode: 'boolean' }).notNull().default(false),
    refrigerated: integer('refrigerated', { mode: 'boolean' }).notNull().default(false),
    /** ADR hazard class ('1'...'9', e.g. '3' flammable liquids); null = not hazardous. */
    hazardClass: text('hazard_class'),
    /** JSON ChecklistItem[]: what was checked when the order was confirmed. */
    checklist: text('checklist', { mode: 'json' }).$type<ChecklistItem[]>(),
    paidAt: integer('paid_at'),
    paymentAmount: real('payment_amount'),
    paymentMethod: text('payment_method'),
    paymentReference: text('payment_reference'),
    /** The last hand correction of the status, kept so it can be undone while nothing else moved. */
    lastCorrection: text('last_correction', { mode: 'json' }).$type<StatusCorrection>(),
  },
  (t) => [
    uniqueIndex('orders_external_idx').on(t.externalSource, t.externalId),
    index('orders_status_idx').on(t.status),
    index('orders_driver_idx').on(t.driverId),
    index('orders_warehouse_idx').on(t.warehouseId),
    index('orders_deadline_idx').on(t.slaDeadline),
    index('orders_updated_idx').on(t.updatedAt),
    // Courier webhooks find an order handed over with the provider's own number (issue 16).
    index('orders_courier_tracking_idx').on(t.courierProvider, t.courierTrackingNumber),
    // Reports read a period's orders by creation time (shared/reports/order-fact.ts).
    index('orders_created_idx').on(t.createdAt),
  ],
);

export const EVENT_KINDS = ['created', 'status', 'sub_mark', 'assign', 'unassign', 'comment', 'edit', 'message', 'correction', 'payment', 'handover'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The order's timeline: append-only; `at` is when it happened, not when it synced. */
export const orderEvents = sqliteTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    at: integer('at').notNull(),
    fromStatus: text('from_status', { enum: ORDER_STATUSES }),
    toStatus: text('to_status', { enum: ORDER_STATUSES }),
    subMark: text('sub_mark', { enum: SUB_MARKS }),
    actor: text('actor', { enum: ACTORS }).notNull(),
    /** The user (dispatcher name), device or provider behind the actor. */
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    source: text('source', { enum: EVENT_SOURCES }).notNull(),
    reason: text('reason'),
    comment: text('comment'),
    driverId: text('driver_id'),
    /** JSON FieldChange[] of an `edit` (old and new values); null for other kinds. */
    changes: text('changes', { mode: 'json' }).$type<FieldChange[]>(),
    /** JSON HandoverDetail of a `handover` (to whom the order went); null for other kinds. */
    handover: text('handover', { mode: 'json' }).$type<HandoverDetail>(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/**
 * The order a timeline is read in, as SQL over `order_events`: by when each event happened,
 * and events of one moment (a scan and the status it moves, a burst of edits within one
 * millisecond) in the order they were recorded. Event ids are random, so they cannot break
 * the tie; SQLite's rowid can, because events are only ever appended and an upsert of a
 * synced copy keeps its row.
 */
export const TIMELINE_ORDER_SQL = 'at, rowid';

export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
export type OrderEventRow = typeof orderEvents.$inferSelect;

