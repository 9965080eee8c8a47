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
    expect(Object.keys(state).sort()).toEqual(['destination', 'driver', 'eta', 'language', 'now', 'number', 'position', 'status', 'statusText', 'steps', 'updated'].sort());
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
    expect((state['steps'] as unknown[]).length).toBe(3);
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
});
