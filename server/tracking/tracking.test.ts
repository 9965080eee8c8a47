// The public tracking page on a real server: what it shows and hides, languages, live
// position only while in transit, expiry, hostile tokens, floods; and the REST order's
// trackingUrl and predictedArrival.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { OrderRow } from '../../shared/schema';
import { attachMessages } from '../messages/attach-messages';
import { startTestServer, type TestServer } from '../testing/test-server';

const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
const warehouse: MutationActor = { id: 'u-warehouse', name: 'Storekeeper Nurlan', actor: 'warehouse', role: 'warehouse' };
const driverActor: MutationActor = { id: 'drv', name: 'Driver', actor: 'driver', role: null };

let ts: TestServer;
const clock = { now: T0 };

function mutate(actor: MutationActor, name: string, args: unknown): void {
  const o = ts.server.runMutation(name, args, actor, clock.now);
  if (o.result !== 'applied') throw new Error(`${name}: ${JSON.stringify(o)}`);
}
const order = (n: string): OrderRow => ts.server.engine.newTx().findOrderByNumber(n)!;

async function setup(driverName = 'Ерлан Садыков'): Promise<{ id: string; token: string }> {
  ts = await startTestServer({ clock: () => clock.now });
  attachMessages(ts.server, {
    config: { publicUrl: 'https://track.example.kz', sms: null, smtp: null, telegram: null },
    clock: () => clock.now,
    senderIntervalMs: 3_600_000,
    watchIntervalMs: 3_600_000,
    tileUrl: null,
    trackingPerMinute: 60,
    trackingBurst: 30,
  });
  ts.server.engine.writeRows((tx) => {
    const d = tx.get('drivers', 'd1')!;
    tx.put('drivers', { ...d, name: driverName, phone: '+77059998877', lat: 51.17, lon: 71.44, fixAt: T0, speedKmh: 30 });
  });
  mutate(dispatcher, 'createOrder', { ...ORDER_ARGS, number: 'MR-10', customerEmail: 'secret@customer.kz' });
  const id = order('MR-10').id;
  mutate(dispatcher, 'confirmOrder', { orderId: id });
  mutate(dispatcher, 'assignDriver', { orderId: id, driverId: 'd1', seenVersion: order('MR-10').version });
  const token = ts.server.engine.newTx().get('tracking_links', id)!.token;
  return { id, token };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${ts.server.url}${path}`, { headers });
const post = (path: string, headers: Record<string, string> = {}, body?: string) => fetch(`${ts.server.url}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
const optOutEvents = (orderId: string) =>
  (ts.server.db.sqlite.prepare("SELECT actor_id AS way FROM order_events WHERE order_id = ? AND reason = 'customer_opted_out'").all(orderId) as Array<{ way: string }>).map((r) => r.way);
const prefsOf = (id: string) => ts.server.engine.newTx().get('customer_prefs', id);

beforeEach(() => {
  clock.now = T0;
});
afterEach(async () => {
  await ts.stop();
});

describe('tracking page', () => {
  it('shows status, steps, arrival and the driver first name, never phones or e-mails; live position only in transit', async () => {
    const { id, token } = await setup();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    let state = (await (await get(`/t/${token}/state`)).json()) as Record<string, unknown>;
    expect(Object.keys(state).sort()).toEqual(['destination', 'driver', 'eta', 'language', 'now', 'number', 'position', 'status', 'statusText', 'steps', 'updated', 'optedOut'].sort());
    expect(state).toMatchObject({ number: 'MR-10', status: 'confirmed', statusText: 'Подтверждён', driver: 'Ерлан', position: null, destination: null });
    expect(state['eta']).not.toBeNull();

    mutate(warehouse, 'markPicked', { orderId: id, source: 'scan' });
    mutate(dispatcher, 'setStatus', { orderId: id, to: 'in_transit' });
    const res = await get(`/t/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-");
    const html = await res.text();
    expect(html).toContain('MR-10');
    expect(html).toContain('В пути');
    for (const secret of ['+7 701 111 22 33', '77011112233', 'Садыков', '+77059998877', 'secret@customer.kz', ORDER_ARGS.customerName, ORDER_ARGS.deliveryAddress]) {
      expect(html).not.toContain(secret);
    }
    state = (await (await get(`/t/${token}/state`)).json()) as Record<string, unknown>;
    expect(state['position']).toEqual({ lat: 51.17, lon: 71.44, fixAt: T0 });
    // All three happened at T0: one moment keeps the order they were recorded in.
    expect((state['steps'] as Array<{ status: string }>).map((s) => s.status)).toEqual(['confirmed', 'at_warehouse', 'in_transit']);
    expect(JSON.stringify(state)).not.toContain('77011112233');

    // The driver moves: the next poll shows it without a reload.
    ts.server.engine.writeRows((tx) => tx.put('drivers', { ...tx.get('drivers', 'd1')!, lat: 51.165, fixAt: T0 + 5000 }));
    clock.now = T0 + 10_000;
    state = (await (await get(`/t/${token}/state`)).json()) as Record<string, unknown>;
    expect(state['position']).toMatchObject({ lat: 51.165 });

    mutate(driverActor, 'setStatus', { orderId: id, to: 'delivered', source: 'manual' });
    state = (await (await get(`/t/${token}/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ status: 'delivered', position: null, destination: null, eta: null, driver: null });

    // Expires linkDays (7) after the order finished.
    clock.now = T0 + 8 * 86_400_000;
    expect((await get(`/t/${token}`)).status).toBe(410);
    expect((await get(`/t/${token}/state`)).status).toBe(410);
  });

  it("speaks the customer's language: ?lang, their stored language, then Accept-Language", async () => {
    const { token } = await setup();
    expect(await (await get(`/t/${token}?lang=kk`)).text()).toContain('Тапсырысты бақылау');
    expect(await (await get(`/t/${token}`, { 'accept-language': 'en-US,en;q=0.9' })).text()).toContain('Order tracking');
    expect(await (await get(`/t/${token}?lang=xx`)).text()).toContain('Отслеживание заказа');
  });

  it('hostile tokens all get the same 404; markup in a name cannot close the script', async () => {
    const { token } = await setup('</script><script>alert(1)</script>');
    const bodies = new Set<string>();
    for (const bad of ['abc', '__proto__', 'constructor', 'A'.repeat(22), `${token.slice(0, 21)}x`, '%00', "'%20OR%201=1--", 'x'.repeat(5000), '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A']) {
      const r = await get(`/t/${bad}/state`);
      // Undecodable percent-escapes match no route at all: the router's 401, still no page.
      expect(bad === '%E0%A4%A' ? 401 : 404).toBe(r.status);
      if (r.status === 404) bodies.add(await r.text());
    }
    expect(bodies.size).toBe(1);
    const html = await (await get(`/t/${token}`)).text();
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('a flood is cut off with 429 and counted', async () => {
    const { token } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await get(`/t/${token}/state`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    // The bucket refills with time.
    clock.now += 60_000;
    expect((await get(`/t/${token}/state`)).status).toBe(200);
    const health = (await (await get('/health', { authorization: `Bearer ${ts.tokens['u-admin']}` })).json()) as { messages: { tracking: { rateLimited: number } } };
    expect(health.messages.tracking.rateLimited).toBe(10);
  });

  it('REST GET /api/orders/:number carries trackingUrl and predictedArrival (with a token only)', async () => {
    const { token } = await setup();
    expect((await get('/api/orders/MR-10')).status).toBe(401);
    const body = (await (await get('/api/orders/MR-10', { authorization: `Bearer ${ts.tokens['u-dispatcher']}` })).json()) as Record<string, unknown>;
    expect(body['trackingUrl']).toBe(`https://track.example.kz/t/${token}`);
    expect(body['predictedArrival']).toMatchObject({ basis: { stopsAhead: 1, speedSource: 'fallback' } });
    expect((body['predictedArrival'] as { at: number }).at).toBeGreaterThan(T0);
  });

  it("the page's button opts the customer out: the token in a header only, idempotent, on the timeline; hostile requests change nothing", async () => {
    const { id, token } = await setup();
    // The order has no customer record: the opt-out is the order's own (prefsIdOf).
    const prefsId = `order:${id}`;
    const html = await (await get(`/t/${token}?lang=kk`)).text();
    expect(html).toContain('Хабарлама жібермеңіз');
    expect(html).toContain('id="unsubscribe"');
    const refused = async (res: Response, status: number, field: string) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { field: string }).field).toBe(field);
    };
    await refused(await post('/t-api/opt-out'), 400, 'x-tracking-token');
    await refused(await post(`/t-api/opt-out?token=${token}`), 400, 'x-tracking-token');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': '' }), 400, 'x-tracking-token');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': 'A'.repeat(22) }), 404, 'x-tracking-token');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': '__proto__' }), 404, 'x-tracking-token');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': `${token}, ${token}` }), 404, 'x-tracking-token');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': token }, 'x'.repeat(5000)), 413, 'body');
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': token, 'content-type': 'application/json' }, '{"optOut":false,"__proto__":{"x":1}}'), 400, 'body');
    expect(prefsOf(prefsId)).toBeUndefined();
    expect(optOutEvents(id)).toEqual([]);

    // Another order's token opts out that order's customer, not this one.
    mutate(dispatcher, 'createOrder', { ...ORDER_ARGS, number: 'MR-11' });
    const otherId = order('MR-11').id;
    mutate(dispatcher, 'confirmOrder', { orderId: otherId });
    const otherToken = ts.server.engine.newTx().get('tracking_links', otherId)!.token;
    const first = await post('/t-api/opt-out', { 'x-tracking-token': otherToken });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ optedOut: true, changed: true });
    expect(prefsOf(`order:${otherId}`)?.optOut).toBe(true);
    expect(prefsOf(prefsId)).toBeUndefined();

    // This order's own token: done once; a replay answers the same and writes nothing more.
    expect(await (await post('/t-api/opt-out', { 'x-tracking-token': token })).json()).toEqual({ optedOut: true, changed: true });
    const row = prefsOf(prefsId);
    expect(row).toMatchObject({ optOut: true, language: 'ru', alsoNotify: [] });
    expect(await (await post('/t-api/opt-out', { 'x-tracking-token': token }, '{}')).json()).toEqual({ optedOut: true, changed: false });
    expect(prefsOf(prefsId)).toEqual(row);
    expect(optOutEvents(id)).toEqual(['tracking_page']);
    expect(((await (await get(`/t/${token}/state`)).json()) as { optedOut: boolean }).optedOut).toBe(true);

    // Expired links refuse it too.
    mutate(warehouse, 'markPicked', { orderId: otherId, source: 'scan' });
    mutate(dispatcher, 'assignDriver', { orderId: otherId, driverId: 'd1', seenVersion: order('MR-11').version });
    mutate(dispatcher, 'setStatus', { orderId: otherId, to: 'in_transit' });
    mutate(driverActor, 'setStatus', { orderId: otherId, to: 'delivered', source: 'manual' });
    clock.now = T0 + 8 * 86_400_000;
    await refused(await post('/t-api/opt-out', { 'x-tracking-token': otherToken }), 410, 'x-tracking-token');
    await refused(await post(`/t/${otherToken}/unsubscribe`, { 'content-type': 'application/x-www-form-urlencoded' }, 'List-Unsubscribe=One-Click'), 410, 'token');
    const health = (await (await get('/health', { authorization: `Bearer ${ts.tokens['u-admin']}` })).json()) as { messages: { tracking: Record<string, number> } };
    expect(health.messages.tracking).toMatchObject({ optedOut: 2, optOutRepeated: 1, optOutRefused: 10 });
  });

  it("a mail program's one-click unsubscribe (RFC 8058) opts out; the address opened in a browser leads to the page's button", async () => {
    const { id, token } = await setup();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const missing = await post(`/t/${token}/unsubscribe`, form, '');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { field: string }).field).toBe('List-Unsubscribe');
    expect((await post(`/t/${'B'.repeat(22)}/unsubscribe`, form, 'List-Unsubscribe=One-Click')).status).toBe(404);
    expect(prefsOf(`order:${id}`)).toBeUndefined();
    expect(await (await post(`/t/${token}/unsubscribe`, form, 'List-Unsubscribe=One-Click')).json()).toEqual({ optedOut: true, changed: true });
    expect(optOutEvents(id)).toEqual(['email_one_click']);
    const open = await fetch(`${ts.server.url}/t/${token}/unsubscribe`, { redirect: 'manual' });
    expect(open.status).toBe(303);
    expect(open.headers.get('location')).toBe(`/t/${token}#unsubscribe`);
    // Opening it only leads to the button: a link preview fetching it changes nothing.
    expect(optOutEvents(id)).toEqual(['email_one_click']);
  });

  it('opt-out requests share the page bucket: a flood gets 429 and changes nothing', async () => {
    const { id } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await post('/t-api/opt-out', { 'x-tracking-token': 'C'.repeat(22) })).status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(prefsOf(`order:${id}`)).toBeUndefined();
  });
});
