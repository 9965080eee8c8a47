// Prepared statements for every synced table, built once per database from the row codecs:
// the hot paths (mutations, catch-up, broadcasts) skip query building entirely.
import type Database from 'better-sqlite3';
import { rowCodecs, type RowCodec } from '../../shared/schema/row-codec';
import type { SyncedTableKey } from '../../shared/schema';

export interface TableStatements {
  codec: RowCodec;
  getById: Database.Statement<[string], Record<string, unknown>>;
  /** Rows whose id is in a JSON array of ids. */
  getByIds: Database.Statement<[string], Record<string, unknown>>;
  upsert: Database.Statement<unknown[]>;
  deleteById: Database.Statement<[string]>;
  count: Database.Statement<[], { n: number }>;
  /**
   * `UPDATE ... SET` only the given columns (by codec index), `WHERE id = ?` last. Updating
   * just what changed keeps SQLite from rewriting every index of a wide row like orders.
   */
  updateColumns(indexes: readonly number[]): Database.Statement<unknown[]>;
}

export type AllTableStatements = Readonly<Record<SyncedTableKey, TableStatements>>;

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function prepareTableStatements(sqlite: Database.Database): AllTableStatements {
  const out = {} as Record<SyncedTableKey, TableStatements>;
  for (const codec of Object.values(rowCodecs())) {
    const t = q(codec.sqlName);
    const cols = codec.columns.map(q);
    const updates = cols.filter((c) => c !== '"id"').map((c) => `${c} = excluded.${c}`);
    const updateCache = new Map<string, Database.Statement<unknown[]>>();
    out[codec.table] = {
      codec,
      updateColumns(indexes) {
        const key = indexes.join(',');
        let st = updateCache.get(key);
        if (st === undefined) {
          st = sqlite.prepare(`UPDATE ${t} SET ${indexes.map((i) => `${cols[i]} = ?`).join(', ')} WHERE id = ?`);
          updateCache.set(key, st);
        }
        return st;
      },
      getById: sqlite.prepare(`SELECT * FROM ${t} WHERE id = ?`),
      getByIds: sqlite.prepare(`SELECT * FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`),
      upsert: sqlite.prepare(
        `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`,
      ),
      deleteById: sqlite.prepare(`DELETE FROM ${t} WHERE id = ?`),
      count: sqlite.prepare(`SELECT count(*) AS n FROM ${t}`),
    };
  }
  return out;
}
