// Replicas on disk for main's tests, one module for all of them: a real file in a temp
// directory, migrated by openReplica as the app does, closed and removed by cleanup().
//   tempReplica()    empty, or built by an older desktop's migrations (`before`: an upgrade test)
//   worldReplica()   seeded with the mutator tests' fake world as confirmed rows (sync tests)
//   fixtureReplica() the API tests' small world (2 warehouses, a few drivers and users) and an
//                    `addOrder` with sensible defaults, so each test states only what it is about
// and their lifetimes: onePerTest (a fresh one in each test), onePerFile (one the file's tests
// share) and manyPerTest (as many as a test asks for, all removed after it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { customers, drivers, orderEvents, orders, regions, SYNCED_TABLE_KEYS, users, warehouses, type OrderRow } from '../../shared/schema';
import { fakeWorld } from '../../shared/testing/fake-world';
import { testOrderRow } from '../../shared/testing/order-row';
import { openReplica, type Replica } from '../db/open-replica';
import { createRowStore, type AppRow } from '../sync/row-store';
import { migrationsBefore } from './older-migrations';

export interface TempReplica {
  dir: string;
  file: string;
  replica: Replica;
  /** Closes and opens the same file again with the current migrations (an app restart, or the upgrade). */
  reopen(): Replica;
  cleanup(): void;
}

export interface TempReplicaOptions {
  /** A migration tag: the file is built with the migrations before it, as an older desktop left it. */
  before?: string;
}

export function tempReplica(options: TempReplicaOptions = {}): TempReplica {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-replica-'));
  const file = path.join(dir, 'replica.db');
  const first = options.before === undefined ? openReplica(file) : openReplica(file, { migrationsFolder: migrationsBefore(dir, options.before) });
  const fx: TempReplica = {
    dir,
    file,
    replica: first,
    reopen() {
      fx.replica.close();
      fx.replica = openReplica(file);
      return fx.replica;
    },
    cleanup() {
      fx.replica.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return fx;
}

/** A replica holding the fake world (as if a catch-up had brought it). */
export function worldReplica(): TempReplica {
  const fx = tempReplica();
  seedWorld(fx.replica);
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

/** A fresh one (made by `make`) for each test of the calling file, removed after it: call the result in a test. */
export function onePerTest<T extends { cleanup(): void }>(make: () => T): () => T {
  return heldBetween(beforeEach, afterEach, 'onePerTest', make);
}

/** One (made by `make`) shared by every test of the calling file, removed after the last. */
export function onePerFile<T extends { cleanup(): void }>(make: () => T): () => T {
  return heldBetween(beforeAll, afterAll, 'onePerFile', make);
}

function heldBetween<T extends { cleanup(): void }>(start: (fn: () => void) => void, end: (fn: () => void) => void, name: string, make: () => T): () => T {
  let current: T | null = null;
  start(() => {
    current = make();
  });
  end(() => {
    current?.cleanup();
    current = null;
  });
  return () => {
    if (current === null) throw new Error(`${name}: the fixture exists only inside a test`);
    return current;
  };
}

/** A new one (made by `make`) at each call; all a test made are removed after it. */
export function manyPerTest<A extends unknown[], T extends { cleanup(): void }>(make: (...args: A) => T): (...args: A) => T {
  const made: T[] = [];
  afterEach(() => {
    for (const fx of made.splice(0)) fx.cleanup();
  });
  return (...args) => {
    const fx = make(...args);
    made.push(fx);
    return fx;
  };
}

export const T0 = Date.UTC(2026, 2, 10, 6, 0, 0); // Tuesday 11:00 in Astana
export const HOUR = 3600_000;

export interface FixtureReplica extends TempReplica {
  addOrder(patch: Partial<OrderRow> & { id: string }): void;
}

let n = 0;

/** The API tests' small world: region r-ast, warehouses w1 and w2, drivers d1-d3, two users, customer c1. */
export function fixtureReplica(): FixtureReplica {
  const fx = tempReplica();
  const db = fx.replica.db;
  db.insert(regions)
    .values({ id: 'r-ast', name: 'Astana', utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: [], updatedAt: T0 })
    .run();
  db.insert(warehouses)
    .values([
      { id: 'w1', name: 'Astana North', city: 'Astana', address: 'Kenesary 1', lat: 51.18, lon: 71.44, regionId: 'r-ast', updatedAt: T0 },
      { id: 'w2', name: 'Astana South', city: 'Astana', address: 'Turan 5', lat: 51.1, lon: 71.41, regionId: 'r-ast', updatedAt: T0 },
    ])
    .run();
  db.insert(drivers)
    .values([
      { id: 'd1', name: 'Berik', shiftState: 'on_shift', lat: 51.17, lon: 71.43, fixAt: T0 - 60_000, battery: 80, updatedAt: T0 },
      { id: 'd2', name: 'Dana', shiftState: 'on_shift', lat: 51.3, lon: 71.6, fixAt: T0 - 60_000, updatedAt: T0 },
      { id: 'd3', name: 'Yerlan', shiftState: 'off_shift', updatedAt: T0 },
    ])
    .run();
  db.insert(users)
    .values([
      { id: 'u-disp', name: 'Aigerim', role: 'dispatcher', updatedAt: T0 },
      { id: 'u-wh', name: 'Saule', role: 'warehouse', warehouseId: 'w1', updatedAt: T0 },
    ])
    .run();
  db.insert(customers).values({ id: 'c1', name: 'Kaspi Shop', phone: '+7 701 111 22 33', updatedAt: T0 }).run();
  return Object.assign(fx, {
    addOrder(patch: Partial<OrderRow> & { id: string }): void {
      n += 1;
      const row = testOrderRow({
        number: `MR-${1000 + n}`,
        customerName: 'Kaspi Shop',
        customerId: 'c1',
        customerPhone: '+7 701 111 22 33',
        pickupAddress: 'Kenesary 1',
        pickupLat: 51.18,
        pickupLon: 71.44,
        deliveryAddress: 'Abay 10',
        deliveryCity: 'Astana',
        deliveryLat: 51.16,
        deliveryLon: 71.47,
        warehouseId: 'w1',
        regionId: 'r-ast',
        serviceType: 'standard',
        status: 'new',
        createdAt: T0 - HOUR,
        statusChangedAt: T0 - HOUR,
        updatedAt: T0 - HOUR,
        ...patch,
      });
      fx.replica.db.insert(orders).values(row).run();
      fx.replica.db.insert(orderEvents)
        .values({ id: `${patch.id}-e1`, orderId: patch.id, kind: 'created', at: row.createdAt, actor: 'system', source: 'import', toStatus: 'new' })
        .run();
    },
  });
}

/** A fresh fixture replica for each test of the calling file, removed after it: call `fx()` in a test. */
export function eachFixtureReplica(): () => FixtureReplica {
  return onePerTest(fixtureReplica);
}
