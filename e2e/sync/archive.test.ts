// The order archive end to end (issue 19): a desktop keeping 62 days (a real replica and sync
// client behind the console's typed API) against a real server holding a 400-day-old order.
// The replica never gets it; the console's archive search finds it through the server by
// name, phone and number, opens it read-only with its timeline, and keeps the copy in its own
// cache file, not the replica. With the server stopped the search says the server can't be
// reached (never "nothing found") and the opened order comes from the cache, said to be a copy.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveCardView, ArchiveSearchResult } from '../../shared/api/archive-api';
import type { ListOrdersResponse } from '../../shared/api/orders-api';
import type { UserRole } from '../../shared/domain/vocabulary';
import { DAY_MS } from '../../shared/reports/report-period';
import { createApi, type Api } from '../../main/api/create-api';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { realSyncConnector } from '../../main/sync/sync-link';
import type { MarshrutServer } from '../../server/server';
import { addUser, makeOrder, seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { value } from './desks';

let dir: TestDir;
let server: MarshrutServer;
let serverUp = false;
const desks: Array<{ api: Api; replica: Replica }> = [];

async function desk(role: UserRole, name: string): Promise<{ api: Api; replica: Replica; cacheFile: string }> {
  const user = addUser(server, name, role);
  const replica = openReplica(dir.file(`${user.id}.db`));
  const cacheFile = dir.file(`${user.id}.archive-cache.db`);
  const api = createApi({
    replica,
    settings: memorySettings({ serverUrl: server.url, token: user.token, historyDays: 62 }),
    connect: realSyncConnector(replica),
    archiveCacheFile: cacheFile,
  });
  desks.push({ api, replica });
  await waitFor(`${name} signed in`, () => api.link.user() !== null, 10_000);
  await waitFor(`${name} caught up`, () => replica.sqlite.prepare("SELECT count(*) FROM orders WHERE number = 'MR-NEW1'").pluck().get() === 1, 10_000);
  return { api, replica, cacheFile };
}

const replicaHas = (replica: Replica, number: string) => replica.sqlite.prepare('SELECT count(*) FROM orders WHERE number = ?').pluck().get(number) === 1;

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  serverUp = true;
  seedServer(server, 2);
  const now = Date.now();
  const old = now - 400 * DAY_MS;
  server.engine.writeRows((tx) => {
    tx.put('orders', { ...makeOrder(900), number: 'MR-OLD1', customerName: 'ТОО «Архивный Клиент»', customerPhone: '+7 701 999 88 77', status: 'delivered', createdAt: old, updatedAt: old + DAY_MS, statusChangedAt: old + DAY_MS, deliveredAt: old + DAY_MS });
    tx.put('order_events', { id: 'ev-old-1', orderId: 'o900', kind: 'status', at: old + DAY_MS, fromStatus: 'in_transit', toStatus: 'delivered', subMark: null, actor: 'driver', actorId: null, actorName: null, source: 'driver', reason: null, comment: 'left with the guard', driverId: null, changes: null, handover: null });
    // The same customer last week: the desktop's window holds it.
    tx.put('orders', { ...makeOrder(901), number: 'MR-NEW1', customerName: 'ТОО «Архивный Клиент»', status: 'closed', createdAt: now - 7 * DAY_MS, updatedAt: now - 6 * DAY_MS, statusChangedAt: now - 6 * DAY_MS });
  });
});

afterEach(async () => {
  for (const d of desks.splice(0)) {
    await d.api.close();
    d.replica.close();
  }
  if (serverUp) await server.close();
  dir.cleanup();
});

describe('the order archive, desktop and server', () => {
  it('finds a 400-day-old order through the server, opens it read-only, never in the replica', async () => {
    const { api, replica, cacheFile } = await desk('dispatcher', 'Aigerim');
    expect(replicaHas(replica, 'MR-OLD1')).toBe(false);
    // The replica's own search knows only last week's order.
    const local = value<ListOrdersResponse>(await api.dispatch('listOrders', { search: 'Архивный', status: ['delivered', 'closed'] }));
    expect(local.rows.map((r) => r.number)).toEqual(['MR-NEW1']);

    const byName = value<ArchiveSearchResult>(await api.dispatch('searchArchive', { text: 'архивный' }));
    expect(byName.kind).toBe('customer');
    expect(byName.rows.map((r) => [r.number, r.localId])).toEqual([['MR-OLD1', null]]);
    const byPhone = value<ArchiveSearchResult>(await api.dispatch('searchArchive', { text: '8 701 999 88' }));
    expect(byPhone.rows.map((r) => r.number)).toEqual(['MR-OLD1']);
    const byNumber = value<ArchiveSearchResult>(await api.dispatch('searchArchive', { text: 'mr-old1' }));
    expect(byNumber.kind).toBe('number');
    expect(byNumber.rows.map((r) => r.number)).toEqual(['MR-OLD1']);

    const card = value<ArchiveCardView>(await api.dispatch('openArchiveOrder', { number: 'MR-OLD1' }));
    expect(card.source).toBe('server');
    expect(card.card.order.status).toBe('delivered');
    expect(card.card.events.map((e) => e.comment)).toEqual(['left with the guard']);
    // An order the replica holds opens as the normal card.
    expect(value(await api.dispatch('openArchiveOrder', { number: 'MR-NEW1' }))).toEqual({ localId: 'o901' });

    // Nothing reached the replica or the outbox; the copy sits in the cache's own file.
    expect(replicaHas(replica, 'MR-OLD1')).toBe(false);
    expect(replica.sqlite.prepare("SELECT count(*) FROM order_events WHERE id = 'ev-old-1'").pluck().get()).toBe(0);
    expect(replica.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(existsSync(cacheFile)).toBe(true);
    expect(value(await api.dispatch('getOrder', { orderId: 'o900' }))).toBeNull();
  });

  it('says the server cannot be reached when it is stopped, and shows an opened order as the cached copy', async () => {
    const { api } = await desk('dispatcher', 'Aigerim');
    value<ArchiveCardView>(await api.dispatch('openArchiveOrder', { number: 'MR-OLD1' }));
    await server.close();
    serverUp = false;

    const search = await api.dispatch('searchArchive', { text: 'архивный' });
    expect(search.ok).toBe(false);
    if (!search.ok) {
      expect(search.error.code).toBe('unavailable');
      expect(search.error.message).toMatch(/can't be reached/);
    }
    const cached = value<ArchiveCardView>(await api.dispatch('openArchiveOrder', { number: 'MR-OLD1' }));
    expect(cached.source).toBe('cache');
    expect(cached.serverError).toMatch(/can't be reached/);
    expect(cached.card.events).toHaveLength(1);
    const never = await api.dispatch('openArchiveOrder', { number: 'MR-OLD2' });
    expect(never.ok ? null : never.error.code).toBe('unavailable');
  });

  it('is for the desk: a logistician is refused on the desktop and by the server; too little text is named', async () => {
    const { api } = await desk('dispatcher', 'Aigerim');
    const short = await api.dispatch('searchArchive', { text: 'a' });
    expect(short.ok ? null : [short.error.code, short.error.details?.['field']]).toEqual(['invalid_request', 'text']);
    const logistician = await desk('logistician', 'Dana');
    const refused = await logistician.api.dispatch('searchArchive', { text: 'архивный' });
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    const token = addUser(server, 'Dana again', 'logistician').token;
    const res = await fetch(`${server.url}/api/archive/orders?customer=ab`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
  });
});
