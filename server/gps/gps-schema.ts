// Server-only GPS tables. The latest position itself lives in the drivers row (lat, lon, ...,
// fix_at: declared in shared/schema/fleet.ts for the positions channel), written in batches
// without touching version/updated_at, so it never enters the change log.
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Which driver a phone or tracker reports for. Set by an admin (`device bind`). */
export const deviceBindings = sqliteTable(
  'device_bindings',
  {
    deviceId: text('device_id').primaryKey(),
    driverId: text('driver_id').notNull(),
    boundAt: integer('bound_at').notNull(),
    /** Who bound it: "cli", a user id, "demo". */
    boundBy: text('bound_by').notNull(),
  },
  (t) => [index('device_bindings_driver_idx').on(t.driverId)],
);

/** Devices that sent fixes but are bound to nobody: kept for the admin to bind, never applied. */
export const unknownDevices = sqliteTable('unknown_devices', {
  deviceId: text('device_id').primaryKey(),
  firstSeenAt: integer('first_seen_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
  requestCount: integer('request_count').notNull(),
  lastLat: real('last_lat'),
  lastLon: real('last_lon'),
  lastFixAt: integer('last_fix_at'),
  lastAccuracyM: real('last_accuracy_m'),
  lastBattery: real('last_battery'),
});

/** Accepted fixes, written in batches; one row per driver and fix time. */
export const driverTracks = sqliteTable(
  'driver_tracks',
  {
    driverId: text('driver_id').notNull(),
    fixAt: integer('fix_at').notNull(),
    lat: real('lat').notNull(),
    lon: real('lon').notNull(),
    speedKmh: real('speed_kmh'),
    headingDeg: real('heading_deg'),
    accuracyM: real('accuracy_m'),
    altitudeM: real('altitude_m'),
    battery: real('battery'),
    deviceId: text('device_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.driverId, t.fixAt] })],
);

export type DeviceBindingRow = typeof deviceBindings.$inferSelect;
export type UnknownDeviceRow = typeof unknownDevices.$inferSelect;
export type DriverTrackRow = typeof driverTracks.$inferSelect;
