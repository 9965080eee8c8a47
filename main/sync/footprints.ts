// What each pending mutation read and wrote in its latest local run, so a rebase re-runs only
// the mutations a frame can affect. A mutator is deterministic in what it reads, so if none
// of the rows it read or wrote changed, re-running it would write the same rows: skip it.
// Kept in memory (rebuilt by the first full rebase after start-up).
import type { SyncedTableKey } from '../../shared/schema';

export const rowKey = (table: SyncedTableKey, id: string): string => `${table}\u0000${id}`;
const ORDERS_PREFIX = 'orders\u0000';

export class Footprint {
  readonly keys = new Set<string>();
  /** findOrderByNumber looks at every order: any change to any order may matter. */
  readsAllOrders = false;

  touch(table: SyncedTableKey, id: string): void {
    this.keys.add(rowKey(table, id));
  }
}

/** A growing set of row keys that changed (or must be recomputed) in one rebase. */
export class DirtyKeys {
  readonly keys = new Set<string>();
  private orders = 0;
  private allOrders = false;

  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (key.startsWith(ORDERS_PREFIX)) this.orders++;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Does a mutation with this footprint see anything dirty? */
  touches(f: Footprint): boolean {
    if (f.readsAllOrders && (this.orders > 0 || this.allOrders)) return true;
    for (const k of f.keys) {
      if (this.keys.has(k) || (this.allOrders && k.startsWith(ORDERS_PREFIX))) return true;
    }
    return false;
  }

  absorb(f: Footprint): void {
    for (const k of f.keys) this.add(k);
    if (f.readsAllOrders) this.allOrders = true;
  }
}

/**
 * The mutations to re-run: those whose footprint meets the dirty keys, closed over their own
 * footprints until nothing more is pulled in. Afterwards affected and unaffected mutations
 * touch disjoint rows, so re-running only the affected ones, in order, on top of restored
 * rows gives exactly what re-running everything would.
 */
export function affectedMutations(order: readonly number[], footprints: ReadonlyMap<number, Footprint>, dirty: DirtyKeys): number[] {
  const affected = new Set<number>();
  for (;;) {
    const before = affected.size;
    for (const mid of order) {
      if (affected.has(mid)) continue;
      const f = footprints.get(mid);
      if (f === undefined) throw new Error(`pending mutation ${mid} has no footprint`);
      if (dirty.touches(f)) {
        affected.add(mid);
        dirty.absorb(f);
      }
    }
    if (affected.size === before) break;
  }
  return order.filter((m) => affected.has(m));
}
