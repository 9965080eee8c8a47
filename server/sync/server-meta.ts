// Small server facts kept in `server_meta`: the server id, the history epoch, the compaction point, the next
// order number. Read through prepared statements; writes join the caller's transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/** server_meta key of the history epoch (also written by the backup worker, in plain SQL). */
export const EPOCH_KEY = 'epoch';

export class ServerMetaStore {
  private readonly getStmt: Database.Statement<[string], { value: string }>;
  private readonly setStmt: Database.Statement<[string, string]>;

  constructor(sqlite: Database.Database) {
    this.getStmt = sqlite.prepare('SELECT value FROM server_meta WHERE key = ?');
    this.setStmt = sqlite.prepare(
      'INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }

  /**
   * Which history this database's seqs and mids count in. Minted on first start, and minted
   * again in every backup copy and by every restore (server/backup), so a desktop whose
   * cursor counts in another history is never continued from it (it gets a snapshot).
   */
  epoch(): string {
    let epoch = this.get(EPOCH_KEY);
    if (epoch === undefined) {
      epoch = randomUUID();
      this.set(EPOCH_KEY, epoch);
    }
    return epoch;
  }

  /** The server's identity, minted on first start and kept in the file. */
  serverId(): string {
    let id = this.get('server_id');
    if (id === undefined) {
      id = randomUUID();
      this.set('server_id', id);
    }
    return id;
  }
}
