// Who may use the phone page: one-time sign-in links issued by a dispatcher, exchanged once
// for a device token that binds the phone to the driver. One phone per driver: a new
// exchange revokes the driver's earlier phones, and a revoke ends a phone (or an unused link)
// at once. The phone's GPS device id (`web-<deviceId>`) is bound alongside, so the browser's
// positions enter the same pipeline as OsmAnd fixes and stop when the phone is revoked.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { hashToken, newToken } from '../auth/user-tokens';
import { bindDevice } from '../gps/device-bindings';

/** How long an unused sign-in link lives. */
export const LINK_TTL_MS = 60 * 60 * 1000;
export const WEB_DEVICE_PREFIX = 'web-';

export interface DeviceIdentity {
  deviceId: string;
  driverId: string;
  driverName: string;
}

export type ExchangeResult =
  | { ok: true; deviceToken: string; device: DeviceIdentity }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' | 'no_driver' };

export interface DeviceView {
  id: string;
  driverId: string;
  createdAt: number;
  createdBy: string;
  lastSeenAt: number | null;
  revokedAt: number | null;
  userAgent: string;
}

export class DriverAccess {
  private readonly stmts;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: () => number,
  ) {
    this.stmts = {
      driver: sqlite.prepare<[string], { id: string; name: string }>('SELECT id, name FROM drivers WHERE id = ?'),
      insertLink: sqlite.prepare<[string, string, string, number, number]>(
        'INSERT INTO driver_links (token_hash, driver_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      link: sqlite.prepare<[string], { driver_id: string; expires_at: number; used_at: number | null; revoked_at: number | null; created_by: string }>(
        'SELECT driver_id, expires_at, used_at, revoked_at, created_by FROM driver_links WHERE token_hash = ?',
      ),
      useLink: sqlite.prepare<[number, string]>('UPDATE driver_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL'),
      insertDevice: sqlite.prepare<[string, string, string, string, number, string]>(
        'INSERT INTO driver_devices (id, token_hash, driver_id, created_by, created_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      liveDevices: sqlite.prepare<[string], { id: string }>('SELECT id FROM driver_devices WHERE driver_id = ? AND revoked_at IS NULL'),
      revokeDevice: sqlite.prepare<[number, string, string]>('UPDATE driver_devices SET revoked_at = ? WHERE id = ? AND driver_id = ? AND revoked_at IS NULL'),
      revokeLinks: sqlite.prepare<[number, string]>('UPDATE driver_links SET revoked_at = ? WHERE driver_id = ? AND used_at IS NULL AND revoked_at IS NULL'),
      unbind: sqlite.prepare<[string]>('DELETE FROM device_bindings WHERE device_id = ?'),
      byToken: sqlite.prepare<[string], { id: string; driver_id: string; name: string; last_seen_at: number | null }>(
        `SELECT v.id, v.driver_id, d.name, v.last_seen_at FROM driver_devices v JOIN drivers d ON d.id = v.driver_id
         WHERE v.token_hash = ? AND v.revoked_at IS NULL`,
      ),
      seen: sqlite.prepare<[number, string]>('UPDATE driver_devices SET last_seen_at = ? WHERE id = ?'),
      list: sqlite.prepare<[string], DeviceView>(
        `SELECT id, driver_id AS driverId, created_at AS createdAt, created_by AS createdBy, last_seen_at AS lastSeenAt,
                revoked_at AS revokedAt, user_agent AS userAgent
         FROM driver_devices WHERE driver_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 20`,
      ),
    };
  }

  /** A new one-time link for the driver; null when there is no such driver. */
  issueLink(driverId: string, userId: string): { token: string; expiresAt: number } | null {
    if (this.stmts.driver.get(driverId) === undefined) return null;
    const token = newToken();
    const now = this.clock();
    const expiresAt = now + LINK_TTL_MS;
    this.stmts.insertLink.run(hashToken(token), driverId, userId, now, expiresAt);
    return { token, expiresAt };
  }

  /** Spends the link: at most one phone ever gets a token from it. */
  exchange(linkToken: string, userAgent: string): ExchangeResult {
    if (linkToken.length === 0 || linkToken.length > 256) return { ok: false, reason: 'unknown' };
    const hash = hashToken(linkToken);
    const now = this.clock();
    return this.sqlite.transaction((): ExchangeResult => {
      const link = this.stmts.link.get(hash);
      if (link === undefined) return { ok: false, reason: 'unknown' };
      if (link.revoked_at !== null) return { ok: false, reason: 'revoked' };
      if (link.used_at !== null) return { ok: false, reason: 'used' };
      if (link.expires_at <= now) return { ok: false, reason: 'expired' };
      const driver = this.stmts.driver.get(link.driver_id);
      if (driver === undefined) return { ok: false, reason: 'no_driver' };
      if (this.stmts.useLink.run(now, hash).changes !== 1) return { ok: false, reason: 'used' };
      for (const d of this.stmts.liveDevices.all(driver.id)) this.endDevice(d.id, driver.id, now);
      const deviceId = randomUUID();
      const deviceToken = newToken();
      this.stmts.insertDevice.run(deviceId, hashToken(deviceToken), driver.id, link.created_by, now, userAgent.slice(0, 300));
      const bound = bindDevice(this.sqlite, WEB_DEVICE_PREFIX + deviceId, driver.id, `link:${link.created_by}`, now);
      if (!bound.ok) throw new Error(`could not bind the phone's GPS id: ${bound.message}`);
      return { ok: true, deviceToken, device: { deviceId, driverId: driver.id, driverName: driver.name } };
    })();
  }

  /** The phone behind a device token, or null (missing, unknown, revoked). */
  authenticate(token: string | null): DeviceIdentity | null {
    if (token === null || token.length === 0 || token.length > 256) return null;
    const row = this.stmts.byToken.get(hashToken(token));
    if (row === undefined) return null;
    const now = this.clock();
    // Last-seen is for the console's list; a minute's precision spares a write per request.
    if (row.last_seen_at === null || now - row.last_seen_at > 60_000) this.stmts.seen.run(now, row.id);
    return { deviceId: row.id, driverId: row.driver_id, driverName: row.name };
  }

  /** Ends one phone, or every phone and unused link of the driver. Returns how many phones ended. */
  revoke(driverId: string, deviceId?: string): number {
    const now = this.clock();
    return this.sqlite.transaction(() => {
      if (deviceId !== undefined) return this.endDevice(deviceId, driverId, now) ? 1 : 0;
      this.stmts.revokeLinks.run(now, driverId);
      let n = 0;
      for (const d of this.stmts.liveDevices.all(driverId)) if (this.endDevice(d.id, driverId, now)) n++;
      return n;
    })();
  }

  devices(driverId: string): DeviceView[] {
    return this.stmts.list.all(driverId);
  }

  private endDevice(deviceId: string, driverId: string, now: number): boolean {
    const ended = this.stmts.revokeDevice.run(now, deviceId, driverId).changes === 1;
    if (ended) this.stmts.unbind.run(WEB_DEVICE_PREFIX + deviceId);
    return ended;
  }
}
