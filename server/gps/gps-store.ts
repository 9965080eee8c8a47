// The GPS pipeline's database side. Reads (device binding) are direct; writes are queued and
// flushed in one transaction per batch: track rows (sorted by driver and fix time: the
// reorder buffer's order; INSERT OR IGNORE keeps (driver, fix_at) unique), each driver's
// latest position into its drivers row (no version bump: positions are not change-log
// changes), and unknown devices aggregated per device. A fix is never a transaction of its own.
import type Database from 'better-sqlite3';
import type { DriverPositionView } from '../http/rest-api';
import { MAX_DEVICE_ID_CHARS, type GpsFix } from './gps-fix';

export interface TrackRow {
  driverId: string;
  fixAt: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
  headingDeg: number | null;
  accuracyM: number | null;
  altitudeM: number | null;
  battery: number | null;
  deviceId: string;
  receivedAt: number;
}

/** A driver's latest position as the REST API shows it, kept per driver. */
export interface StoredPosition extends DriverPositionView {
  driverId: string;
}

interface UnknownAggregate {
  firstSeenAt: number;
  lastSeenAt: number;
  count: number;
  fix: GpsFix | null;
}

interface DriverPositionRecord {
  id: string;
  lat: number;
  lon: number;
  heading_deg: number | null;
  speed_kmh: number | null;
  accuracy_m: number | null;
  battery: number | null;
  charging: number | null;
  fix_at: number;
}

/** How often the device -> driver map is reloaded; a bind from another process (the CLI) applies within it. */
export const BINDING_TTL_MS = 5_000;
/**
 * Latest positions written to the drivers rows per flush at most (they live in memory; the
 * rows are for restarts). Spread over flushes so no single write stalls the event loop.
 */
export const POSITIONS_PER_FLUSH = 500;

/**
 * Most devices kept in the unknown-devices list. Device ids arrive unauthenticated, so the list
 * is capped: the devices heard from longest ago are dropped first (counted in /health).
 */
export const MAX_UNKNOWN_DEVICES = 1000;

export interface GpsStoreLimits {
  maxUnknownDevices: number;
  /** Told how many unknown devices were dropped (or never let in) to keep the cap. */
  onUnknownDropped: (count: number) => void;
}

export class GpsStore {
  private tracks: TrackRow[] = [];
  private bindings = new Map<string, string>();
  private bindingsUntil = 0;
  private positions = new Map<string, StoredPosition>();
  private unknown = new Map<string, UnknownAggregate>();
  private readonly stmts;
  private readonly flushTx: (positions: readonly StoredPosition[]) => { inserted: number; unknownDropped: number };

  private readonly limits: GpsStoreLimits;

  constructor(
    private readonly sqlite: Database.Database,
    limits: Partial<GpsStoreLimits> = {},
  ) {
    this.limits = { maxUnknownDevices: MAX_UNKNOWN_DEVICES, onUnknownDropped: () => undefined, ...limits };
    this.stmts = {
      allBindings: sqlite.prepare<[], { device_id: string; driver_id: string }>('SELECT device_id, driver_id FROM device_bindings'),
      insertTrack: sqlite.prepare(
        `INSERT OR IGNORE INTO driver_tracks (driver_id, fix_at, lat, lon, speed_kmh, heading_deg, accuracy_m, altitude_m, battery, device_id, received_at)
         VALUES (@driverId, @fixAt, @lat, @lon, @speedKmh, @headingDeg, @accuracyM, @altitudeM, @battery, @deviceId, @receivedAt)`,
      ),
      updateDriver: sqlite.prepare(
        `UPDATE drivers SET lat = @lat, lon = @lon, heading_deg = @headingDeg, speed_kmh = @speedKmh, accuracy_m = @accuracyM,
         battery = @battery, charging = @charging, fix_at = @fixAt WHERE id = @driverId AND (fix_at IS NULL OR fix_at <= @fixAt)`,
      ),
      upsertUnknown: sqlite.prepare(
        `INSERT INTO unknown_devices (device_id, first_seen_at, last_seen_at, request_count, last_lat, last_lon, last_fix_at, last_accuracy_m, last_battery)
         VALUES (@deviceId, @firstSeenAt, @lastSeenAt, @count, @lat, @lon, @fixAt, @accuracyM, @battery)
         ON CONFLICT(device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at,
           request_count = request_count + excluded.request_count,
           last_lat = coalesce(excluded.last_lat, last_lat), last_lon = coalesce(excluded.last_lon, last_lon),
           last_fix_at = coalesce(excluded.last_fix_at, last_fix_at), last_accuracy_m = coalesce(excluded.last_accuracy_m, last_accuracy_m),
           last_battery = coalesce(excluded.last_battery, last_battery)`,
      ),
      trimUnknown: sqlite.prepare<[number]>(
        `DELETE FROM unknown_devices WHERE device_id IN
           (SELECT device_id FROM unknown_devices ORDER BY last_seen_at DESC, device_id LIMIT -1 OFFSET ?)`,
      ),
      countUnknown: sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM unknown_devices'),
      positions: sqlite.prepare<[], DriverPositionRecord>(
        'SELECT id, lat, lon, heading_deg, speed_kmh, accuracy_m, battery, charging, fix_at FROM drivers WHERE lat IS NOT NULL AND lon IS NOT NULL AND fix_at IS NOT NULL',
      ),
    };
    this.flushTx = sqlite.transaction((positions: readonly StoredPosition[]) => this.writeQueued(positions));
  }

  /**
   * The driver a device reports for, or null. From a map of all bindings reloaded every
   * BINDING_TTL_MS (a query per fix was the pipeline's biggest cost, and an unknown device
   * must not cost a query per request), so a CLI bind or unbind applies within seconds.
   */
  driverFor(deviceId: string, now: number): string | null {
    if (now >= this.bindingsUntil) this.reloadBindings(now);
    return this.bindings.get(deviceId) ?? null;
  }

  /** Re-reads the bindings now (after a bind in this process). */
  reloadBindings(now: number): void {
    this.bindings = new Map(this.stmts.allBindings.all().map((r) => [r.device_id, r.driver_id]));
    this.bindingsUntil = now + BINDING_TTL_MS;
  }

  pendingTrackRows(): number {
    return this.tracks.length;
  }

  queueTrack(row: TrackRow): void {
    this.tracks.push(row);
  }

  queuePosition(p: StoredPosition): void {
    this.positions.set(p.driverId, p);
  }

  /** A request from a device bound to nobody: counted, its last readable fix kept. */
  queueUnknown(deviceId: string, fix: GpsFix | null, at: number): void {
    const agg = this.unknown.get(deviceId);
    if (agg === undefined) {
      // Between flushes too, a flood of new ids must not grow memory without bound.
      if (deviceId.length > MAX_DEVICE_ID_CHARS || this.unknown.size >= this.limits.maxUnknownDevices) {
        this.limits.onUnknownDropped(1);
        return;
      }
      this.unknown.set(deviceId, { firstSeenAt: at, lastSeenAt: at, count: 1, fix });
      return;
    }
    agg.lastSeenAt = at;
    agg.count += 1;
    if (fix !== null) agg.fix = fix;
  }

  /**
   * Writes what is queued in one transaction: track rows and unknown devices, and up to
   * POSITIONS_PER_FLUSH latest positions (all when forced: close, explicit flush). Returns the
   * track rows inserted. Queues are emptied only once the transaction committed: a failed
   * flush (disk full, locked) is retried with the next one instead of losing fixes.
   */
  flush(force = false): number {
    if (this.tracks.length === 0 && this.positions.size === 0 && this.unknown.size === 0) return 0;
    const positions: StoredPosition[] = [];
    for (const p of this.positions.values()) {
      if (!force && positions.length >= POSITIONS_PER_FLUSH) break;
      positions.push(p);
    }
    const { inserted, unknownDropped } = this.flushTx(positions);
    this.tracks = [];
    for (const p of positions) this.positions.delete(p.driverId);
    this.unknown.clear();
    if (unknownDropped > 0) this.limits.onUnknownDropped(unknownDropped);
    return inserted;
  }

  /** Devices in the unknown-devices list (for /health). */
  unknownListed(): number {
    return this.stmts.countUnknown.get()?.n ?? 0;
  }

  private writeQueued(positions: readonly StoredPosition[]): { inserted: number; unknownDropped: number } {
    this.tracks.sort((a, b) => (a.driverId < b.driverId ? -1 : a.driverId > b.driverId ? 1 : a.fixAt - b.fixAt));
    let inserted = 0;
    for (const row of this.tracks) inserted += this.stmts.insertTrack.run(row).changes;
    for (const p of positions) {
      this.stmts.updateDriver.run({ ...p, charging: p.charging === null ? null : p.charging ? 1 : 0 });
    }
    for (const [deviceId, agg] of this.unknown) {
      this.stmts.upsertUnknown.run({
        deviceId,
        firstSeenAt: agg.firstSeenAt,
        lastSeenAt: agg.lastSeenAt,
        count: agg.count,
        lat: agg.fix?.lat ?? null,
        lon: agg.fix?.lon ?? null,
        fixAt: agg.fix?.fixAt ?? null,
        accuracyM: agg.fix?.accuracyM ?? null,
        battery: agg.fix?.battery ?? null,
      });
    }
    const unknownDropped = this.unknown.size === 0 ? 0 : this.stmts.trimUnknown.run(this.limits.maxUnknownDevices).changes;
    return { inserted, unknownDropped };
  }

  /** Latest stored positions (from the drivers rows), to resume after a restart. */
  loadPositions(): StoredPosition[] {
    return this.stmts.positions.all().map((r) => ({
      driverId: r.id,
      lat: r.lat,
      lon: r.lon,
      headingDeg: r.heading_deg,
      speedKmh: r.speed_kmh,
      accuracyM: r.accuracy_m,
      battery: r.battery,
      charging: r.charging === null ? null : r.charging !== 0,
      fixAt: r.fix_at,
    }));
  }
}
