// bench:scale's server file before the run: bench:sync-window's 1,000,000-order history when
// cached (else none), the world's reference rows, DRIVERS drivers with a bound phone each, a
// shop's token, a dispatcher per ten desktops and the new desktop's user. Written by an
// in-process server that then closes, so the measured server starts from a file like any.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bindDevice } from '../server/gps/device-bindings';
import { addUser, seedServer, startTestServer } from '../e2e/sync/harness';

export const HISTORY_ORDERS = 1_000_000;
const HISTORY = path.join(os.tmpdir(), `marshrut-bench-window-${HISTORY_ORDERS}`, 'history.db');

export interface ScaleWorld {
  /** Orders in the history (0 without it). */
  historyOrders: number;
  ordersBefore: number;
  /** The change log's head once written: the desktops say hello there (they hold the rest). */
  head: number;
  shopToken: string;
  deskTokens: string[];
  newcomerToken: string;
}

export async function writeScaleWorld(dbFile: string, o: { drivers: number; desktops: number; useHistory: boolean }): Promise<ScaleWorld> {
  const hasHistory = o.useHistory && fs.existsSync(HISTORY);
  if (o.useHistory && !hasHistory) console.log(`no history at ${HISTORY} (run npm run bench:sync-window first): running without it`);
  if (hasHistory) fs.copyFileSync(HISTORY, dbFile);
  const prep = await startTestServer(dbFile);
  seedServer(prep, 0);
  const now = Date.now();
  prep.engine.writeRows((tx) => {
    for (let i = 0; i < o.drivers; i++) {
      tx.put('drivers', {
        id: `sc-d${i}`, name: `Водитель ${i}`, phone: '', vehicle: '', vehiclePlate: '', capacityKg: 1000, homeWarehouseId: null,
        shiftState: 'on_shift', shiftChangedAt: now, lat: null, lon: null, headingDeg: null, speedKmh: null, accuracyM: null, battery: null,
        charging: null, fixAt: null, updatedAt: now, version: 1,
      });
    }
  });
  for (let i = 0; i < o.drivers; i++) bindDevice(prep.db.sqlite, `sc-phone-${i}`, `sc-d${i}`, 'bench', now);
  const world: ScaleWorld = {
    historyOrders: hasHistory ? HISTORY_ORDERS : 0,
    shopToken: addUser(prep, 'Shop', 'integration').token,
    deskTokens: Array.from({ length: Math.max(1, Math.ceil(o.desktops / 10)) }, (_, i) => addUser(prep, `Dispatcher ${i}`).token),
    newcomerToken: addUser(prep, 'New desktop').token,
    head: prep.engine.log.headSeq(),
    ordersBefore: prep.db.sqlite.prepare('SELECT count(*) FROM orders').pluck().get() as number,
  };
  await prep.close();
  return world;
}
