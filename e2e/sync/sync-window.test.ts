// The sync window end to end: real server, real desktop sync clients and replica files. A
// desktop asking for 30 days holds open orders and the window's (never fewer days than the
// reports need); one asking for nothing holds everything; a windowed desktop whose cursor the
// server can't continue is brought back to the window (older orders leave its replica), its
// pending edit kept; edits on a windowed replica converge as always.
import { describe, expect, it } from 'vitest';
import { DAY_MS, LOCAL_REPORT_DAYS } from '../../shared/reports/report-period';
import { addUser, makeOrder, openClient, waitConverged, waitFor, type TestClient } from './harness';
import { useSyncWorld } from './sync-world';

const world = useSyncWorld(3); // o100..o102: confirmed, open

const orderIds = (c: TestClient): string[] => c.replica.sqlite.prepare('SELECT id FROM orders ORDER BY id').pluck().all() as string[];

/** Closed orders: one changed a year ago, one changed LOCAL_REPORT_DAYS - 2 days ago, one today. */
function seedClosed(): void {
  const now = Date.now();
  world.server.engine.writeRows((tx) => {
    const at = [now - 365 * DAY_MS, now - (LOCAL_REPORT_DAYS - 2) * DAY_MS, now];
    at.forEach((t, i) => tx.put('orders', { ...makeOrder(200 + i), status: 'closed', createdAt: t - DAY_MS, updatedAt: t, statusChangedAt: t }));
  });
}

describe('the sync window, desktop and server', () => {
  it('a windowed desktop holds open orders and the window; a desktop without one holds all', async () => {
    seedClosed();
    const u = addUser(world.server, 'Dispatcher Aigerim');
    const windowed = openClient(world.dir.file('w.db'), world.server.url, u.token, { historyDays: 30 });
    const whole = openClient(world.dir.file('a.db'), world.server.url, u.token);
    world.clients.push(windowed, whole);
    await waitConverged(world.server, world.clients);
    expect(orderIds(windowed)).toEqual(['o100', 'o101', 'o102', 'o201', 'o202']);
    expect(orderIds(whole)).toEqual(['o100', 'o101', 'o102', 'o200', 'o201', 'o202']);
    // Live changes reach it like any desktop, an old order's too (it was just touched).
    windowed.sync.mutate('addComment', { orderId: 'o100', text: 'from the windowed desktop' });
    world.server.engine.writeRows((tx) => {
      const o = tx.get('orders', 'o200');
      if (o !== undefined) tx.put('orders', { ...o, cargoDescription: 'reopened', updatedAt: Date.now(), version: o.version + 1 });
    });
    await waitConverged(world.server, world.clients);
    expect(orderIds(windowed)).toContain('o200');
    const comments = (c: TestClient) => c.replica.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'from the windowed desktop'").pluck().get();
    expect(comments(whole)).toBe(1);
  });

  it('a full replica that must take a snapshot comes back windowed, its pending edit kept', async () => {
    seedClosed();
    const u = addUser(world.server, 'Dispatcher Aigerim');
    const first = openClient(world.dir.file('a.db'), world.server.url, u.token);
    world.clients.push(first);
    await waitConverged(world.server, world.clients);
    expect(orderIds(first)).toContain('o200');
    first.close();
    world.clients.length = 0;
    // The same replica file, now asking for a window; the server compacted past its cursor.
    const again = openClient(world.dir.file('a.db'), world.server.url, u.token, { historyDays: 30 }, false);
    world.clients.push(again);
    again.sync.mutate('addComment', { orderId: 'o101', text: 'typed offline' });
    world.server.engine.writeRows((tx) => tx.delete('orders', 'o102'));
    world.server.engine.log.compact(world.server.engine.log.headSeq() + 1);
    again.sync.start();
    await waitConverged(world.server, world.clients);
    await waitFor('the edit sent', () => again.sync.state().pendingCount === 0);
    expect(orderIds(again)).toEqual(['o100', 'o101', 'o201', 'o202']);
    expect(world.server.db.sqlite.prepare("SELECT count(*) FROM order_events WHERE comment = 'typed offline'").pluck().get()).toBe(1);
  });
});
