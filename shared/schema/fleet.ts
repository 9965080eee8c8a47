// Drivers, warehouses, customers, regions and users: the reference data around orders.
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SHIFT_STATES, USER_ROLES } from '../domain/vocabulary';

export const drivers = sqliteTable('drivers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  vehicle: text('vehicle').notNull().default(''),
  vehiclePlate: text('vehicle_plate').notNull().default(''),
  capacityKg: real('capacity_kg').notNull().default(0),
  homeWarehouseId: text('home_warehouse_id'),
  shiftState: text('shift_state', { enum: SHIFT_STATES }).notNull().default('off_shift'),
  shiftChangedAt: integer('shift_changed_at'),
  /** Last accepted GPS fix; written by the positions channel, not the change log. */
  lat: real('lat'),
  lon: real('lon'),
  headingDeg: real('heading_deg'),
  speedKmh: real('speed_kmh'),
  accuracyM: real('accuracy_m'),
  battery: real('battery'),
  charging: integer('charging', { mode: 'boolean' }),
  fixAt: integer('fix_at'),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});

export const warehouses = sqliteTable('warehouses', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  lat: real('lat').notNull(),
  lon: real('lon').notNull(),
  regionId: text('region_id').notNull(),
  /**
   * Minutes after local midnight (the region's calendar) by which some driver of this warehouse
   * should have started the day; past it on a working day with nobody started, the supervisors
   * get a no_shift_start alert. null = no such check (the default).
   */
  shiftStartAlertMinute: integer('shift_start_alert_minute'),
  updatedAt: integer('updated_at').notNull(),
});

export const customers = sqliteTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  email: text('email'),
  /** VIP contract norm in minutes; null for ordinary customers. */
  vipNormMinutes: integer('vip_norm_minutes'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A region's working calendar. `utcOffsetMinutes` rather than an IANA zone: Kazakhstan moved
 * to a single UTC+5 in 2024 and older tz databases disagree, so the offset is stated plainly.
 */
export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  utcOffsetMinutes: integer('utc_offset_minutes').notNull(),
  /** ISO weekdays (1 = Monday ... 7 = Sunday) as JSON, e.g. [1,2,3,4,5]. */
  workingDays: text('working_days', { mode: 'json' }).$type<number[]>().notNull(),
  /** Minutes after local midnight. */
  workStartMinute: integer('work_start_minute').notNull(),
  workEndMinute: integer('work_end_minute').notNull(),
  /** Local dates 'YYYY-MM-DD' as JSON. */
  holidays: text('holidays', { mode: 'json' }).$type<string[]>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Desktop users as everyone sees them (names on the timeline). Tokens live on the server only. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: USER_ROLES }).notNull(),
  warehouseId: text('warehouse_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
});

export type DriverRow = typeof drivers.$inferSelect;
export type WarehouseRow = typeof warehouses.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type UserRow = typeof users.$inferSelect;
