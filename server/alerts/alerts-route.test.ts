import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import { startTestServer, type TestServer } from '../testing/test-server';
import { attachAlerts } from './attach-alerts';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
let t: TestServer;
let clock = local('2025-03-04', '09:00');

beforeEach(async () => {
  clock = local('2025-03-04', '09:00');
  t = await startTestServer({ clock: () => clock });
  const sched = attachAlerts(t.server, { clock: () => clock, timers: { set: () => 0, clear: () => undefined } });
  for (const n of ['MR-1', 'MR-2']) {
    expect(t.server.runMutation('createOrder', { ...ORDER_ARGS, number: n }, dispatcher, clock).result).toBe('applied');
  }
  const id = t.server.engine.newTx().findOrderByNumber('MR-1')?.id;
  expect(t.server.runMutation('confirmOrder', { orderId: id }, dispatcher, clock).result).toBe('applied');
  clock = local('2025-03-04', '13:30'); // MR-1 (express, due 13:00) breached; MR-2 not taken for 4.5 h
  sched.tick();
});
afterEach(async () => {
  await t.stop();
});

async function get(path: string, token: string | null | undefined = t.tokens['u-supervisor']): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.server.url}${path}`, token == null ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/alerts', () => {
  it('lists alerts newest first, filtered by state, kind, priority and order', async () => {
    const open = await get('/api/alerts?state=open');
    expect(open.status).toBe(200);
    const kinds = (open.body['alerts'] as Array<{ kind: string; orderNumber: string }>).map((a) => `${a.orderNumber}:${a.kind}`);
    expect(kinds).toEqual(['MR-1:sla_breach', 'MR-2:not_taken']);
    const all = await get('/api/alerts');
    expect((all.body['alerts'] as unknown[]).length).toBe(4); // + the superseded warning and supervisor warning
    const prio = await get('/api/alerts?priority=true');
    expect((prio.body['alerts'] as Array<{ kind: string; tasks: unknown[] }>).map((a) => a.kind)).toEqual(['sla_breach']);
    expect(((prio.body['alerts'] as Array<{ tasks: unknown[] }>)[0]?.tasks ?? []).length).toBeGreaterThan(1);
    const byOrder = await get('/api/alerts?order=MR-2&kind=not_taken,not_picked');
    expect((byOrder.body['alerts'] as unknown[]).length).toBe(1);
    expect(await get('/api/alerts?limit=1')).toMatchObject({ body: { truncated: true } });
  });

  it('needs a token and answers bad filters with 400', async () => {
    expect((await get('/api/alerts', null)).status).toBe(401);
    expect((await get('/api/alerts', 'wrong')).status).toBe(401);
    const bad = await get('/api/alerts?state=closed');
    expect(bad.status).toBe(400);
    expect(String(bad.body['message'])).toMatch(/state/);
  });
});
