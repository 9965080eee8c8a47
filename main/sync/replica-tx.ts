// MutatorTx over the desktop replica: the same mutator code the server runs, applied
// optimistically. Every write first records the row's confirmed state in the shadow (see
// shadow.ts), so the write can be undone exactly when the server's answer arrives.
// Runs inside the caller's transaction or savepoint; it opens none itself.
import type { MutatorTx } from '../../shared/mutators';
import type { OrderRow, SyncedRow, SyncedTableKey } from '../../shared/schema';
import type { ChangeSet } from './change-set';
import type { Footprint } from './footprints';
import type { AppRow, RowStore } from './row-store';
import type { ShadowStore } from './shadow';

export interface ReplicaTxDeps {
  rows: RowStore;
  shadow: ShadowStore;
  /** Collects what the mutation wrote, for change events. */
  changes: ChangeSet;
  /** Collects what the mutation read and wrote, for incremental rebases. */
  footprint: Footprint;
  findOrderIdByNumber(number: string): string | undefined;
  findOrderIdByExternalId(source: string, externalId: string): string | undefined;
  /**
   * A provisional order number, deterministic for one mutation (so a re-run shows the same
   * number); the server's confirmed row brings the real one under the same order id.
   */
  provisionalOrderNumber(): string;
}

export function createReplicaTx(deps: ReplicaTxDeps): MutatorTx {
  const { rows, shadow, changes, footprint } = deps;
  // Column values of rows read or written by this mutation, copied as stored (a mutator may
  // edit the object it read): a put over one of them writes only the columns that changed.
  const stored = new Map<string, readonly unknown[]>();
  const key = (table: SyncedTableKey, id: string): string => `${table}\u0000${id}`;
  return {
    get<K extends SyncedTableKey>(table: K, id: string): SyncedRow<K> | undefined {
      footprint.touch(table, id);
      // Rows are written only through RowStore from this same table's shape (or validated
      // server rows), so the stored shape is the table's select shape.
      const row = rows.get(table, id);
      if (row === undefined) stored.delete(key(table, id));
      else stored.set(key(table, id), rows.storedValues(table, row));
      return row as SyncedRow<K> | undefined;
    },
    put<K extends SyncedTableKey>(table: K, row: SyncedRow<K>): void {
      const id = row.id;
      footprint.touch(table, id);
      shadow.remember(table, id);
      const before = stored.get(key(table, id));
      if (before === undefined) rows.put(table, row as AppRow);
      else rows.update(table, row as AppRow, before);
      stored.set(key(table, id), rows.storedValues(table, row as AppRow));
      changes.add(table, id);
    },
    delete(table: SyncedTableKey, id: string): void {
      footprint.touch(table, id);
      shadow.remember(table, id);
      stored.delete(key(table, id));
      if (rows.delete(table, id)) changes.add(table, id);
    },
    findOrderByNumber(number: string): OrderRow | undefined {
      footprint.readsAllOrders = true;
      const id = deps.findOrderIdByNumber(number);
      return id === undefined ? undefined : (rows.get('orders', id) as OrderRow | undefined);
    },
    findOrderByExternalId(source: string, externalId: string): OrderRow | undefined {
      footprint.readsAllOrders = true;
      const id = deps.findOrderIdByExternalId(source, externalId);
      return id === undefined ? undefined : (rows.get('orders', id) as OrderRow | undefined);
    },
    allocateOrderNumber(): string {
      return deps.provisionalOrderNumber();
    },
  };
}
