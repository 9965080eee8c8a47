// Opens the desktop replica: one SQLite file holding the synced tables, the sync bookkeeping
// and the search indexes. Migrations run here, at start-up, before anyone reads.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { phoneIndexText } from '../../shared/domain/phone-search';
import * as sharedSchema from '../../shared/schema';
import * as localSchema from './local-schema';

export const replicaSchema = { ...sharedSchema, ...localSchema };
export type ReplicaSchema = typeof replicaSchema;
export type ReplicaDb = BetterSQLite3Database<ReplicaSchema>;

/** The drizzle methods that only read. Query modules take this, so they cannot write. */
export type ReadonlyReplicaDb = Pick<ReplicaDb, 'select' | 'selectDistinct' | 'query' | '$count' | '$with'>;

/**
 * What a query module may use. Writers take `Replica`; a function that takes this type can
 * only read (better-sqlite3 itself refuses to prepare a writing statement through `prepareRead`).
 */
export interface ReadonlyReplica {
  readonly db: ReadonlyReplicaDb;
  /** Prepares (and caches) a statement that must not write; throws if it would. */
  prepareRead(sql: string): Database.Statement;
}

export interface Replica extends ReadonlyReplica {
  readonly file: string;
  /** The raw connection, for writers that need prepared statements or transactions. */
  readonly sqlite: Database.Database;
  readonly db: ReplicaDb;
  /** Runs `PRAGMA optimize` and closes; the object is unusable afterwards. */
  close(): void;
}

export interface OpenReplicaOptions {
  /**
   * Where the drizzle migrations are. Defaults to ./migrations beside this file, which is
   * right under tsx and vitest; a bundled build must copy that folder and pass its path.
   */
  migrationsFolder?: string;
  /** Open an existing file without creating it (e.g. tools that inspect a replica). */
  fileMustExist?: boolean;
}

export const DEFAULT_MIGRATIONS_FOLDER = path.join(__dirname, 'migrations');

/** Opens (creating if needed) and migrates the replica file. Throws if it cannot be migrated. */
export function openReplica(file: string, options: OpenReplicaOptions = {}): Replica {
  const sqlite = new Database(file, { fileMustExist: options.fileMustExist ?? false });
  try {
    applyConnectionSettings(sqlite);
    const db = drizzle(sqlite, { schema: replicaSchema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER });
    return makeReplica(file, sqlite, db);
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

function applyConnectionSettings(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across app crashes in WAL mode; the sync client's group commit makes a
  // user's edits durable with one synchronous=FULL commit before anyone is told of them
  // (main/sync/group-commit.ts).
  sqlite.pragma('synchronous = NORMAL');
  // The schema declares no foreign keys (rows arrive from the server in any order), but
  // local-only tables may; keep SQLite checking whatever is declared.
  sqlite.pragma('foreign_keys = ON');
  // INSERT OR REPLACE must fire the delete triggers, or the FTS index keeps stale entries.
  sqlite.pragma('recursive_triggers = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB page cache: 100k orders plus the carrier base stay mostly in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // The sync client checkpoints after its group commits and server frames, at most once a
  // second and off the edit's path (each checkpoint costs two fsyncs; at 100 pages they were a third of an edit's
  // fsyncs). SQLite's own checkpoint at 1,000 pages is the backstop for big catch-ups.
  sqlite.pragma('wal_autocheckpoint = 1000');
  // The full-text triggers index phones through the one shared rule (migration 0011); every
  // connection that writes orders or carriers must have it, so it is registered with the
  // settings, before the migrations run.
  sqlite.function(PHONE_INDEX_SQL_FUNCTION, { deterministic: true }, (phone: unknown) => phoneIndexText(typeof phone === 'string' ? phone : ''));
}

/** The SQL name of shared/domain/phone-search.ts phoneIndexText, as the index triggers call it. */
export const PHONE_INDEX_SQL_FUNCTION = 'marshrut_phone_index_text';

function makeReplica(file: string, sqlite: Database.Database, db: ReplicaDb): Replica {
  const readStatements = new Map<string, Database.Statement>();
  let open = true;
  return {
    file,
    sqlite,
    db,
    prepareRead(sql: string): Database.Statement {
      let stmt = readStatements.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (!stmt.readonly) {
          throw new Error(`prepareRead: statement would write: ${sql.slice(0, 80)}`);
        }
        readStatements.set(sql, stmt);
      }
      return stmt;
    },
    close(): void {
      if (!open) return;
      open = false;
      readStatements.clear();
      try {
        sqlite.pragma('optimize');
      } finally {
        sqlite.close();
      }
    },
  };
}
