// Exactly once for the phone's queue: each write carries an Idempotency-Key, and its answer is
// stored in the same transaction as its effect. A resend (the answer was lost in a dead zone)
// gets the stored answer and changes nothing.
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
    this.get = sqlite.prepare('SELECT status, body FROM driver_requests WHERE device_id = ? AND key = ?');
    this.put = sqlite.prepare('INSERT INTO driver_requests (device_id, key, status, body, at) VALUES (?, ?, ?, ?, ?)');
  }

  find(deviceId: string, key: string): StoredAnswer | undefined {
    const row = this.get.get(deviceId, key);
    return row === undefined ? undefined : { status: row.status, body: JSON.parse(row.body) as Record<string, unknown> };
  }

  record(deviceId: string, key: string, answer: StoredAnswer, now: number): void {
    this.put.run(deviceId, key, answer.status, JSON.stringify(answer.body), now);
  }
}
