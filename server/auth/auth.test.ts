import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { connectTestClient, upgradeStatus } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.stop();
});

const get = (path: string, token?: string): Promise<Response> =>
  fetch(`${t.server.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

describe('HTTP authentication', () => {
  it('refuses a missing, wrong or malformed token with 401, even on unknown paths', async () => {
    for (const path of ['/metrics', '/api/orders', '/api/drivers', '/no/such/path']) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'wrong-token')).status).toBe(401);
    }
    const basic = await fetch(`${t.server.url}/api/orders`, { headers: { authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
    expect(await basic.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('accepts a valid token, and 404s unknown paths only then', async () => {
    const token = t.tokens['u-dispatcher'] as string;
    expect((await get('/api/orders', token)).status).toBe(200);
    expect((await get('/no/such/path', token)).status).toBe(404);
  });

  it('refuses a revoked token', async () => {
    const token = t.tokens['u-dispatcher'] as string;
    expect(t.server.users.revokeUser('u-dispatcher')).toBe(true);
    expect((await get('/api/orders', token)).status).toBe(401);
    // Other users are unaffected.
    expect((await get('/api/orders', t.tokens['u-admin'])).status).toBe(200);
  });

  it('takes REST tokens from the Authorization header only: ?token= is refused and says why', async () => {
    const token = t.tokens['u-admin'] as string;
    for (const path of ['/api/orders', '/api/drivers', '/metrics', '/api/alerts']) {
      const res = await get(`${path}?token=${encodeURIComponent(token)}`);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/Authorization header/);
    }
    // /health stays public but shows the full report only for a header token.
    const viaQuery = (await (await get(`/health?token=${encodeURIComponent(token)}`)).json()) as Record<string, unknown>;
    expect(Object.keys(viaQuery).sort()).toEqual(['status', 'version']);
  });

  it('stores only token hashes', () => {
    const token = t.tokens['u-dispatcher'] as string;
    const rows = t.server.db.sqlite.prepare('SELECT token_hash FROM user_tokens').all() as Array<{ token_hash: string }>;
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('WebSocket authentication', () => {
  it('refuses the upgrade with 401 for a missing, wrong or revoked token', async () => {
    expect(await upgradeStatus(t.server.url, {})).toBe(401);
    expect(await upgradeStatus(t.server.url, { authorization: 'Bearer nope' })).toBe(401);
    expect(await upgradeStatus(t.server.url, {}, '?token=nope')).toBe(401);
    t.server.users.revokeUser('u-dispatcher');
    expect(await upgradeStatus(t.server.url, { authorization: `Bearer ${t.tokens['u-dispatcher']}` })).toBe(401);
  });

  it('accepts the header or ?token= (browsers)', async () => {
    const token = t.tokens['u-admin'] as string;
    expect(await upgradeStatus(t.server.url, { authorization: `Bearer ${token}` })).toBe(101);
    const c = await connectTestClient(t.server.url, token, { query: true });
    c.hello();
    const welcome = await c.next('welcome');
    expect(welcome.user).toEqual({ id: 'u-admin', name: 'Admin Timur', role: 'admin' });
    c.close();
  });

  it('ends a session whose token is revoked at its next push', async () => {
    const c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
    c.hello();
    await c.next('caught-up');
    t.server.users.revokeUser('u-dispatcher');
    c.send({ type: 'push', mutations: [{ mid: 1, name: 'addComment', args: { orderId: 'x', text: 'hi' }, at: 1 }] });
    expect(await c.next('error')).toMatchObject({ code: 'unauthorized' });
    expect((await c.closed).code).toBe(4001);
    expect(t.server.engine.lastMid('client-a')).toBe(0);
  });
});
