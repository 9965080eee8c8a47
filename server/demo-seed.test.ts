import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_MAX_AGE_MS } from './demo-seed';
import { silentLogger } from '../platform/log/logger';
import { startServer } from './server';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 4); // 09:00 in Almaty
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts a --demo server on `dbFile` as of `now`, reads what a restart would show, stops. */
async function demoAt(dbFile: string, now: number) {
  const server = await startServer({
    port: 0, host: '127.0.0.1', dbFile, synchronous: 'NORMAL', logger: silentLogger(), clock: () => now,
    demo: { now, orders: 40, carriers: 10, drivers: 6 },
  });
  try {
    const overdue = (
      server.db.sqlite
        .prepare("SELECT count(*) AS n FROM orders WHERE status IN ('new', 'confirmed', 'at_warehouse', 'in_transit') AND sla_deadline < ?")
        .get(now) as { n: number }
    ).n;
    const lastOrderAt = (server.db.sqlite.prepare('SELECT max(created_at) AS t FROM orders').get() as { t: number }).t;
    return { epoch: server.engine.epoch, overdue, lastOrderAt };
  } finally {
    await server.close();
  }
}

describe('--demo is always today (issue 13)', () => {
  it('keeps the demo a restart finds a little later, and seeds afresh one from yesterday', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marshrut-demo-'));
    dirs.push(dir);
    const dbFile = join(dir, 'server.db');
    const first = await demoAt(dbFile, T0);
    // An hour later: the same data (edits made in the demo stay).
    const later = await demoAt(dbFile, T0 + HOUR);
    expect([later.epoch, later.lastOrderAt]).toEqual([first.epoch, first.lastOrderAt]);
    // Past the limit: a new history, as overdue as a fresh demo and with orders up to the new "now".
    const stale = await demoAt(dbFile, T0 + DEMO_MAX_AGE_MS + HOUR);
    expect(stale.epoch).not.toBe(first.epoch);
    expect(stale.overdue).toBe(first.overdue);
    expect(stale.lastOrderAt).toBeGreaterThan(first.lastOrderAt);
    expect(stale.lastOrderAt).toBeLessThanOrEqual(T0 + DEMO_MAX_AGE_MS + HOUR);
    const kept = await demoAt(dbFile, T0 + DEMO_MAX_AGE_MS + HOUR);
    expect(kept).toEqual(stale);
  });

  it('never touches a database that was not seeded as a demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marshrut-demo-'));
    dirs.push(dir);
    const dbFile = join(dir, 'server.db');
    const real = await startServer({ port: 0, host: '127.0.0.1', dbFile, synchronous: 'NORMAL', logger: silentLogger(), clock: () => T0 });
    const epoch = real.engine.epoch;
    await real.close();
    const server = await startServer({ port: 0, host: '127.0.0.1', dbFile, synchronous: 'NORMAL', logger: silentLogger(), clock: () => T0 + 48 * HOUR, demo: { now: T0 + 48 * HOUR, orders: 5, carriers: 2, drivers: 2 } });
    try {
      expect(server.engine.epoch).toBe(epoch);
    } finally {
      await server.close();
    }
  });
});
