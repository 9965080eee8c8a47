// Synced rows of the replica, read and written with prepared statements per table. Raw
// statements rather than drizzle queries: catch-up writes 100k rows and rebase reads and
// writes the same rows many times, so per-call cost matters. The mapping between a row and
// SQLite is the shared codec's (shared/schema/row-codec.ts), the same one the server uses.
import type Database from 'better-sqlite3';
import type { SyncedTableKey } from '../../shared/schema';
import { rowCodecs, type ColumnInfo, type RowCodec } from '../../shared/schema/row-codec';

/** A synced row in its app shape. Typed rows (SyncedRow<K>) are cast at the MutatorTx edge. */
export type AppRow = Record<string, unknown>;

function codecOf(table: SyncedTableKey): RowCodec {
  const codec = (rowCodecs() as Partial<Record<string, RowCodec>>)[table];
  if (codec === undefined) throw new Error(`not a synced table: ${String(table)}`);
  return codec;
}

/** Checks a row that came over the network (see RowCodec.validate). */
export function validateRow(table: SyncedTableKey, id: string, row: AppRow): string | null {
  return codecOf(table).validate(id, row);
}

interface TableStatements {
  codec: RowCodec;
  select: Database.Statement;
  upsert: Database.Statement;
  remove: Database.Statement;
  /** `UPDATE ... SET` the given columns (by codec index) `WHERE id = ?`, cached per column set. */
  updateColumns(indexes: readonly number[]): Database.Statement;
  /** One per unique column: deletes other rows holding the value (see putConfirmed). */
  evictUnique: { index: number; select: Database.Statement; remove: Database.Statement }[];
}

/** Reads and writes synced rows on one connection. Create once per replica and keep. */
export interface RowStore {
  get(table: SyncedTableKey, id: string): AppRow | undefined;
  put(table: SyncedTableKey, row: AppRow): void;
  /** The row's column values as stored (JSON as text): a copy later edits of `row` cannot touch. */
  storedValues(table: SyncedTableKey, row: AppRow): readonly unknown[];
  /**
   * Writes `row` over the row whose stored values are `before` (storedValues, read in this
   * transaction), setting only the columns that differ. A whole-row upsert rewrites every index
   * entry of a wide row (orders has seven indexes): an assignment dirtied ~19 pages per
   * fsynced commit.
   */
  update(table: SyncedTableKey, row: AppRow, before: readonly unknown[]): void;
  delete(table: SyncedTableKey, id: string): boolean;
  /**
   * Writes a server row. A unique value (orders.number) can be held for a moment by another
   * row that the same catch-up is about to change (the log keeps only each row's latest
   * state), so that other row is removed; its own newer state follows in the catch-up.
   * Returns the ids it removed that way.
   */
  putConfirmed(table: SyncedTableKey, row: AppRow): string[];
  /** Ids of all rows of a table (for snapshots). */
  allIds(table: SyncedTableKey): string[];
  hasRows(table: SyncedTableKey): boolean;
}

export function createRowStore(sqlite: Database.Database): RowStore {
  const statements = new Map<SyncedTableKey, TableStatements>();
  const prepared = (table: SyncedTableKey): TableStatements => {
    let s = statements.get(table);
    if (s !== undefined) return s;
    const codec = codecOf(table);
    const cols = codec.columns.map((c) => `"${c}"`);
    const updates = codec.columns.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`);
    const updateCache = new Map<string, Database.Statement>();
    s = {
      codec,
      updateColumns(indexes) {
        const key = indexes.join(',');
        let st = updateCache.get(key);
        if (st === undefined) {
          st = sqlite.prepare(`UPDATE "${table}" SET ${indexes.map((i) => `${cols[i]} = ?`).join(', ')} WHERE id = ?`);
          updateCache.set(key, st);
        }
        return st;
      },
      select: sqlite.prepare(`SELECT ${cols.join(', ')} FROM "${table}" WHERE id = ?`).raw(true),
      upsert: sqlite.prepare(
        `INSERT INTO "${table}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
          `ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
      ),
      remove: sqlite.prepare(`DELETE FROM "${table}" WHERE id = ?`),
      evictUnique: codec.info.flatMap((col: ColumnInfo, index) =>
        col.unique
          ? [
              {
                index,
                select: sqlite.prepare(`SELECT id FROM "${table}" WHERE "${col.sqlName}" = ? AND id <> ?`).pluck(true),
                remove: sqlite.prepare(`DELETE FROM "${table}" WHERE "${col.sqlName}" = ? AND id <> ?`),
              },
            ]
          : [],
      ),
    };
    statements.set(table, s);
    return s;
  };

  const driverValues = (s: TableStatements, row: AppRow): unknown[] => s.codec.toValues(row);

  const put = (table: SyncedTableKey, row: AppRow): void => {
    const s = prepared(table);
    s.upsert.run(driverValues(s, row));
  };

  return {
    get(table, id) {
      const s = prepared(table);
      const raw = s.select.get(id) as unknown[] | undefined;
      return raw === undefined ? undefined : s.codec.fromValues(raw);
    },
    put,
    storedValues: (table, row) => driverValues(prepared(table), row),
    update(table, row, before) {
      const s = prepared(table);
      const next = driverValues(s, row);
      const changed: number[] = [];
      for (let i = 0; i < next.length; i++) if (next[i] !== before[i]) changed.push(i);
      if (changed.length === 0) return;
      s.updateColumns(changed).run(...changed.map((i) => next[i]), row['id']);
    },
    delete(table, id) {
      return prepared(table).remove.run(id).changes > 0;
    },
    putConfirmed(table, row) {
      try {
        put(table, row);
        return [];
      } catch (e) {
        const s = prepared(table);
        if (!(e instanceof Error) || !('code' in e) || e.code !== 'SQLITE_CONSTRAINT_UNIQUE' || s.evictUnique.length === 0) {
          throw e;
        }
        const evicted: string[] = [];
        const values = driverValues(s, row);
        for (const u of s.evictUnique) {
          const value = values[u.index];
          evicted.push(...(u.select.all(value, row['id']) as string[]));
          u.remove.run(value, row['id']);
        }
        put(table, row);
        return evicted;
      }
    },
    allIds(table) {
      return sqlite.prepare(`SELECT id FROM "${table}"`).pluck(true).all() as string[];
    },
    hasRows(table) {
      return sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined;
    },
  };
}
