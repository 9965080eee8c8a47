// Exactly once for the phone's queue: each write carries an Idempotency-Key, and its answer is
// stored in the same transaction as its effect. A resend (the answer was lost in a dead zone)
// gets the stored answer and changes nothing. A key is looked up across every phone the driver
// ever signed in with: after a re-sign-in the phone resends its queue under the new device, and
// what the old device already delivered must not happen twice. Keys are 144-bit random, so
// another driver's key never collides; each driver's scope is their own.
import type Database from 'better-sqlite3';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,80}$/;

export interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class DriverRequests {
  private readonly get: Database.Statement<[string, string], { status: number; body: string }>;
  private readonly put: Database.Statement<[string, string, number, string, number]>;

  constructor(sqlite: Database.Database) {
    // Per device through the primary key (device_id, key): a driver has a handful of devices.
    this.get = sqlite.prepare('SELECT status, body FROM driver_requests WHERE key = ? AND device_id IN (SELECT id FROM driver_devices WHERE driver_id = ?) LIMIT 1');
    this.put = sqlite.prepare('INSERT INTO driver_requests (device_id, key, status, body, at) VALUES (?, ?, ?, ?, ?)');
  }

  /** The answer stored for `key` by any of the driver's phones. */
  find(driverId: string, key: string): StoredAnswer | undefined {
    const row = this.get.get(key, driverId);
    return row === undefined ? undefined : { status: row.status, body: JSON.parse(row.body) as Record<string, unknown> };
  }

  record(deviceId: string, key: string, answer: StoredAnswer, now: number): void {
    this.put.run(deviceId, key, answer.status, JSON.stringify(answer.body), now);
  }
}
