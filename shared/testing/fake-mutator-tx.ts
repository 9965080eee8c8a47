// An in-memory MutatorTx for tests (both sides' unit tests may use it). Snapshots let a test
// (or a runner) roll a rejected mutation back, as a real savepoint would.
import type { OrderRow, SyncedRow, SyncedTableKey } from '../schema';
import type { MutatorTx } from '../mutators/mutator-tx';

type AnyRow = { id: string };

export class FakeMutatorTx implements MutatorTx {
  private tables = new Map<SyncedTableKey, Map<string, AnyRow>>();
  private nextNumber = 1000;
  /** A mid counter for callers that mint ids per mutation. */
  lastMid = 0;
  /** Every put/delete in order, for assertions. */
  readonly writes: Array<{ table: SyncedTableKey; id: string; deleted: boolean }> = [];

  get<K extends SyncedTableKey>(table: K, id: string): SyncedRow<K> | undefined {
    const row = this.tables.get(table)?.get(id);
    // Rows are stored as put; copies keep a mutator from editing stored state in place.
    return row === undefined ? undefined : ({ ...row } as SyncedRow<K>);
  }

  put<K extends SyncedTableKey>(table: K, row: SyncedRow<K>): void {
    this.table(table).set(row.id, { ...row });
    this.writes.push({ table, id: row.id, deleted: false });
  }

  delete(table: SyncedTableKey, id: string): void {
    this.table(table).delete(id);
    this.writes.push({ table, id, deleted: true });
  }

  findOrderByNumber(number: string): OrderRow | undefined {
    for (const row of this.table('orders').values()) {
      if ((row as OrderRow).number === number) return { ...(row as OrderRow) };
    }
    return undefined;
  }

  findOrderByExternalId(source: string, externalId: string): OrderRow | undefined {
    for (const row of this.table('orders').values()) {
      const o = row as OrderRow;
      if (o.externalSource === source && o.externalId === externalId) return { ...o };
    }
    return undefined;
  }

  allocateOrderNumber(): string {
    let n = String(this.nextNumber++);
    while (this.findOrderByNumber(n) !== undefined) n = String(this.nextNumber++);
    return n;
  }

  all<K extends SyncedTableKey>(table: K): SyncedRow<K>[] {
    return [...this.table(table).values()].map((r) => ({ ...r }) as SyncedRow<K>);
  }

  snapshot(): Map<SyncedTableKey, Map<string, AnyRow>> {
    return new Map([...this.tables].map(([k, v]) => [k, new Map(v)]));
  }

  restore(snapshot: Map<SyncedTableKey, Map<string, AnyRow>>): void {
    this.tables = new Map([...snapshot].map(([k, v]) => [k, new Map(v)]));
  }

  private table(key: SyncedTableKey): Map<string, AnyRow> {
    let t = this.tables.get(key);
    if (t === undefined) {
      t = new Map();
      this.tables.set(key, t);
    }
    return t;
  }
}
