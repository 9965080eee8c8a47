// A shop's order reaches every connected console: POST /api/orders runs the server's
// mutator, the change log streams it, and two real sync clients' replicas hold it within a
// second (the promise), with its created event and the shop as the actor.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutServer } from '../../server/server';
import { addUser, databases, openClient, replicaDifference, seedServer, startTestServer, testDir, waitConverged, waitFor, type TestClient, type TestDir } from './harness';

let dir: TestDir;
let server: MarshrutServer;
let clients: TestClient[] = [];

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 3);
});

afterEach(async () => {
  for (const c of clients) c.close();
  clients = [];
  await server.close();
  dir.cleanup();
});

describe('orders from the REST API', () => {
  it('appear in every connected replica within a second, and an edit follows', async () => {
    const a = openClient(dir.file('a.db'), server.url, addUser(server, 'Dispatcher Aigerim').token);
    const b = openClient(dir.file('b.db'), server.url, addUser(server, 'Dispatcher Yerlan').token);
    clients.push(a, b);
    await waitConverged(server, clients);
    const shop = addUser(server, 'Shop Alem', 'integration').token;
    const post = (body: unknown, method = 'POST', path = '/api/orders') =>
      fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${shop}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const sent = Date.now();
    const r = await post({
      externalId: 'WEB-5001',
      customer: { name: 'Дана', phone: '8 702 555 44 33' },
      delivery: { address: 'ул. Кенесары 40', city: 'Астана' },
      cargo: { weightKg: 3, refrigerated: true },
    });
    expect(r.status).toBe(201);
    const { number } = (await r.json()) as { number: string };
    const has = (c: TestClient, sql: string, ...args: unknown[]) => c.replica.sqlite.prepare(sql).get(...args) !== undefined;
    await waitFor('the order in both replicas', () => clients.every((c) => has(c, 'SELECT 1 FROM orders WHERE number = ?', number)), 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    const row = a.replica.sqlite.prepare('SELECT status, external_id, refrigerated, delivery_city FROM orders WHERE number = ?').get(number);
    expect(row).toEqual({ status: 'new', external_id: 'WEB-5001', refrigerated: 1, delivery_city: 'Астана' });
    const ev = b.replica.sqlite.prepare("SELECT e.actor, e.actor_name FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = ? AND e.kind = 'created'").get(number);
    expect(ev).toEqual({ actor: 'integration', actor_name: 'Shop Alem' });

    expect((await post({ customer: { phone: '+7 702 000 11 22' } }, 'PATCH', `/api/orders/${number}`)).status).toBe(200);
    await waitFor('the edit in both replicas', () => clients.every((c) => has(c, "SELECT 1 FROM orders WHERE number = ? AND customer_phone = '+7 702 000 11 22'", number)), 1000);
    await waitConverged(server, clients);
    expect(replicaDifference(databases(clients, server))).toBeNull();
  });
});
