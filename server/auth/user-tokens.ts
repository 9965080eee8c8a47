// Users and their API tokens. A token is 32 random bytes (base64url) shown once; the server
// keeps its SHA-256 only, so a copied database file does not hand out working tokens.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../shared/protocol';
import type { UserRow } from '../../shared/schema';
import type { UserRole } from '../../shared/domain/vocabulary';
import type { SyncEngine } from '../sync/sync-engine';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A user the directory cannot add or change as asked (a message fit to show the admin). */
export class UserDirectoryError extends Error {
  constructor(
    readonly field: 'warehouseId' | 'userId',
    message: string,
  ) {
    super(message);
    this.name = 'UserDirectoryError';
  }
}

export interface UserListing extends UserRow {
  activeTokens: number;
}

export class UserDirectory {
  private readonly byToken: Database.Statement<[string], { id: string; name: string; role: UserRole }>;
  private readonly insertToken: Database.Statement<[string, string, number]>;
  private readonly revokeTokens: Database.Statement<[number, string]>;
  private readonly tokenCounts: Database.Statement<[], { user_id: string; n: number }>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly engine: SyncEngine,
    private readonly clock: () => number,
  ) {
    this.byToken = sqlite.prepare(
      `SELECT u.id, u.name, u.role FROM user_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.active = 1`,
    );
    this.insertToken = sqlite.prepare('INSERT INTO user_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)');
    this.revokeTokens = sqlite.prepare('UPDATE user_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL');
    this.tokenCounts = sqlite.prepare('SELECT user_id, count(*) AS n FROM user_tokens WHERE revoked_at IS NULL GROUP BY user_id');
  }

  /** The user behind a bearer token, or null when it is missing, unknown or revoked. */
  authenticate(token: string | null | undefined): SessionUser | null {
    if (token === null || token === undefined || token.length === 0 || token.length > 256) return null;
    const row = this.byToken.get(hashToken(token));
    return row === undefined ? null : { id: row.id, name: row.name, role: row.role };
  }

  /** Creates a user (a synced row everyone sees on the timeline) and returns their first token. */
  addUser(input: { name: string; role: UserRole; warehouseId?: string | null }): { user: UserRow; token: string } {
    const warehouse = input.warehouseId ?? null;
    if (warehouse !== null && this.engine.newTx().get('warehouses', warehouse) === undefined) {
      throw new UserDirectoryError('warehouseId', `no warehouse "${warehouse.slice(0, 64)}"`);
    }
    const now = this.clock();
    const user: UserRow = {
      id: `u-${randomUUID()}`,
      name: input.name,
      role: input.role,
      warehouseId: input.warehouseId ?? null,
      active: true,
      updatedAt: now,
    };
    const token = newToken();
    this.engine.writeRows((tx) => {
      tx.put('users', user);
      this.insertToken.run(hashToken(token), user.id, now);
    });
    return { user, token };
  }

  /** A further token for an existing, active user (e.g. a second desk). */
  issueToken(userId: string): string {
    const user = this.engine.newTx().get('users', userId);
    if (user === undefined || !user.active) throw new UserDirectoryError('userId', `No active user ${userId.slice(0, 64)}`);
    const token = newToken();
    this.insertToken.run(hashToken(token), userId, this.clock());
    return token;
  }

  /** Revokes every token of the user and marks them inactive (their name stays on old events). */
  revokeUser(userId: string): boolean {
    const now = this.clock();
    let found = false;
    this.engine.writeRows((tx) => {
      const user = tx.get('users', userId);
      if (user === undefined) return;
      found = true;
      this.revokeTokens.run(now, userId);
      if (user.active) tx.put('users', { ...user, active: false, updatedAt: now });
    });
    return found;
  }

  list(): UserListing[] {
    const counts = new Map(this.tokenCounts.all().map((r) => [r.user_id, r.n]));
    const st = this.engine.tables.users;
    return this.sqlite
      .prepare<[], Record<string, unknown>>('SELECT * FROM users ORDER BY name')
      .all()
      .map((r) => {
        const u = st.codec.fromRecord(r) as UserRow;
        return { ...u, activeTokens: counts.get(u.id) ?? 0 };
      });
  }
}
