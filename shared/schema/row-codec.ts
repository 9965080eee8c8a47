// Rows between their drizzle shape (camelCase, booleans, parsed JSON) and SQLite's (column
// names, 0/1, JSON text). Both the server and the replica write synced rows through hand-made
// prepared statements on hot paths (catch-up, push); this keeps the mapping in one place and
// takes it from the table declarations, so a new column can't be forgotten.
import { getTableColumns, type Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES } from './index';
import type { SyncedTableKey } from './synced-table-keys';

export type SqlValue = string | number | bigint | Uint8Array | null;

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
}

export function makeRowCodec(table: SyncedTableKey, drizzleTable: SQLiteTable): RowCodec {
  const entries = Object.entries(getTableColumns(drizzleTable)) as Array<[string, Column]>;
  const keys = entries.map(([k]) => k);
  const columns = entries.map(([, c]) => c.name);
  // Only boolean and JSON columns change representation; the rest pass through untouched.
  const mapped = entries.map(([, c]) => c.dataType === 'boolean' || c.dataType === 'json');
  const cols = entries.map(([, c]) => c);
  const defaults = entries.map(([, c]) => defaultOf(c));
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
      for (let i = 0; i < keys.length; i++) {
        const v = record[columns[i] as string];
        out[keys[i] as string] = v === null || v === undefined ? null : mapped[i] ? (cols[i] as Column).mapFromDriverValue(v) : v;
      }
      return out;
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
