// The set-up the in-process sync tests share (vitest hooks: tests only; benchmarks use harness.ts).
import { afterEach, beforeEach } from 'vitest';
import type { MarshrutServer } from '../../server/server';
import { seedServer, startTestServer, testDir, type TestClient, type TestDir } from './harness';

/** What a sync test works on: a temp folder, a seeded real server, and the clients it opened. */
export interface SyncWorld {
  dir: TestDir;
  /** Replace it to restart the server (it is closed after each test either way). */
  server: MarshrutServer;
  /** Clients opened by the test: closed after each test. */
  clients: TestClient[];
}

/**
 * The set-up every in-process sync test shares: before each test a temp folder and a real
 * server seeded with `orders` orders; after it, the clients closed, the server stopped and the
 * folder removed. Call at the top of a test file and read the world inside the tests.
 */
export function useSyncWorld(orders: number): SyncWorld {
  const world = {} as SyncWorld;
  beforeEach(async () => {
    world.dir = testDir();
    world.server = await startTestServer(world.dir.file('server.db'));
    world.clients = [];
    seedServer(world.server, orders);
  });
  afterEach(async () => {
    for (const c of world.clients) c.close();
    world.clients = [];
    await world.server.close();
    world.dir.cleanup();
  });
  return world;
}
