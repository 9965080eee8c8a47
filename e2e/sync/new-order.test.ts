// The desk's new order end to end: the console's typed API (createApi over a real replica and
// a real sync client) creates it through the createOrder mutator, the card can be opened by the
// id it answers at once, and the server's row (its final MR- number) replaces the provisional one
// under the same id. Customer lookup then finds the customer by any spelling of the phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResultWith } from '../../shared/api/define';
import type { CustomerMatch, NewOrderRequest } from '../../shared/api/order-intake-api';
import type { OrderDetail } from '../../shared/api/orders-api';
import { createApi, type Api } from '../../main/api/create-api';
import { openReplica, type Replica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { realSyncConnector } from '../../main/sync/sync-link';
import type { MarshrutServer } from '../../server/server';
import { addUser, seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { value } from './desks';

let dir: TestDir;
let server: MarshrutServer;
let replica: Replica;
let api: Api;

const ORDER: NewOrderRequest = {
  customerName: 'Дана Ахметова',
  customerPhone: '8 (702) 555-44-33',
  deliveryAddress: 'ул. Кенесары 40',
  deliveryCity: 'Астана',
  deliveryLat: 51.165,
  deliveryLon: 71.42,
  pickupAddress: 'Pobedy 1',
  pickupLat: 51.18,
  pickupLon: 71.44,
  warehouseId: 'w2',
  serviceType: 'express',
  windowStart: Date.now() + 3_600_000,
  windowEnd: Date.now() + 3 * 3_600_000,
  weightKg: 4.5,
  places: 2,
  fragile: true,
};

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 2);
  const user = addUser(server, 'Dispatcher Aigerim');
  replica = openReplica(dir.file('desk.db'));
  api = createApi({ replica, settings: memorySettings({ serverUrl: server.url, token: user.token }), connect: realSyncConnector(replica) });
  await waitFor('the desk signed in', () => api.link.user() !== null, 10_000);
});

afterEach(async () => {
  await api.close();
  replica.close();
  await server.close();
  dir.cleanup();
});

describe('a new order from the desk', () => {
  it('is created through the mutator, opens by its id at once, and gets the server number', async () => {
    const r = value<CommandResultWith<{ orderId: string }>>(await api.dispatch('createOrder', ORDER));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const local = value<OrderDetail | null>(await api.dispatch('getOrder', { orderId: r.orderId }));
    expect(local?.order).toMatchObject({ customerName: 'Дана Ахметова', status: 'new', regionId: 'astana', warehouseId: 'w2', fragile: true, places: 2 });
    expect(local?.events.map((e) => e.kind)).toEqual(['created']);
    const serverRow = () => server.db.sqlite.prepare('SELECT number FROM orders WHERE id = ?').get(r.orderId) as { number: string } | undefined;
    await waitFor('the order on the server', () => serverRow() !== undefined, 5000);
    const number = serverRow()!.number;
    expect(number).toMatch(/^MR-\d+$/);
    await waitFor('the server number in the replica', () => (replica.sqlite.prepare('SELECT number FROM orders WHERE id = ?').get(r.orderId) as { number: string }).number === number, 5000);

    for (const typed of ['+7 702 555 44 33', '87025554433', '702 555', 'Дана']) {
      const found = value<CustomerMatch[]>(await api.dispatch('lookupCustomers', { query: typed }));
      expect(found[0], typed).toMatchObject({ name: 'Дана Ахметова', lastAddresses: [{ address: 'ул. Кенесары 40', city: 'Астана' }] });
    }
  });

  it('refuses what a person could not have meant, naming the field, and queues nothing', async () => {
    const bad: Array<[Partial<NewOrderRequest>, string]> = [
      [{ customerPhone: 'позвоните мне' }, 'customerPhone'],
      [{ deliveryLat: 95 }, 'deliveryLat'],
      [{ windowStart: Date.UTC(2100, 0, 1, 10), windowEnd: Date.UTC(2100, 0, 1, 12) }, 'windowStart'],
      [{ windowStart: Date.UTC(2099, 0, 1, 10), windowEnd: Date.UTC(2099, 0, 1, 12) }, 'windowStart'],
      [{ warehouseId: 'no-such' }, 'warehouseId'],
    ];
    for (const [patch, field] of bad) {
      const r = await api.dispatch('createOrder', { ...ORDER, ...patch });
      const message = r.ok ? ((r.value as { ok: boolean; message?: string }).message ?? 'accepted') : r.error.message;
      expect(message, field).toContain(field);
    }
    // Unknown keys, __proto__ among them, are refused by the strict schema.
    const proto = await api.dispatch('createOrder', JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(ORDER).slice(1)}`));
    expect(proto.ok).toBe(false);
    const named = value<CommandResultWith<{ orderId: string }>>(await api.dispatch('createOrder', { ...ORDER, customerName: '__proto__' }));
    expect(named.ok).toBe(true);
    expect(replica.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 3 });
  });
});
