// The confirmed layer under the optimistic one. The synced tables hold what the user sees:
// server-confirmed rows with pending mutations applied on top. Before a pending mutation
// first touches a row, the row's confirmed state is copied here (or "absent"), so a rebase
// can restore exactly the server's state, apply a frame, and re-run what is still pending.
// Invariant: a row has a shadow entry iff some pending mutation wrote it since the last rebase.
import type Database from 'better-sqlite3';
import { SYNCED_TABLE_KEYS, type SyncedTableKey } from '../../shared/schema';
import type { ChangeSet } from './change-set';
import type { AppRow, RowStore } from './row-store';

/**
 * The one sync table that is not in the replica's migrations (`sync_shadow` is, 0006):
 * `temp.sync_snapshot_seen` lives for one connection only, like the snapshot it tracks.
 */
export function ensureSyncTables(sqlite: Database.Database): void {
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS sync_snapshot_seen (
      tbl TEXT NOT NULL,
      id TEXT NOT NULL,
      PRIMARY KEY (tbl, id)
    ) WITHOUT ROWID;
  `);
}

export interface ShadowStore {
  /** Records the row's confirmed state unless already recorded. Call before every optimistic write. */
  remember(table: SyncedTableKey, id: string): void;
  /** Puts every shadowed row back to its confirmed state and forgets the shadows. */
  restoreAll(changes: ChangeSet): void;
  /** The same for the rows named by `keys` (rowKey strings) only. */
  restoreKeys(keys: Iterable<string>, changes: ChangeSet): void;
  /** Keeps a shadowed confirmed row in step with a write that bypasses the change log (positions). */
  patchConfirmed(table: SyncedTableKey, id: string, patch: AppRow): void;
  count(): number;
}

interface ShadowEntry {
  tbl: string;
  id: string;
  row: string | null;
}

const isTable = (t: string): t is SyncedTableKey => (SYNCED_TABLE_KEYS as readonly string[]).includes(t);

export function createShadowStore(sqlite: Database.Database, rows: RowStore): ShadowStore {
  const has = sqlite.prepare('SELECT 1 FROM sync_shadow WHERE tbl = ? AND id = ?').pluck(true);
  const insert = sqlite.prepare('INSERT INTO sync_shadow (tbl, id, row) VALUES (?, ?, ?)');
  const all = sqlite.prepare('SELECT tbl, id, row FROM sync_shadow');
  const getOne = sqlite.prepare('SELECT row FROM sync_shadow WHERE tbl = ? AND id = ?').pluck(true);
  const update = sqlite.prepare('UPDATE sync_shadow SET row = ? WHERE tbl = ? AND id = ?');
  const clear = sqlite.prepare('DELETE FROM sync_shadow');
  const countStmt = sqlite.prepare('SELECT count(*) FROM sync_shadow').pluck(true);
  const remove = sqlite.prepare('DELETE FROM sync_shadow WHERE tbl = ? AND id = ?');

  const restore = (entries: ShadowEntry[], changes: ChangeSet): void => {
    // Deletions first: a restored row may take back a unique value (orders.number) that an
    // optimistic row holds.
    const ordered = [...entries.filter((e) => e.row === null), ...entries.filter((e) => e.row !== null)];
    for (const e of ordered) {
      if (!isTable(e.tbl)) throw new Error(`sync_shadow holds an unknown table ${e.tbl}`);
      if (e.row === null) rows.delete(e.tbl, e.id);
      else rows.put(e.tbl, JSON.parse(e.row) as AppRow);
      changes.add(e.tbl, e.id);
    }
  };

  return {
    remember(table, id) {
      if (has.get(table, id) !== undefined) return;
      const row = rows.get(table, id);
      insert.run(table, id, row === undefined ? null : JSON.stringify(row));
    },
    restoreAll(changes) {
      const entries = all.all() as ShadowEntry[];
      if (entries.length === 0) return;
      restore(entries, changes);
      clear.run();
    },
    restoreKeys(keys, changes) {
      const entries: ShadowEntry[] = [];
      for (const key of keys) {
        const [tbl, id] = key.split('\u0000') as [string, string];
        const text = getOne.get(tbl, id) as string | null | undefined;
        if (text !== undefined) entries.push({ tbl, id, row: text });
      }
      restore(entries, changes);
      for (const e of entries) remove.run(e.tbl, e.id);
    },
    patchConfirmed(table, id, patch) {
      const text = getOne.get(table, id) as string | null | undefined;
      if (text === undefined || text === null) return;
      update.run(JSON.stringify({ ...(JSON.parse(text) as AppRow), ...patch }), table, id);
    },
    count() {
      return countStmt.get() as number;
    },
  };
}
