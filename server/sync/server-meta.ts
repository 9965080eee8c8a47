// Small server facts kept in `server_meta`: the server id, the compaction point, the next
// order number. Read through prepared statements; writes join the caller's transaction.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

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
