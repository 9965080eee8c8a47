// Rows between their drizzle shape (camelCase, booleans, parsed JSON) and SQLite's (column
// names, 0/1, JSON text). The server (server/sync/table-statements.ts) and the replica
// (main/sync/row-store.ts) both write synced rows through hand-made prepared statements on hot
// paths (catch-up, push, rebase) and both go through this one codec, taken from the table
// declarations, so a new column can't be forgotten and the two sides can't drift apart.
import { getTableColumns, type Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES } from './index';
import type { SyncedTableKey } from './synced-table-keys';

export type SqlValue = string | number | bigint | Uint8Array | null;

/** What a column holds, for checking rows that came over the network. */
export interface ColumnInfo {
  key: string;
  sqlName: string;
  kind: 'string' | 'number' | 'boolean' | 'json';
  notNull: boolean;
  enumValues: readonly string[] | undefined;
  /** A UNIQUE column other than the primary key (orders.number). */
  unique: boolean;
}

export interface RowCodec {
  table: SyncedTableKey;
  /** The SQL table name (same as the key today; kept apart on purpose). */
  sqlName: string;
  /** Property names, in column order. */
  keys: readonly string[];
  /** SQL column names, in the same order. */
  columns: readonly string[];
  /**
   * A row object -> positional values for `INSERT (columns) VALUES (?, ...)`. A missing
   * (undefined) property takes the column's declared default, so insert-shaped rows work too.
   */
  toValues(row: Record<string, unknown>): SqlValue[];
  /** A raw SQLite record (column names) -> the drizzle-shaped row. */
  fromRecord(record: Record<string, unknown>): Record<string, unknown>;
  /** Positional values (a `.raw()` statement's row, in column order) -> the drizzle-shaped row. */
  fromValues(values: readonly unknown[]): Record<string, unknown>;
  /** The columns, in order. */
  info: readonly ColumnInfo[];
  /**
   * Checks a row that came over the network against the table's columns, so a row that does
   * not fit is refused before anything is written. A message naming the first problem, or null.
   */
  validate(id: string, row: Record<string, unknown>): string | null;
}

export function makeRowCodec(table: SyncedTableKey, drizzleTable: SQLiteTable): RowCodec {
  const entries = Object.entries(getTableColumns(drizzleTable)) as Array<[string, Column]>;
  const keys = entries.map(([k]) => k);
  const columns = entries.map(([, c]) => c.name);
  // Only boolean and JSON columns change representation; the rest pass through untouched.
  const mapped = entries.map(([, c]) => c.dataType === 'boolean' || c.dataType === 'json');
  const cols = entries.map(([, c]) => c);
  const defaults = entries.map(([, c]) => defaultOf(c));
  const info: ColumnInfo[] = entries.map(([key, c]) => ({
    key,
    sqlName: c.name,
    kind: c.dataType === 'boolean' ? 'boolean' : c.dataType === 'json' ? 'json' : c.dataType === 'number' ? 'number' : 'string',
    notNull: c.notNull,
    enumValues: c.enumValues !== undefined && c.enumValues.length > 0 ? c.enumValues : undefined,
    unique: c.isUnique && !c.primary,
  }));
  const fromValue = (i: number, v: unknown): unknown => (v === null || v === undefined ? null : mapped[i] ? (cols[i] as Column).mapFromDriverValue(v) : v);
  return {
    table,
    sqlName: getTableConfig(drizzleTable).name,
    keys,
    columns,
    toValues(row) {
      const out: SqlValue[] = new Array<SqlValue>(keys.length);
      for (let i = 0; i < keys.length; i++) {
        let v = row[keys[i] as string];
        if (v === undefined) v = (defaults[i] as () => unknown)();
        out[i] = v === undefined || v === null ? null : mapped[i] ? ((cols[i] as Column).mapToDriverValue(v) as SqlValue) : (v as SqlValue);
      }
      return out;
    },
    fromRecord(record) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[keys[i] as string] = fromValue(i, record[columns[i] as string]);
      return out;
    },
    fromValues(values) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[keys[i] as string] = fromValue(i, values[i]);
      return out;
    },
    info,
    validate(id, row) {
      if (row['id'] !== id) return `${table} row ${id}: "id" is ${JSON.stringify(row['id'])}`;
      for (const col of info) {
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
    },
  };
}

/** The column's default as a thunk (static `.default(x)` or `$defaultFn`); undefined when none. */
function defaultOf(c: Column): () => unknown {
  if (c.defaultFn !== undefined) return c.defaultFn;
  const value: unknown = c.default;
  return () => value;
}

let codecs: Readonly<Record<SyncedTableKey, RowCodec>> | undefined;

/** One codec per synced table (built on first use). */
export function rowCodecs(): Readonly<Record<SyncedTableKey, RowCodec>> {
  if (codecs === undefined) {
    const built = {} as Record<SyncedTableKey, RowCodec>;
    for (const [key, t] of Object.entries(SYNCED_TABLES) as Array<[SyncedTableKey, SQLiteTable]>) {
      built[key] = makeRowCodec(key, t);
    }
    codecs = built;
  }
  return codecs;
}
