// Synced rows between their app shape (drizzle's camelCase select shape) and SQLite, with
// prepared statements per table. Raw statements rather than drizzle queries: catch-up writes
// 100k rows and rebase reads and writes the same rows many times, so per-call cost matters.
import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { SYNCED_TABLES, SYNCED_TABLE_KEYS, type SyncedTableKey } from '../../shared/schema';

/** A synced row in its app shape. Typed rows (SyncedRow<K>) are cast at the MutatorTx edge. */
export type AppRow = Record<string, unknown>;

interface ColumnCodec {
  key: string;
  sqlName: string;
  kind: 'string' | 'number' | 'boolean' | 'json';
  notNull: boolean;
  enumValues: readonly string[] | undefined;
}

interface TableCodec {
  key: SyncedTableKey;
  columns: ColumnCodec[];
  /** Columns with a UNIQUE constraint other than `id` (orders.number). */
  uniqueColumns: ColumnCodec[];
}

function buildCodec(key: SyncedTableKey): TableCodec {
  const columns: ColumnCodec[] = [];
  const uniqueColumns: ColumnCodec[] = [];
  for (const [prop, col] of Object.entries(getTableColumns(SYNCED_TABLES[key]))) {
    const kind =
      col.dataType === 'boolean' ? 'boolean' : col.dataType === 'json' ? 'json' : col.dataType === 'number' ? 'number' : 'string';
    const enumValues = col.enumValues !== undefined && col.enumValues.length > 0 ? col.enumValues : undefined;
    const codec: ColumnCodec = { key: prop, sqlName: col.name, kind, notNull: col.notNull, enumValues };
    columns.push(codec);
    if (col.isUnique && !col.primary) uniqueColumns.push(codec);
  }
  return { key, columns, uniqueColumns };
}

const CODECS = new Map<SyncedTableKey, TableCodec>(SYNCED_TABLE_KEYS.map((k) => [k, buildCodec(k)]));

function codecOf(table: SyncedTableKey): TableCodec {
  const codec = CODECS.get(table);
  if (codec === undefined) throw new Error(`not a synced table: ${String(table)}`);
  return codec;
}

function toDriver(col: ColumnCodec, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (col.kind === 'boolean') return value ? 1 : 0;
  if (col.kind === 'json') return JSON.stringify(value);
  return value;
}

function fromDriver(col: ColumnCodec, value: unknown): unknown {
  if (value === null) return null;
  if (col.kind === 'boolean') return value === 1 || value === 1n;
  if (col.kind === 'json') return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return value;
}

/**
 * Checks a row that came over the network against the table's columns: a server row that
 * does not fit is refused before anything is written (and the frame is not applied).
 * Returns a message naming the first problem, or null.
 */
export function validateRow(table: SyncedTableKey, id: string, row: AppRow): string | null {
  if (row['id'] !== id) return `${table} row ${id}: "id" is ${JSON.stringify(row['id'])}`;
  for (const col of codecOf(table).columns) {
    const v = row[col.key];
    if (v === null || v === undefined) {
      if (col.notNull) return `${table} row ${id}: "${col.key}" is missing`;
      continue;
    }
    const ok =
      col.kind === 'json' ||
      (col.kind === 'string' && typeof v === 'string' && (col.enumValues === undefined || col.enumValues.includes(v))) ||
      (col.kind === 'number' && typeof v === 'number' && Number.isFinite(v)) ||
      (col.kind === 'boolean' && typeof v === 'boolean');
    if (!ok) return `${table} row ${id}: "${col.key}" has a bad value ${JSON.stringify(v)?.slice(0, 40)}`;
  }
  return null;
}

interface TableStatements {
  codec: TableCodec;
  select: Database.Statement;
  upsert: Database.Statement;
  remove: Database.Statement;
  /** `UPDATE ... SET` the given columns (by codec index) `WHERE id = ?`, cached per column set. */
  updateColumns(indexes: readonly number[]): Database.Statement;
  /** One per unique column: deletes other rows holding the value (see putConfirmed). */
  evictUnique: { col: ColumnCodec; select: Database.Statement; remove: Database.Statement }[];
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
    const cols = codec.columns.map((c) => `"${c.sqlName}"`);
    const updates = codec.columns.filter((c) => c.sqlName !== 'id').map((c) => `"${c.sqlName}" = excluded."${c.sqlName}"`);
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
      evictUnique: codec.uniqueColumns.map((col) => ({
        col,
        select: sqlite.prepare(`SELECT id FROM "${table}" WHERE "${col.sqlName}" = ? AND id <> ?`).pluck(true),
        remove: sqlite.prepare(`DELETE FROM "${table}" WHERE "${col.sqlName}" = ? AND id <> ?`),
      })),
    };
    statements.set(table, s);
    return s;
  };

  const driverValues = (s: TableStatements, row: AppRow): unknown[] => {
    const cols = s.codec.columns;
    const params = new Array<unknown>(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as ColumnCodec;
      const v = row[c.key];
      params[i] = v === undefined || v === null ? null : c.kind === 'boolean' || c.kind === 'json' ? toDriver(c, v) : v;
    }
    return params;
  };

  const put = (table: SyncedTableKey, row: AppRow): void => {
    const s = prepared(table);
    s.upsert.run(driverValues(s, row));
  };

  return {
    get(table, id) {
      const s = prepared(table);
      const raw = s.select.get(id) as unknown[] | undefined;
      if (raw === undefined) return undefined;
      const row: AppRow = {};
      s.codec.columns.forEach((c, i) => {
        row[c.key] = fromDriver(c, raw[i] ?? null);
      });
      return row;
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
        for (const u of s.evictUnique) {
          const value = toDriver(u.col, row[u.col.key]);
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
