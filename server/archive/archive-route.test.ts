// The order archive on the server: old orders found by number, phone or customer (any script,
// any case), newest first in pages, opened with their timeline; and refused, named and counted
// when the question is not a dispatcher's: other roles, no token, FTS and LIKE syntax, NUL
// bytes, a huge limit, a day in 2100, a repeated parameter, a flood.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderEvents, orders } from '../../shared/schema';
import { archiveCardSchema, archiveSearchPageSchema } from '../../shared/archive/archive-search';
import { testOrderRow } from '../../shared/testing/order-row';
import { T0 } from '../../shared/testing/fake-world';
import { startTestServer, type TestServer } from '../testing/test-server';

const DAY = 86_400_000;
let t: TestServer;
let now = T0;

beforeEach(async () => {
  now = T0;
  t = await startTestServer({ clock: () => now });
  const old = (i: number, over: Partial<Parameters<typeof testOrderRow>[0]> = {}) =>
    testOrderRow({ id: `o-old-${i}`, number: `MR-9${String(i).padStart(4, '0')}`, status: 'delivered', createdAt: T0 - 400 * DAY + i * 60_000, updatedAt: T0 - 399 * DAY + i, statusChangedAt: T0 - 399 * DAY, deliveredAt: T0 - 399 * DAY, ...over });
  const rows = [
    old(1, { customerName: 'ТОО «Ёлка-Трейд»', customerPhone: '+7 701 345 39 42', driverId: 'd1' }),
    old(2, { customerName: 'Aigerim 100%_shop', customerPhone: '8 (777) 111-22-33' }),
    old(3, { customerName: 'ёлка и сосна', customerPhone: '' }),
    ...Array.from({ length: 30 }, (_, i) => old(10 + i, { customerName: `Bulk customer ${i}` })),
    // Changed yesterday: the desktop's window holds it, so a search "before" its window skips it.
    testOrderRow({ id: 'o-recent', number: 'MR-90500', customerName: 'Bulk customer recent', createdAt: T0 - 2 * DAY, updatedAt: T0 - DAY, statusChangedAt: T0 - DAY }),
  ];
  t.server.db.orm.insert(orders).values(rows).run();
  t.server.db.orm
    .insert(orderEvents)
    .values([
      { id: 'e1', orderId: 'o-old-1', kind: 'created', at: T0 - 400 * DAY, fromStatus: null, toStatus: 'new', subMark: null, actor: 'dispatcher', actorId: 'u-dispatcher', actorName: 'Dispatcher Aigerim', source: 'manual', reason: null, comment: null, driverId: null, changes: null, handover: null },
      { id: 'e2', orderId: 'o-old-1', kind: 'status', at: T0 - 399 * DAY, fromStatus: 'in_transit', toStatus: 'delivered', subMark: null, actor: 'driver', actorId: null, actorName: null, source: 'driver', reason: null, comment: null, driverId: 'd1', changes: null, handover: null },
    ])
    .run();
});
afterEach(async () => {
  await t.stop();
});

/** Each request a second after the last (the rate limit has its own test). */
async function get(path: string, token: string | null = t.tokens['u-dispatcher'] ?? null, step = 1000): Promise<{ status: number; body: Record<string, unknown> }> {
  now += step;
  const res = await fetch(`${t.server.url}${path}`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const numbers = (body: Record<string, unknown>) => archiveSearchPageSchema.parse(body).orders.map((o) => o.number);
const q = (params: Record<string, string>) => `/api/archive/orders?${new URLSearchParams(params).toString()}`;

describe('GET /api/archive/orders', () => {
  it('finds an old order by the start of its number, in any case', async () => {
    expect(numbers((await get(q({ number: 'MR-90001' }))).body)).toEqual(['MR-90001']);
    expect(numbers((await get(q({ number: 'mr-9000' }))).body)).toEqual(['MR-90003', 'MR-90002', 'MR-90001']);
  });

  it('finds by any run of the phone digits, typed with 8 or +7 and separators', async () => {
    expect(numbers((await get(q({ phone: '345 39 42' }))).body)).toEqual(['MR-90001']);
    expect(numbers((await get(q({ phone: '8 701 345-39' }))).body)).toEqual(['MR-90001']);
    expect(numbers((await get(q({ phone: '+7 (777) 111' }))).body)).toEqual(['MR-90002']);
  });

  it('finds by part of the customer name whatever the case, ё as е, and % _ as plain characters', async () => {
    expect(numbers((await get(q({ customer: 'ЕЛКА' }))).body)).toEqual(['MR-90003', 'MR-90001']);
    expect(numbers((await get(q({ customer: '100%_' }))).body)).toEqual(['MR-90002']);
    // A LIKE wildcard alone matches nothing: it is a character, not "anything".
    expect(numbers((await get(q({ customer: '%%' }))).body)).toEqual([]);
    // FTS syntax is characters too: no error, no match.
    const fts = await get(q({ customer: '"elka" OR NEAR(a b) *' }));
    expect(fts.status).toBe(200);
    expect(numbers(fts.body)).toEqual([]);
  });

  it('pages newest first, says when there is more, and leaves out what the desktop window holds', async () => {
    const first = await get(q({ customer: 'bulk customer', limit: '20', before: '2025-01-01' }));
    const page = archiveSearchPageSchema.parse(first.body);
    expect(page.orders).toHaveLength(20);
    expect(page.hasMore).toBe(true);
    expect(page.orders[0]?.number).toBe('MR-90039');
    const second = archiveSearchPageSchema.parse((await get(q({ customer: 'bulk customer', limit: '20', offset: '20', before: '2025-01-01' }))).body);
    expect(second.orders.map((o) => o.number)).toEqual(Array.from({ length: 10 }, (_, i) => `MR-900${19 - i}`));
    expect(second.hasMore).toBe(false);
    // Without `before` the recent order is found too; with the window's first day it is not.
    expect(numbers((await get(q({ customer: 'recent' }))).body)).toEqual(['MR-90500']);
    expect(numbers((await get(q({ customer: 'recent', before: '2025-03-01' }))).body)).toEqual([]);
  });

  it('names the driver and shows no more than the archive view', async () => {
    const page = archiveSearchPageSchema.parse((await get(q({ number: 'MR-90001' }))).body);
    expect(page.orders[0]?.driverName).toBe('Driver Arman');
    expect(Object.keys(page.orders[0] ?? {})).not.toContain('externalSource');
  });

  it.each([
    [{ customer: 'a\u0000b' }, 'customer'],
    [{ number: 'MR-1 OR 1=1' }, 'number'],
    [{ phone: '12' }, 'phone'],
    [{ customer: 'x'.repeat(101) }, 'customer'],
    [{ customer: 'ab', limit: '1000000' }, 'limit'],
    [{ customer: 'ab', limit: '-1' }, 'limit'],
    [{ customer: 'ab', offset: '5001' }, 'offset'],
    [{ customer: 'ab', limit: 'abc' }, 'limit'],
    [{ customer: 'ab', before: '2100-01-01' }, 'before'],
    [{ customer: 'ab', before: '1999-12-31' }, 'before'],
    [{ customer: 'ab', before: '2025-02-30' }, 'before'],
    [{ customer: 'ab', __proto__x: '1' }, '__proto__x'],
    [{}, 'number'],
    [{ customer: 'ab', phone: '7013453942' }, 'number'],
  ])('refuses %j with 400 naming %s, and counts it', async (params, field) => {
    const before = ((await get('/health', t.tokens['u-admin'])).body['archive'] as Record<string, number>)['invalid'] ?? 0;
    const { status, body } = await get(q(params as Record<string, string>));
    expect(status).toBe(400);
    expect(body['field']).toBe(field);
    expect(String(body['message'])).toContain(field);
    expect(((await get('/health', t.tokens['u-admin'])).body['archive'] as Record<string, number>)['invalid']).toBe(before + 1);
  });

  it('refuses a repeated parameter rather than guess which one was meant', async () => {
    const { status, body } = await get('/api/archive/orders?customer=ab&customer=cd');
    expect(status).toBe(400);
    expect(body['field']).toBe('customer');
  });

  it('is for the desk only: other roles 403, no or wrong token 401, a token in the URL 401', async () => {
    for (const user of ['u-logistician', 'u-warehouse']) expect((await get(q({ customer: 'ab' }), t.tokens[user])).status).toBe(403);
    for (const user of ['u-supervisor', 'u-admin']) expect((await get(q({ customer: 'ab' }), t.tokens[user])).status).toBe(200);
    expect((await get(q({ customer: 'ab' }), null)).status).toBe(401);
    expect((await get(q({ customer: 'ab' }), 'not-a-token')).status).toBe(401);
    expect((await get(`${q({ customer: 'ab' })}&token=${t.tokens['u-dispatcher']}`, null)).status).toBe(401);
    const counts = (await get('/health', t.tokens['u-admin'])).body['archive'] as Record<string, number>;
    expect(counts['forbidden']).toBe(2);
  });

  it('slows a flood with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await get(q({ customer: 'ab' }), t.tokens['u-dispatcher'], 0)).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const counts = (await get('/health', t.tokens['u-admin'])).body['archive'] as Record<string, number>;
    expect(counts['rateLimited']).toBe(2);
  });
});

describe('GET /api/archive/orders/:number', () => {
  it('opens an old order with its timeline, oldest first', async () => {
    const { status, body } = await get('/api/archive/orders/mr-90001');
    expect(status).toBe(200);
    const card = archiveCardSchema.parse(body);
    expect(card.order.number).toBe('MR-90001');
    expect(card.order.status).toBe('delivered');
    expect(card.events.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('answers 404 naming the number for an unknown order and 400 for a hostile one', async () => {
    const missing = await get('/api/archive/orders/MR-00000');
    expect(missing.status).toBe(404);
    expect(missing.body['field']).toBe('number');
    for (const bad of ['MR%0000', `${'M'.repeat(65)}`, 'a%22%20OR%201']) {
      const r = await get(`/api/archive/orders/${bad}`);
      expect(r.status).toBe(400);
      expect(r.body['field']).toBe('number');
    }
    expect((await get('/api/archive/orders/MR-90001', t.tokens['u-warehouse'])).status).toBe(403);
  });
});
