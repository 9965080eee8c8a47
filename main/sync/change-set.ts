// What a write touched, per table, so subscribers refresh only those rows ("subscriptions
// carry what changed, not reload everything").
import type { SyncedTableKey } from '../../shared/schema';

export interface ChangeEvent {
  /** Tables with at least one changed row. */
  tables: SyncedTableKey[];
  /** Ids of changed rows per table (inserted, updated or deleted; read the row to know which). */
  ids: Partial<Record<SyncedTableKey, string[]>>;
}

export class ChangeSet {
  private readonly byTable = new Map<SyncedTableKey, Set<string>>();

  add(table: SyncedTableKey, id: string): void {
    let ids = this.byTable.get(table);
    if (ids === undefined) {
      ids = new Set();
      this.byTable.set(table, ids);
    }
    ids.add(id);
  }

  addAll(other: ChangeSet): void {
    for (const [table, ids] of other.byTable) for (const id of ids) this.add(table, id);
  }

  get empty(): boolean {
    return this.byTable.size === 0;
  }

  toEvent(): ChangeEvent {
    const ids: Partial<Record<SyncedTableKey, string[]>> = {};
    for (const [table, set] of this.byTable) ids[table] = [...set];
    return { tables: [...this.byTable.keys()], ids };
  }
}
