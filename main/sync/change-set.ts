// What a write touched, per table, so subscribers refresh only those rows ("subscriptions
// carry what changed, not reload everything").
import type { ChangesEvent } from '../../shared/api/events';
import type { SyncedTableKey } from '../../shared/schema';

/** Past this many changed ids an event says "re-read everything" instead of listing them. */
const MAX_LISTED_IDS = 2000;

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

  /** The event the console gets (shared/api/events): the ids, or `all` when a catch-up changed too many to list. */
  toEvent(): ChangesEvent {
    const tables = [...this.byTable.keys()];
    let n = 0;
    for (const set of this.byTable.values()) n += set.size;
    if (n > MAX_LISTED_IDS) return { tables, ids: {}, all: true };
    const ids: Partial<Record<SyncedTableKey, string[]>> = {};
    for (const [table, set] of this.byTable) ids[table] = [...set];
    return { tables, ids, all: false };
  }
}
