// Binding devices (phones, trackers) to drivers, and the list of devices bound to nobody.
// Used by the CLI (`device bind|unbind|list`) and by demo mode (which binds sim-<driverId>
// for the simulator). The ingest path reads bindings per fix, so a bind applies at once,
// even from another process.
import type Database from 'better-sqlite3';
import { MAX_DEVICE_ID_CHARS } from './gps-fix';

export const SIMULATOR_DEVICE_PREFIX = 'sim-';

export interface BindingView {
  deviceId: string;
  driverId: string;
  driverName: string | null;
  boundAt: number;
  boundBy: string;
}

export interface UnknownDeviceView {
  deviceId: string;
  firstSeenAt: number;
  lastSeenAt: number;
  requestCount: number;
  lastLat: number | null;
  lastLon: number | null;
  lastFixAt: number | null;
}

export type BindResult =
  | { ok: true; previousDriverId: string | null }
  | { ok: false; message: string };

export function bindDevice(sqlite: Database.Database, deviceId: string, driverId: string, boundBy: string, now: number): BindResult {
  const id = deviceId.trim();
  if (id === '' || id.length > MAX_DEVICE_ID_CHARS) return { ok: false, message: `a device id is 1 to ${MAX_DEVICE_ID_CHARS} characters` };
  const driver = sqlite.prepare<[string], { id: string }>('SELECT id FROM drivers WHERE id = ?').get(driverId);
  if (driver === undefined) return { ok: false, message: `no driver with id ${driverId}` };
  return sqlite.transaction((): BindResult => {
    const prev = sqlite.prepare<[string], { driver_id: string }>('SELECT driver_id FROM device_bindings WHERE device_id = ?').get(id);
    sqlite
      .prepare(
        `INSERT INTO device_bindings (device_id, driver_id, bound_at, bound_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET driver_id = excluded.driver_id, bound_at = excluded.bound_at, bound_by = excluded.bound_by`,
      )
      .run(id, driverId, now, boundBy);
    // Known now: it leaves the admin's "unknown devices" list.
    sqlite.prepare('DELETE FROM unknown_devices WHERE device_id = ?').run(id);
    return { ok: true, previousDriverId: prev?.driver_id ?? null };
  })();
}

export function unbindDevice(sqlite: Database.Database, deviceId: string): boolean {
  return sqlite.prepare('DELETE FROM device_bindings WHERE device_id = ?').run(deviceId).changes > 0;
}

export function listBindings(sqlite: Database.Database): BindingView[] {
  return sqlite
    .prepare<[], BindingView>(
      `SELECT b.device_id AS deviceId, b.driver_id AS driverId, d.name AS driverName, b.bound_at AS boundAt, b.bound_by AS boundBy
       FROM device_bindings b LEFT JOIN drivers d ON d.id = b.driver_id ORDER BY b.device_id`,
    )
    .all();
}

export function listUnknownDevices(sqlite: Database.Database): UnknownDeviceView[] {
  return sqlite
    .prepare<[], UnknownDeviceView>(
      `SELECT device_id AS deviceId, first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt, request_count AS requestCount,
              last_lat AS lastLat, last_lon AS lastLon, last_fix_at AS lastFixAt
       FROM unknown_devices ORDER BY last_seen_at DESC`,
    )
    .all();
}

/**
 * Demo mode: binds `sim-<driverId>` for every driver not yet bound that way, so the
 * simulator's phones are known. Returns how many bindings were added.
 */
export function bindSimulatorDevices(sqlite: Database.Database, now: number): number {
  return sqlite
    .prepare(
      `INSERT INTO device_bindings (device_id, driver_id, bound_at, bound_by)
       SELECT '${SIMULATOR_DEVICE_PREFIX}' || id, id, ?, 'demo' FROM drivers WHERE true
       ON CONFLICT(device_id) DO NOTHING`,
    )
    .run(now).changes;
}
