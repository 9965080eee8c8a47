// Server-only tables of the driver's phone page (issue 18). Tokens are kept as SHA-256 only
// (as user tokens are), so a copied database file hands out no working link or phone.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One-time sign-in links a dispatcher issued; dead once used, expired or revoked. */
export const driverLinks = sqliteTable(
  'driver_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    driverId: text('driver_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('driver_links_driver_idx').on(t.driverId)],
);

/** A phone bound to a driver by a link; its token signs every later request. */
export const driverDevices = sqliteTable(
  'driver_devices',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    driverId: text('driver_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    lastSeenAt: integer('last_seen_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('driver_devices_driver_idx').on(t.driverId)],
);

/** Answers to writes by Idempotency-Key: a replayed request gets the same answer, once applied. */
export const driverRequests = sqliteTable(
  'driver_requests',
  {
    deviceId: text('device_id').notNull(),
    key: text('key').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.key] })],
);

/** Photos and signatures; served only to signed-in users and the phone that sent them. */
export const deliveryFiles = sqliteTable(
  'delivery_files',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    driverId: text('driver_id').notNull(),
    deviceId: text('device_id').notNull(),
    kind: text('kind', { enum: ['photo', 'signature'] }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('delivery_files_order_idx').on(t.orderId)],
);
