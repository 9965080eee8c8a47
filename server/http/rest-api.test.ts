import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import { startTestServer, type TestServer } from '../testing/test-server';
import { PROTOCOL_VERSION } from '../../shared/protocol';

let t: TestServer;
let clock = T0;
const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };

beforeEach(async () => {
  clock = T0;
  t = await startTestServer({ clock: () => clock });
  for (const n of ['1', '2', '3']) {
    clock += 1000;
    expect(t.server.runMutation('createOrder', { ...ORDER_ARGS, number: `MR-${n}` }, dispatcher, clock).result).toBe('applied');
  }
  clock += 1000;
  const o2 = t.server.engine.newTx().findOrderByNumber('MR-2');
  expect(t.server.runMutation('confirmOrder', { orderId: o2?.id }, dispatcher, clock).result).toBe('applied');
});
afterEach(async () => {
  await t.stop();
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${t.tokens['u-supervisor']}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('REST API', () => {
  it('GET /api/orders/:number gives the order with its events in time order', async () => {
    const { status, body } = await get('/api/orders/MR-2');
    expect(status).toBe(200);
    expect(body['order']).toMatchObject({ number: 'MR-2', status: 'confirmed', version: 2 });
    expect((body['order'] as { slaDeadline: number | null }).slaDeadline).toBeGreaterThan(T0);
    const events = body['events'] as Array<{ kind: string; toStatus: string | null; at: number }>;
    expect(events.map((e) => [e.kind, e.toStatus])).toEqual([
      ['created', 'new'],
      ['status', 'confirmed'],
    ]);
    expect(await get('/api/orders/MR-404')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('GET /api/orders filters by status (one or several) and updatedSince', async () => {
    const all = await get('/api/orders');
    expect((all.body['orders'] as unknown[]).length).toBe(3);
    const confirmed = await get('/api/orders?status=confirmed');
    expect((confirmed.body['orders'] as Array<{ number: string }>).map((o) => o.number)).toEqual(['MR-2']);
    const both = await get('/api/orders?status=new,confirmed');
    expect((both.body['orders'] as unknown[]).length).toBe(3);
    const since = await get(`/api/orders?updatedSince=${T0 + 3000}`);
    expect((since.body['orders'] as Array<{ number: string }>).map((o) => o.number)).toEqual(['MR-3', 'MR-2']);
    const page = await get('/api/orders?limit=2');
    expect(page.body).toMatchObject({ truncated: true });
  });

  it('GET /api/orders answers bad filters with 400 and the reason', async () => {
    const bad = await get('/api/orders?status=lost');
    expect(bad.status).toBe(400);
    expect(String(bad.body['message'])).toMatch(/status/);
    expect((await get('/api/orders?updatedSince=yesterday')).status).toBe(400);
  });

  it('GET /api/drivers gives drivers with their last position (null when none)', async () => {
    t.server.db.sqlite.prepare("UPDATE drivers SET lat = 51.1, lon = 71.4, fix_at = ?, charging = 1 WHERE id = 'd1'").run(T0);
    const { status, body } = await get('/api/drivers');
    expect(status).toBe(200);
    const drivers = body['drivers'] as Array<{ id: string; position: Record<string, unknown> | null }>;
    expect(drivers.find((d) => d.id === 'd1')?.position).toMatchObject({ lat: 51.1, lon: 71.4, fixAt: T0, charging: true });
    expect(drivers.find((d) => d.id === 'd2')?.position).toBeNull();
    // The GPS module can supply positions from memory instead.
    t.server.setLastPositionSource((d) => (d.id === 'd2' ? { lat: 1, lon: 2, headingDeg: null, speedKmh: 30, accuracyM: 5, battery: 0.5, charging: false, fixAt: T0 } : null));
    const again = await get('/api/drivers');
    expect((again.body['drivers'] as Array<{ id: string; position: unknown }>).find((d) => d.id === 'd2')?.position).toMatchObject({ speedKmh: 30 });
  });

  it('GET /health reports version, uptime, counts and module sections', async () => {
    t.server.addHealth('gps', () => ({ accepted: 5 }));
    clock += 61_000;
    const res = await fetch(`${t.server.url}/health`, { headers: { authorization: `Bearer ${t.tokens['u-admin']}` } });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', version: '0.1.0', protocolVersion: PROTOCOL_VERSION, counts: { orders: 3, drivers: 2 }, gps: { accepted: 5 } });
    expect(body['uptimeS']).toBeGreaterThanOrEqual(61);
  });

  it('lets modules mount routes, with or without user auth', async () => {
    t.server.addRoute({ method: 'POST', path: '/integrations/:provider/webhook', auth: 'none', handler: ({ res, params }) => void res.end(params['provider']) });
    const hook = await fetch(`${t.server.url}/integrations/cdek/webhook`, { method: 'POST' });
    expect(await hook.text()).toBe('cdek');
    const wrongMethod = await fetch(`${t.server.url}/integrations/cdek/webhook`, { headers: { authorization: `Bearer ${t.tokens['u-admin']}` } });
    expect(wrongMethod.status).toBe(405);
  });
});
