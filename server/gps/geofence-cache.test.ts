// The geofences' cache of each driver's watched orders: a fix reads the driver's orders only
// when an order change could have changed that driver's list (an order that names the driver
// now, or one the cached list holds), never because some other driver's order changed. The
// marks themselves, end to end through order changes, are gps-pipeline.test.ts's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { testOrderRow } from '../../shared/testing/order-row';
import { silentLogger } from '../../platform/log/logger';
import { startTestServer, type TestServer } from '../testing/test-server';
import { DEFAULT_GEOFENCE_CONFIG } from './geofence-machine';
import { GeofenceRunner } from './geofence-runner';
import { newGpsCounters } from './gps-counters';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.stop();
});

/** The server's database, counting the runs of the watched-orders query per driver. */
function countingWatchedReads(sqlite: Database.Database): { db: Database.Database; reads: string[] } {
  const reads: string[] = [];
  const db = new Proxy(sqlite, {
    get(target, key) {
      if (key !== 'prepare') {
        const v: unknown = Reflect.get(target, key);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return (sql: string) => {
        const st = target.prepare(sql);
        if (!sql.includes("o.status IN ('at_warehouse', 'in_transit')")) return st;
        return {
          all: (driverId: string) => {
            reads.push(driverId);
            return st.all(driverId);
          },
        };
      };
    },
  });
  return { db, reads };
}

function putOrder(id: string, driverId: string | null, status: 'in_transit' | 'new' = 'in_transit'): void {
  t.server.engine.writeRows((tx) => tx.put('orders', testOrderRow({ id, number: `MR-${id}`, status, driverId })));
}

describe('the watched-orders cache', () => {
  it('drops only the lists an order change can touch', () => {
    putOrder('o1', 'd1');
    putOrder('o2', 'd2');
    const { db, reads } = countingWatchedReads(t.server.db.sqlite);
    const runner = new GeofenceRunner(db, DEFAULT_GEOFENCE_CONFIG, () => ({ result: 'applied' }), newGpsCounters(), silentLogger(), true);
    let at = 1_000_000;
    const fix = (driverId: string): void => runner.onPosition(driverId, `phone-${driverId}`, { lat: 10, lon: 10, fixAt: (at += 5000), accuracyM: 5 });
    const readsAfter = (fn: () => void): string[] => {
      const before = reads.length;
      fn();
      fix('d1');
      fix('d2');
      return reads.slice(before);
    };

    expect(readsAfter(() => undefined)).toEqual(['d1', 'd2']);
    expect(readsAfter(() => undefined)).toEqual([]);
    // d1's order changed: d1's list is read again, d2's is not.
    expect(readsAfter(() => runner.ordersChanged([{ id: 'o1', driverId: 'd1' }]))).toEqual(['d1']);
    // An order of a driver with no fixes yet (and in no list) touches neither.
    expect(readsAfter(() => runner.ordersChanged([{ id: 'o9', driverId: 'd9' }]))).toEqual([]);
    // o1 moves to d2: d1 held it, d2 is named now.
    expect(readsAfter(() => runner.ordersChanged([{ id: 'o1', driverId: 'd2' }]))).toEqual(['d1', 'd2']);
    // A new order for d1 (in no list yet) is found by its driver.
    expect(readsAfter(() => runner.ordersChanged([{ id: 'o3', driverId: 'd1' }]))).toEqual(['d1']);
    // o2 deleted or unassigned (no driver now): the list that held it goes.
    expect(readsAfter(() => runner.ordersChanged([{ id: 'o2', driverId: null }]))).toEqual(['d2']);
  });

  it("through the server: a change to one driver's order leaves the others' lists cached", async () => {
    putOrder('o1', 'd1');
    putOrder('o2', 'd2');
    const { db, reads } = countingWatchedReads(t.server.db.sqlite);
    const runner = new GeofenceRunner(db, DEFAULT_GEOFENCE_CONFIG, () => ({ result: 'applied' }), newGpsCounters(), silentLogger(), true);
    // As attach-gps subscribes: every committed order change, with the driver it names now.
    t.server.engine.onChanges((rows) => {
      const orders = rows.flatMap((r) => (r.table === 'orders' ? [{ id: r.id, driverId: typeof r.row?.['driverId'] === 'string' ? r.row['driverId'] : null }] : []));
      if (orders.length > 0) runner.ordersChanged(orders);
    });
    let at = 1_000_000;
    const fix = (driverId: string): void => runner.onPosition(driverId, `phone-${driverId}`, { lat: 10, lon: 10, fixAt: (at += 5000), accuracyM: 5 });
    fix('d1');
    fix('d2');
    putOrder('o4', null, 'new'); // a shop's new order: nobody's list
    putOrder('o1', 'd1', 'new'); // d1's order leaves the watch
    const before = reads.length;
    fix('d1');
    fix('d2');
    expect(reads.slice(before)).toEqual(['d1']);
  });
});
