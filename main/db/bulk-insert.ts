// Fast row inserts for loads of many rows (demo data, benchmarks): one prepared INSERT per
// table built from its drizzle declaration, values converted by drizzle's own column mappers
// (booleans to 0/1, json to text), so a row in drizzle's insert shape goes in unchanged.
// Run it inside a transaction: outside one, every row is its own commit.
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, is, SQL, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

export interface BulkInserter<Row> {
  readonly table: string;
  insert(row: Row): void;
  /** Rows inserted so far. */
  readonly count: number;
}

const PASS_THROUGH: ReadonlySet<string> = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

function defaultFor(column: Column, table: string): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (is(column.default, SQL)) {
    throw new Error(`bulk insert: ${table}.${column.name} has an SQL default; give the value explicitly`);
  }
  return column.default ?? null;
}

export function bulkInserter<T extends SQLiteTable>(sqlite: Database.Database, table: T): BulkInserter<T['$inferInsert']> {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const sqlNames = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const stmt = sqlite.prepare(`INSERT INTO "${name}" (${sqlNames}) VALUES (${columns.map(() => '?').join(', ')})`);
  // Plain text and number columns store the value as is; calling drizzle's mapper for each of
  // millions of values doubled the load time, so only columns that convert use it.
  const converts = columns.map(([, c]) => !PASS_THROUGH.has(c.columnType));
  const values: unknown[] = new Array(columns.length);
  let count = 0;
  return {
    table: name,
    get count() {
      return count;
    },
    insert(row) {
      const record = row as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const [key, column] = columns[i] as [string, Column];
        let value = record[key];
        if (value === undefined) value = defaultFor(column, name);
        values[i] = value === null || value === undefined ? null : converts[i] ? column.mapToDriverValue(value) : value;
      }
      stmt.run(values);
      count++;
    },
  };
}

/**
 * Runs `load` with the non-unique indexes of `tables` dropped, then recreates them from their
 * stored definitions: building an index once over sorted keys is several times faster than
 * updating it row by row. Call inside a transaction so a failure restores them. Unique and
 * primary-key indexes stay (they enforce constraints, and triggers' upserts need them); so do
 * triggers, which must not read the loaded tables through the dropped indexes.
 */
export function withoutSecondaryIndexes(sqlite: Database.Database, tables: readonly string[], load: () => void): void {
  const placeholders = tables.map(() => '?').join(', ');
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${placeholders})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  load();
  for (const index of indexes) sqlite.exec(index.sql);
}
