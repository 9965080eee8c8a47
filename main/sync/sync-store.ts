// The sync client's context object over one replica connection: every store the outbox and
// rebase code needs, created once and passed explicitly (no module-level sync state).
import type Database from 'better-sqlite3';
import { actorForRole, type MutationActor } from '../../shared/mutators';
import type { SessionUser } from '../../shared/protocol';
import { createConflictStore, type ConflictStore } from './conflicts-store';
import type { Footprint } from './footprints';
import { startLineageSession } from './lineage';
import { createOutboxStore, type OutboxStore } from './outbox-store';
import { createMetaStore, type MetaStore } from './replica-meta';
import { createRowStore, type RowStore } from './row-store';
import { createShadowStore, ensureSyncTables, type ShadowStore } from './shadow';

export interface SyncStore {
  sqlite: Database.Database;
  rows: RowStore;
  shadow: ShadowStore;
  meta: MetaStore;
  outbox: OutboxStore;
  conflicts: ConflictStore;
  /**
   * Footprint of each pending mutation (by local mid) from its latest local run; null when
   * unknown (pending rows from before this start-up): the next rebase then re-runs them all.
   */
  footprints: Map<number, Footprint> | null;
  findOrderIdByNumber(number: string): string | undefined;
  findOrderIdByExternalId(source: string, externalId: string): string | undefined;
  /** Remembers that a snapshot in progress delivered this row (see apply-frames.ts). */
  markSnapshotSeen(table: string, id: string): void;
  /** Runs `fn` in one transaction whose commit is fsynced (synchronous=FULL): start-up writes. */
  durableTransaction<T>(fn: () => T): T;
  /**
   * Runs a user's edit (replica + outbox) in one ordinary transaction, committed at once but
   * not yet fsynced: nobody may be told of it (UI, server) before flushDurable() has run.
   */
  editTransaction<T>(fn: () => T): T;
  /** True when an edit committed since the last flushDurable(). */
  readonly flushPending: boolean;
  /**
   * One fsynced commit that makes every earlier edit durable (group commit): in WAL mode a
   * synchronous=FULL commit syncs the whole log, so the edits before it are on disk with it.
   */
  flushDurable(): void;
  /** Outbox rows up to this local mid are on disk; only they may be sent. */
  readonly durableThrough: number;
  /** Runs `fn` in one ordinary transaction (server frames: losing the last one only means re-fetching it). */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` in a savepoint inside the current transaction; a throw undoes only its writes. */
  savepoint<T>(fn: () => T): T;
}

export interface OpenSyncStoreOptions {
  mintClientId: () => string;
}

/** Prepares the sync tables and starts a client identity session (see lineage.ts). */
export function openSyncStore(sqlite: Database.Database, options: OpenSyncStoreOptions): SyncStore {
  ensureSyncTables(sqlite);
  const rows = createRowStore(sqlite);
  const meta = createMetaStore(sqlite);
  const outbox = createOutboxStore(sqlite);
  const byNumber = sqlite.prepare('SELECT id FROM orders WHERE number = ?').pluck(true);
  const byExternal = sqlite.prepare('SELECT id FROM orders WHERE external_source = ? AND external_id = ?').pluck(true);
  const seen = sqlite.prepare('INSERT OR IGNORE INTO temp.sync_snapshot_seen (tbl, id) VALUES (?, ?)');
  const syncFull = sqlite.prepare('PRAGMA synchronous = FULL');
  const syncNormal = sqlite.prepare('PRAGMA synchronous = NORMAL');
  const conflicts = createConflictStore(sqlite);
  const markFlush = sqlite.prepare(
    "INSERT INTO replica_meta (key, value) VALUES ('durableFlush', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  let flushPending = false;
  let flushes = 0;
  // What is in the file at open is as durable as it will get.
  let durableThrough = 0;
  // A throw rolls the transaction (or savepoint) back: what the stores remember may be undone.
  const undoable = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      meta.forget();
      outbox.forget();
      conflicts.forget();
      throw e;
    }
  };
  const store: SyncStore = {
    sqlite,
    rows,
    shadow: createShadowStore(sqlite, rows),
    meta,
    outbox,
    conflicts,
    footprints: outbox.count() === 0 ? new Map() : null,
    findOrderIdByNumber: (n) => byNumber.get(n) as string | undefined,
    findOrderIdByExternalId: (source, id) => byExternal.get(source, id) as string | undefined,
    markSnapshotSeen: (t, id) => void seen.run(t, id),
    durableTransaction(fn) {
      // The pragma cannot change inside a transaction, so it wraps it.
      syncFull.run();
      try {
        return undoable(() => sqlite.transaction(fn).immediate());
      } finally {
        syncNormal.run();
      }
    },
    editTransaction(fn) {
      const out = undoable(() => sqlite.transaction(fn).immediate());
      flushPending = true;
      return out;
    },
    get flushPending() {
      return flushPending;
    },
    flushDurable() {
      if (!flushPending) return;
      const through = meta.nextLocalMid() - 1;
      syncFull.run();
      try {
        sqlite.transaction(() => markFlush.run(String(++flushes))).immediate();
      } finally {
        syncNormal.run();
      }
      flushPending = false;
      durableThrough = through;
    },
    get durableThrough() {
      return durableThrough;
    },
    transaction(fn) {
      return undoable(() => sqlite.transaction(fn).immediate());
    },
    savepoint(fn) {
      // better-sqlite3 turns a nested transaction() call into a SAVEPOINT.
      return undoable(() => sqlite.transaction(fn)());
    },
  };
  store.durableTransaction(() => startLineageSession(meta, outbox, options.mintClientId));
  durableThrough = meta.nextLocalMid() - 1;
  return store;
}

export function actorOf(user: SessionUser): MutationActor {
  return { id: user.id, name: user.name, actor: actorForRole(user.role), role: user.role };
}
