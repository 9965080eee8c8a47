// A small replica on disk for API tests: 2 warehouses, a few drivers and users, and an
// `addOrder` with sensible defaults so each test states only what it is about.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { customers, drivers, orderEvents, orders, regions, users, warehouses, type OrderRow } from '../../shared/schema';
import { testOrderRow } from '../../shared/testing/order-row';
import { openReplica, type Replica } from '../db/open-replica';

export const T0 = Date.UTC(2026, 2, 10, 6, 0, 0); // Tuesday 11:00 in Astana
export const HOUR = 3600_000;

export interface FixtureReplica {
  replica: Replica;
  dir: string;
  addOrder(patch: Partial<OrderRow> & { id: string }): void;
  cleanup(): void;
}

let n = 0;

export function fixtureReplica(): FixtureReplica {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marshrut-api-'));
  const replica = openReplica(path.join(dir, 'replica.db'));
  const db = replica.db;
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
  return {
    replica,
    dir,
    addOrder(patch) {
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
      db.insert(orders).values(row).run();
      db.insert(orderEvents)
        .values({ id: `${patch.id}-e1`, orderId: patch.id, kind: 'created', at: row.createdAt, actor: 'system', source: 'import', toStatus: 'new' })
        .run();
    },
    cleanup() {
      replica.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh fixture replica for each test of the calling file, removed after it: call `fx()` in a test. */
export function eachFixtureReplica(): () => FixtureReplica {
  let current: FixtureReplica | null = null;
  beforeEach(() => {
    current = fixtureReplica();
  });
  afterEach(() => {
    current?.cleanup();
    current = null;
  });
  return () => {
    if (current === null) throw new Error('eachFixtureReplica: the fixture exists only inside a test');
    return current;
  };
}
