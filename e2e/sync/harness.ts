// End-to-end sync fixtures: a real server (in-process, or in a child process that can be
// SIGKILLed), real replica files in a temp directory, real ws connections, and the helpers
// the tests share: seeding, waiting for convergence, comparing replicas row by row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { fakeWorld, ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import { SYNCED_TABLE_KEYS, type OrderRow } from '../../shared/schema';
import { testOrderRow } from '../../shared/testing/order-row';
import type { UserRole } from '../../shared/domain/vocabulary';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '../../main/sync/sync-client';
import { startServer, type MarshrutServer } from '../../server/server';
import { silentLogger } from '../../platform/log/logger';


export interface TestDir {
  dir: string;
  file(name: string): string;
  cleanup(): void;
}

export function testDir(): TestDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'marshrut-e2e-sync-'));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SeededUser {
  id: string;
  name: string;
  role: UserRole;
  token: string;
}

/** Puts the small fake world (region, warehouses, drivers) and `orders` new orders on the server. */
export function seedServer(server: MarshrutServer, orders: number, firstNumber = 100): void {
  const world = fakeWorld();
  server.engine.writeRows((tx) => {
    for (const table of ['regions', 'warehouses', 'drivers'] as const) for (const row of world.all(table)) tx.put(table, row);
    for (let i = 0; i < orders; i++) tx.put('orders', makeOrder(firstNumber + i));
  });
}

/** Order `n` of the seeded world: confirmed, at warehouse w1, in Astana. */
export function makeOrder(n: number): OrderRow {
  return testOrderRow({
    id: `o${n}`,
    number: String(n),
    customerName: ORDER_ARGS.customerName,
    customerPhone: ORDER_ARGS.customerPhone,
    pickupAddress: ORDER_ARGS.pickupAddress,
    pickupLat: ORDER_ARGS.pickupLat,
    pickupLon: ORDER_ARGS.pickupLon,
    deliveryAddress: `${ORDER_ARGS.deliveryAddress}, apt ${n}`,
    deliveryCity: ORDER_ARGS.deliveryCity,
    deliveryLat: ORDER_ARGS.deliveryLat,
    deliveryLon: ORDER_ARGS.deliveryLon,
    warehouseId: 'w1',
    regionId: 'astana',
    serviceType: 'express',
    weightKg: 10,
    volumeM3: 0.1,
    status: 'confirmed',
    createdAt: T0,
    confirmedAt: T0,
    statusChangedAt: T0,
    updatedAt: T0,
  });
}

export function addUser(server: MarshrutServer, name: string, role: UserRole = 'dispatcher'): SeededUser {
  const { user, token } = server.users.addUser({ name, role });
  return { id: user.id, name: user.name, role: user.role, token };
}

export async function startTestServer(dbFile: string, port = 0): Promise<MarshrutServer> {
  return startServer({ port, host: '127.0.0.1', dbFile, logger: silentLogger(), pumpIntervalMs: 50 });
}

export interface TestClient {
  name: string;
  file: string;
  replica: Replica;
  sync: SyncClient;
  /** Stops the client and closes the replica (an app quitting). */
  close(): void;
}

export function openClient(
  file: string,
  serverUrl: string,
  token: string,
  extra: Partial<SyncClientOptions> = {},
  start = true,
): TestClient {
  const replica = openReplica(file);
  const sync = createSyncClient({
    replica,
    serverUrl,
    token,
    backoff: { initialMs: 20, maxMs: 200, factor: 2 },
    ...extra,
  });
  if (start) sync.start();
  return {
    name: path.basename(file),
    file,
    replica,
    sync,
    close() {
      sync.stop();
      replica.close();
    },
  };
}

export async function waitFor(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function cursorOf(c: TestClient): number {
  const v = c.replica.sqlite.prepare("SELECT value FROM replica_meta WHERE key = 'cursor'").pluck().get() as string | undefined;
  return v === undefined ? 0 : Number(v);
}

export function headSeq(server: MarshrutServer): number {
  return server.engine.log.headSeq();
}

/** Online, nothing pending, and at the server's head. */
export async function waitConverged(server: MarshrutServer | (() => number), clients: TestClient[], timeoutMs = 30_000): Promise<void> {
  const head = typeof server === 'function' ? server : () => headSeq(server);
  await waitFor(
    `convergence of ${clients.map((c) => c.name).join(', ')}`,
    () => clients.every((c) => c.sync.state().connection === 'online' && c.sync.state().pendingCount === 0 && cursorOf(c) === head()),
    timeoutMs,
  );
}

/** Every synced table, every row, every column, ordered by id. */
export function dumpSynced(sqlite: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLE_KEYS) out[t] = sqlite.prepare(`SELECT * FROM "${t}" ORDER BY id`).all();
  return out;
}

/**
 * Row-by-row comparison of all synced tables (and with the server's, when given): null when
 * identical, else the first differing table and row. JSON per row: far faster than a deep
 * equality over tens of thousands of rows, and exact for SQLite's values.
 */
export function replicaDifference(dbs: Array<{ name: string; sqlite: Database.Database }>): string | null {
  const first = dbs[0];
  if (first === undefined) return null;
  const reference = dumpSynced(first.sqlite);
  for (const other of dbs.slice(1)) {
    const dump = dumpSynced(other.sqlite);
    for (const t of SYNCED_TABLE_KEYS) {
      const a = reference[t] ?? [];
      const b = dump[t] ?? [];
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const ra = JSON.stringify(a[i]);
        const rb = JSON.stringify(b[i]);
        if (ra !== rb) return `${t} row ${i}: ${first.name} has ${ra ?? 'nothing'}, ${other.name} has ${rb ?? 'nothing'}`;
      }
    }
  }
  return null;
}

/** The clients' replicas (and the server's database) as named handles for replicaDifference. */
export function databases(clients: TestClient[], server?: MarshrutServer): Array<{ name: string; sqlite: Database.Database }> {
  const dbs = clients.map((c) => ({ name: c.name, sqlite: c.replica.sqlite }));
  if (server !== undefined) dbs.push({ name: 'server', sqlite: server.db.sqlite });
  return dbs;
}
