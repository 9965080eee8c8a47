// The server's MutatorTx: reads and writes synced tables through prepared statements and
// records every write in the change log, inside the caller's transaction.
import type Database from 'better-sqlite3';
import type { MutatorTx } from '../../shared/mutators';
import type { OrderRow, SyncedRow, SyncedTableKey } from '../../shared/schema';
import type { ChangeLog } from './change-log';
import type { ServerMetaStore } from './server-meta';

/** Order numbers people read out: MR-100001 (the demo data uses the same form). */
export const ORDER_NUMBER_PREFIX = 'MR-';
const FIRST_ORDER_NUMBER = 100_001;
import type { AllTableStatements } from './table-statements';

/** Statements the tx needs beyond the per-table ones; prepared once per database. */
export interface OrderLookups {
  byNumber: Database.Statement<[string], Record<string, unknown>>;
  byExternal: Database.Statement<[string, string], Record<string, unknown>>;
  maxNumber: Database.Statement<[], { n: number | null }>;
}

export function prepareOrderLookups(sqlite: Database.Database): OrderLookups {
  return {
    byNumber: sqlite.prepare('SELECT * FROM orders WHERE number = ?'),
    byExternal: sqlite.prepare('SELECT * FROM orders WHERE external_source = ? AND external_id = ?'),
    maxNumber: sqlite.prepare(
      `SELECT max(CAST(substr(number, ${ORDER_NUMBER_PREFIX.length + 1}) AS INTEGER)) AS n FROM orders WHERE number LIKE '${ORDER_NUMBER_PREFIX}%'`,
    ),
  };
}

export class ServerMutatorTx implements MutatorTx {
  /** Rows this tx wrote, in order (for counters and tests). */
  readonly written: Array<{ table: SyncedTableKey; id: string }> = [];
  /** Raw column values of rows read or written in this tx, to diff the next put against. */
  private readonly seen = new Map<string, unknown[]>();

  constructor(
    private readonly tables: AllTableStatements,
    private readonly lookups: OrderLookups,
    private readonly log: ChangeLog,
    private readonly meta: ServerMetaStore,
  ) {}
  get<K extends SyncedTableKey>(table: K, id: string): SyncedRow<K> | undefined {
    const st = this.tables[table];
    const record = st.getById.get(id);
    if (record === undefined) return undefined;
    this.seen.set(`${table}\u0000${id}`, st.codec.columns.map((c) => record[c]));
    return st.codec.fromRecord(record) as SyncedRow<K>;
  }

  put<K extends SyncedTableKey>(table: K, row: SyncedRow<K>): void {
    const st = this.tables[table];
    const values = st.codec.toValues(row as Record<string, unknown>);
    const key = `${table}\u0000${row.id}`;
    const before = this.seen.get(key);
    if (before === undefined) {
      st.upsert.run(...values);
    } else {
      // The row was read in this tx: write only the columns that changed (or nothing).
      const changed: number[] = [];
      for (let i = 0; i < values.length; i++) if (values[i] !== before[i]) changed.push(i);
      if (changed.length === 0) return;
      st.updateColumns(changed).run(...changed.map((i) => values[i]), row.id);
    }
    this.seen.set(key, values);
    this.log.recordChange(table, row.id);
    this.written.push({ table, id: row.id });
  }

  delete(table: SyncedTableKey, id: string): void {
    const info = this.tables[table].deleteById.run(id);
    this.seen.delete(`${table}\u0000${id}`);
    if (info.changes > 0) {
      this.log.recordChange(table, id);
      this.written.push({ table, id });
    }
  }

  findOrderByNumber(number: string): OrderRow | undefined {
    const record = this.lookups.byNumber.get(number);
    return record === undefined ? undefined : (this.tables.orders.codec.fromRecord(record) as OrderRow);
  }

  findOrderByExternalId(source: string, externalId: string): OrderRow | undefined {
    const record = this.lookups.byExternal.get(source, externalId);
    return record === undefined ? undefined : (this.tables.orders.codec.fromRecord(record) as OrderRow);
  }

  /** MR-100001, MR-100002...: a counter in server_meta, seeded once from the largest number in use. */
  allocateOrderNumber(): string {
    const stored = this.meta.get('next_order_number');
    let next = stored === undefined ? Math.max(FIRST_ORDER_NUMBER, (this.lookups.maxNumber.get()?.n ?? 0) + 1) : Number(stored);
    while (this.lookups.byNumber.get(`${ORDER_NUMBER_PREFIX}${next}`) !== undefined) next++;
    this.meta.set('next_order_number', String(next + 1));
    return `${ORDER_NUMBER_PREFIX}${next}`;
  }
}
