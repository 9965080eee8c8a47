// Test fixture: a real replica file in a temp directory, seeded with the mutator tests' small
// world (region, warehouses, two drivers, a user per role) as confirmed rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeWorld } from '../../shared/testing/fake-world';
import { SYNCED_TABLE_KEYS } from '../../shared/schema';
import { openReplica, type Replica } from '../db/open-replica';
import { createRowStore, type AppRow } from '../sync/row-store';

export interface ReplicaFixture {
  dir: string;
  file: string;
  replica: Replica;
  /** Closes and opens the same file again (an app restart). */
  reopen(): Replica;
  cleanup(): void;
}

export function replicaFixture(options: { seed?: boolean } = {}): ReplicaFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'marshrut-sync-'));
  const file = path.join(dir, 'replica.db');
  const fx: ReplicaFixture = {
    dir,
    file,
    replica: openReplica(file),
    reopen() {
      fx.replica.close();
      fx.replica = openReplica(file);
      return fx.replica;
    },
    cleanup() {
      fx.replica.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.seed ?? true) seedWorld(fx.replica);
  return fx;
}

/** Writes the fake world's rows straight into the replica (as if a catch-up had brought them). */
export function seedWorld(replica: Replica): void {
  const world = fakeWorld();
  const rows = createRowStore(replica.sqlite);
  replica.sqlite.transaction(() => {
    for (const table of SYNCED_TABLE_KEYS) for (const row of world.all(table)) rows.put(table, row as AppRow);
  })();
}
