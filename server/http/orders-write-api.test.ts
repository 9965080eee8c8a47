import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { connectTestClient } from '../testing/ws-test-client';

let t: TestServer;
let shop: string;
let shop2: string;

beforeEach(async () => {
  t = await startTestServer({ ordersRateLimit: { perSecond: 1000, burst: 1000 } });
  shop = t.server.users.issueToken('u-shop');
  shop2 = t.server.users.issueToken('u-shop2');
});
afterEach(async () => {
  await t.stop();
});

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const START = Date.UTC(2026, 11, 3, 9, 0);

function call(method: string, path: string, token: string | null, body?: unknown, raw?: string, type = 'application/json') {
  const headers: Record<string, string> = { 'content-type': type };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${t.server.url}${path}`, { method, headers, ...(body === undefined && raw === undefined ? {} : { body: raw ?? JSON.stringify(body) }) });
}

const ORDER = {
  externalId: 'A-1001',
  serviceType: 'express',
  customer: { name: 'Айгерим', phone: '+7 701 123 45 67' },
  delivery: { address: 'Kenesary 40', city: 'Astana', lat: 51.16, lon: 71.43 },
  window: { start: iso(START), end: iso(START + 2 * H) },
  cargo: { description: 'Чайник', weightKg: 2, places: 1, fragile: true },
};

function orderCount(): number {
  return (t.server.db.sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
}

describe('POST /api/orders', () => {
  it('creates an order once per externalId and answers the same number again', async () => {
    const a = await call('POST', '/api/orders', shop, ORDER);
    expect(a.status).toBe(201);
    const first = (await a.json()) as { number: string; created: boolean };
    expect(first).toMatchObject({ status: 'new', externalId: 'A-1001', created: true, approximateLocation: false });
    const b = await call('POST', '/api/orders', shop, ORDER);
    expect(b.status).toBe(200);
    expect(await b.json()).toMatchObject({ number: first.number, created: false });
    expect(orderCount()).toBe(1);
    // Another shop's order 1001 is another order.
    const c = await call('POST', '/api/orders', shop2, ORDER);
    expect(c.status).toBe(201);
    expect(orderCount()).toBe(2);
    const row = t.server.db.sqlite.prepare('SELECT * FROM orders WHERE number = ?').get(first.number) as Record<string, unknown>;
    expect(row).toMatchObject({ warehouse_id: 'w1', region_id: 'astana', window_end: START + 2 * H, fragile: 1, external_source: 'u-shop', delivery_city: 'Астана' });
    const events = t.server.db.sqlite.prepare("SELECT actor, actor_name FROM order_events WHERE kind = 'created'").all();
    expect(events).toContainEqual({ actor: 'integration', actor_name: 'Shop Alem' });
  });

  it('lands an address without coordinates at its district or city centre', async () => {
    const r = await call('POST', '/api/orders', shop, { ...ORDER, delivery: { address: 'пр. Туран 12, р-н Есиль', city: 'г. Астана' } });
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ deliveryLat: 51.128, deliveryLon: 71.43, approximateLocation: true });
  });

  it('answers 422 naming the field for every kind of bad field, and creates nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...ORDER, externalId: '' }, 'externalId'],
      [{ ...ORDER, externalId: undefined }, 'externalId'],
      [{ ...ORDER, serviceType: 'teleport' }, 'serviceType'],
      [{ ...ORDER, customer: { ...ORDER.customer, phone: 'call me' } }, 'customer.phone'],
      [{ ...ORDER, customer: { ...ORDER.customer, email: 'not-an-email' } }, 'customer.email'],
      [{ ...ORDER, delivery: { ...ORDER.delivery, lat: 91 } }, 'delivery.lat'],
      [{ ...ORDER, delivery: { address: 'x', city: 'Atlantis' } }, 'delivery.city'],
      [{ ...ORDER, delivery: { ...ORDER.delivery, address: 'a\u0000b' } }, 'delivery.address'],
      [{ ...ORDER, window: { start: iso(START), end: iso(START - H) } }, 'window.end'],
      [{ ...ORDER, window: { start: iso(START), end: '2101-01-01T00:00:00Z' } }, 'window.end'],
      [{ ...ORDER, window: { start: 'tomorrow', end: iso(START) } }, 'window.start'],
      [{ ...ORDER, cargo: { weightKg: -1 } }, 'cargo.weightKg'],
      [{ ...ORDER, cargo: { places: 1e12 } }, 'cargo.places'],
      [{ ...ORDER, cargo: { hazardClass: '42' } }, 'cargo.hazardClass'],
      [{ ...ORDER, warehouseId: 'w-nowhere' }, 'warehouseId'],
      [{ ...ORDER, status: 'closed' }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', '/api/orders', shop, body);
      const json = (await r.json()) as { field: string };
      expect([r.status, json.field], JSON.stringify(body).slice(0, 120)).toEqual([422, field]);
    }
    expect(orderCount()).toBe(0);
    const health = (await (await call('GET', '/health', t.tokens['u-admin'] as string)).json()) as { ordersApi: Record<string, number> };
    expect(health.ordersApi['refused.validation_failed']).toBe(cases.length);
  });

  it('refuses __proto__ and constructor keys, deep nesting, oversize bodies, non-JSON and wrong tokens', async () => {
    expect((await call('POST', '/api/orders', shop, undefined, `{"__proto__":{"admin":true},${JSON.stringify(ORDER).slice(1)}`)).status).toBe(422);
    expect((await call('POST', '/api/orders', shop, { ...ORDER, constructor: { prototype: 1 } })).status).toBe(422);
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const d = await call('POST', '/api/orders', shop, undefined, `{"extra":${deep},${JSON.stringify(ORDER).slice(1)}`);
    expect(d.status).toBe(400);
    expect(await d.json()).toMatchObject({ error: 'too_complex' });
    const big = await call('POST', '/api/orders', shop, { ...ORDER, externalId: 'x'.repeat(100_000) });
    expect(big.status).toBe(413);
    expect((await call('POST', '/api/orders', shop, undefined, '{"externalId":')).status).toBe(400);
    expect((await call('POST', '/api/orders', shop, ORDER, undefined, 'text/plain')).status).toBe(415);
    expect((await call('POST', '/api/orders', null, ORDER)).status).toBe(401);
    expect((await call('POST', '/api/orders', 'forged', ORDER)).status).toBe(401);
    // A warehouse user's token may not create orders: the mutator's role table says so.
    expect((await call('POST', '/api/orders', t.tokens['u-warehouse'] as string, ORDER)).status).toBe(403);
    expect(orderCount()).toBe(0);
  });

  it('rate-limits per token with 429 and Retry-After; other tokens are unaffected', async () => {
    await t.stop();
    t = await startTestServer({ ordersRateLimit: { perSecond: 1, burst: 3 } });
    shop = t.server.users.issueToken('u-shop');
    shop2 = t.server.users.issueToken('u-shop2');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('POST', '/api/orders', shop, { ...ORDER, externalId: `R-${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await call('POST', '/api/orders', shop, { ...ORDER, externalId: 'R-9' });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await call('POST', '/api/orders', shop2, ORDER)).status).toBe(201);
    expect(orderCount()).toBe(4);
  });
});

describe('integration tokens see and touch only their own orders', () => {
  it('reads, patches and pays only own orders; other routes and /sync are refused', async () => {
    const { number } = (await (await call('POST', '/api/orders', shop, ORDER)).json()) as { number: string };
    expect((await call('GET', `/api/orders/${number}`, shop)).status).toBe(200);
    expect((await call('GET', `/api/orders/${number}`, shop2)).status).toBe(404);
    const list = (await (await call('GET', '/api/orders', shop2)).json()) as { orders: unknown[] };
    expect(list.orders).toEqual([]);
    expect((await call('PATCH', `/api/orders/${number}`, shop2, { customer: { phone: '+7 700 000 00 00' } })).status).toBe(404);
    expect((await call('POST', `/api/orders/${number}/payment`, shop2, { amount: 1, method: 'card' })).status).toBe(404);
    expect((await call('GET', '/api/drivers', shop)).status).toBe(403);
    // /health is public: a shop's token gets only the short answer, no counts or counters.
    expect(Object.keys((await (await call('GET', '/health', shop)).json()) as object).sort()).toEqual(['status', 'version']);
    await expect(connectTestClient(t.server.url, shop)).rejects.toThrow(/403/);
  });
});

describe('PATCH /api/orders/:number', () => {
  it('changes address, window and contacts before pickup with an edit event, then refuses after pickup', async () => {
    const { number } = (await (await call('POST', '/api/orders', shop, ORDER)).json()) as { number: string };
    const r = await call('PATCH', `/api/orders/${number}`, shop, {
      delivery: { address: 'Kenesary 42', city: 'Astana', lat: 51.161, lon: 71.431 },
      window: { start: iso(START + H), end: iso(START + 3 * H) },
      customer: { phone: '8 701 999 00 11' },
    });
    expect(r.status).toBe(200);
    const { events } = (await (await call('GET', `/api/orders/${number}`, shop)).json()) as { events: Array<{ kind: string; changes: Array<{ field: string }> | null; actorName: string }> };
    const edit = events.find((e) => e.kind === 'edit');
    expect(edit?.actorName).toBe('Shop Alem');
    expect(edit?.changes?.map((c) => c.field)).toEqual(['customerPhone', 'deliveryAddress', 'deliveryLat', 'deliveryLon', 'windowStart', 'windowEnd']);
    expect((await call('PATCH', `/api/orders/${number}`, shop, { window: { start: iso(START), end: iso(START + 60_000) } })).status).toBe(422);
    expect((await call('PATCH', `/api/orders/${number}`, shop, {})).status).toBe(422);
    expect((await call('PATCH', `/api/orders/${number}`, shop, { cancel: { reason: 'x' }, customer: { name: 'y' } })).status).toBe(422);
    expect((await call('PATCH', `/api/orders/${number}`, shop, { cargo: { weightKg: 5 } })).status).toBe(422);

    const id = (t.server.db.sqlite.prepare('SELECT id FROM orders WHERE number = ?').get(number) as { id: string }).id;
    const desk = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' } as const;
    expect(t.server.runMutation('confirmOrder', { orderId: id }, desk).result).toBe('applied');
    expect(t.server.runMutation('markPicked', { orderId: id, source: 'scan' }, desk).result).toBe('applied');
    expect(t.server.runMutation('setStatus', { orderId: id, to: 'in_transit' }, desk).result).toBe('applied');
    const late = await call('PATCH', `/api/orders/${number}`, shop, { customer: { name: 'Другой' } });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: 'too_late' });
    expect((await call('PATCH', `/api/orders/${number}`, shop, { cancel: { reason: 'передумал' } })).status).toBe(409);
  });

  it('cancels before pickup', async () => {
    const { number } = (await (await call('POST', '/api/orders', shop, ORDER)).json()) as { number: string };
    const r = await call('PATCH', `/api/orders/${number}`, shop, { cancel: { reason: 'Клиент передумал' } });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ number, status: 'cancelled' });
  });
});

describe('POST /api/orders/:number/payment', () => {
  it('records a payment, closes a delivered order, accepts a retry and refuses a second payment', async () => {
    const { number } = (await (await call('POST', '/api/orders', shop, ORDER)).json()) as { number: string };
    const id = (t.server.db.sqlite.prepare('SELECT id FROM orders WHERE number = ?').get(number) as { id: string }).id;
    const desk = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' } as const;
    for (const [name, args] of [
      ['confirmOrder', { orderId: id }],
      ['markPicked', { orderId: id, source: 'scan' }],
      ['setStatus', { orderId: id, to: 'in_transit' }],
      ['setStatus', { orderId: id, to: 'delivered' }],
    ] as const) {
      expect(t.server.runMutation(name, args, desk).result).toBe('applied');
    }
    expect((await call('POST', `/api/orders/${number}/payment`, shop, { amount: 0, method: 'card' })).status).toBe(422);
    expect((await call('POST', `/api/orders/${number}/payment`, shop, { amount: 5000, method: 'bitcoin' })).status).toBe(422);
    const paid = await call('POST', `/api/orders/${number}/payment`, shop, { amount: 5000, method: 'online', reference: 'KASPI-77', paidAt: '2026-12-02T15:00:00+05:00' });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ number, status: 'closed', paidAt: Date.parse('2026-12-02T10:00:00Z') });
    expect((await call('POST', `/api/orders/${number}/payment`, shop, { amount: 5000, method: 'online', reference: 'KASPI-77' })).status).toBe(200);
    const again = await call('POST', `/api/orders/${number}/payment`, shop, { amount: 10, method: 'cash', reference: 'OTHER' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'already_paid' });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the write and read endpoints from the validating schemas', async () => {
    const r = await call('GET', '/api/openapi.json', shop);
    expect(r.status).toBe(200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orders', '/api/orders/{number}', '/api/orders/{number}/payment', '/api/drivers', '/api/drivers/{id}/track', '/api/alerts']));
    expect(Object.keys(doc.paths['/api/orders'] ?? {})).toEqual(['post', 'get']);
    const create = doc.components.schemas['CreateOrder'];
    expect(create?.required).toEqual(expect.arrayContaining(['externalId', 'customer', 'delivery']));
    expect(Object.keys(create?.properties ?? {})).toEqual(['externalId', 'serviceType', 'customer', 'delivery', 'pickup', 'window', 'cargo', 'warehouseId']);
    // Rows come from the table declarations: a new column shows up by itself.
    expect(doc.components.schemas['Order']?.properties).toHaveProperty('windowEnd');
    expect(doc.components.schemas['Order']?.properties).toHaveProperty('paidAt');
    expect((await call('GET', '/api/openapi.json', null)).status).toBe(401);
  });
});
