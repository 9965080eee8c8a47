// Users and tokens over REST (issue 16) on a real server: admins only, the token shown once and
// working at once, revoking ends it, re-issuing gives a further one; hostile bodies refused,
// named and counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthOf, restCall, type RestCallOptions } from '../testing/rest-call';
import { startTestServer, type TestServer } from '../testing/test-server';

let ts: TestServer;

beforeEach(async () => {
  ts = await startTestServer();
});

afterEach(async () => {
  await ts.stop();
});

const call = (method: string, path: string, opts: RestCallOptions = {}) => restCall(ts, method, path, { as: 'u-admin', ...opts });
const listed = async () => (await call('GET', '/api/users')).body['users'] as Array<Record<string, unknown>>;

describe('users over REST', () => {
  it('adds a user whose token works at once and is never listed; re-issues; revokes', async () => {
    const added = await call('POST', '/api/users', { body: { name: 'Айгерим Сапарова', role: 'warehouse', warehouseId: 'w1' } });
    expect(added).toEqual({ status: 201, body: { userId: expect.stringMatching(/^u-/), token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
    const { userId, token } = added.body as { userId: string; token: string };
    const me = await restCall(ts, 'GET', '/api/drivers', { as: token });
    expect(me.status).toBe(200);
    const row = (await listed()).find((u) => u['id'] === userId);
    expect(row).toEqual({ id: userId, name: 'Айгерим Сапарова', role: 'warehouse', warehouseId: 'w1', active: true, activeTokens: 1 });
    expect(JSON.stringify(await listed())).not.toContain(token);

    const again = await call('POST', `/api/users/${userId}/token`);
    expect(again).toEqual({ status: 201, body: { userId, token: expect.any(String) } });
    expect(again.body['token']).not.toBe(token);
    expect((await listed()).find((u) => u['id'] === userId)?.['activeTokens']).toBe(2);

    expect(await call('POST', `/api/users/${userId}/revoke`)).toEqual({ status: 200, body: { revoked: true } });
    expect((await restCall(ts, 'GET', '/api/drivers', { as: token })).status).toBe(401);
    expect((await restCall(ts, 'GET', '/api/drivers', { as: again.body['token'] as string })).status).toBe(401);
    expect((await listed()).find((u) => u['id'] === userId)).toMatchObject({ active: false, activeTokens: 0 });
    // Replays change nothing.
    expect(await call('POST', `/api/users/${userId}/revoke`)).toEqual({ status: 409, body: expect.objectContaining({ error: 'already_revoked', field: 'id' }) });
    expect(await call('POST', `/api/users/${userId}/token`)).toEqual({ status: 409, body: expect.objectContaining({ error: 'revoked', field: 'id' }) });
    expect((await healthOf(ts))['usersApi']).toMatchObject({ added: 1, token_issued: 1, revoked: 1, 'refused.already_revoked': 1, 'refused.revoked': 1 });
  });

  it('is for admins only: 403 for every other role, 401 without a token, nothing added', async () => {
    const before = (await listed()).length;
    for (const who of ['u-dispatcher', 'u-supervisor', 'u-logistician', 'u-warehouse']) {
      expect((await call('GET', '/api/users', { as: who })).status, who).toBe(403);
      expect((await call('POST', '/api/users', { as: who, body: { name: 'X', role: 'admin' } })).status, who).toBe(403);
      expect((await call('POST', '/api/users/u-dispatcher/revoke', { as: who })).status, who).toBe(403);
      expect((await call('POST', '/api/users/u-dispatcher/token', { as: who })).status, who).toBe(403);
    }
    expect((await call('POST', '/api/users', { as: null, body: { name: 'X', role: 'admin' } })).status).toBe(401);
    expect((await call('POST', '/api/users', { as: 'made-up', body: { name: 'X', role: 'admin' } })).status).toBe(401);
    expect(await listed()).toHaveLength(before);
    expect((await call('GET', '/api/drivers', { as: 'u-dispatcher' })).status).toBe(200);
    expect((await healthOf(ts))['usersApi']).toMatchObject({ 'refused.forbidden': 16 });
  });

  it('refuses unknown ids with 404, and an admin revoking themselves with 409', async () => {
    for (const id of ['u-nobody', '__proto__', 'constructor', '%00']) {
      expect(await call('POST', `/api/users/${id}/revoke`), id).toEqual({ status: 404, body: expect.objectContaining({ field: 'id' }) });
      expect((await call('POST', `/api/users/${id}/token`)).status, id).toBe(404);
    }
    expect(await call('POST', '/api/users/u-admin/revoke')).toEqual({ status: 409, body: expect.objectContaining({ error: 'own_user' }) });
    expect((await call('GET', '/api/users')).status).toBe(200);
  });

  it('refuses hostile bodies with a 4xx naming the field, and adds nobody', async () => {
    const before = (await listed()).length;
    const cases: Array<[string, RestCallOptions, number, string | undefined]> = [
      ['NUL in the name', { body: { name: 'Ivan\u0000', role: 'dispatcher' } }, 422, 'name'],
      ['empty name', { body: { name: ' ', role: 'dispatcher' } }, 422, 'name'],
      ['long name', { body: { name: 'x'.repeat(101), role: 'dispatcher' } }, 422, 'name'],
      ['unknown role', { body: { name: 'Ivan', role: 'root' } }, 422, 'role'],
      ['role is __proto__', { body: { name: 'Ivan', role: '__proto__' } }, 422, 'role'],
      ['unknown warehouse', { body: { name: 'Ivan', role: 'warehouse', warehouseId: 'w-nope' } }, 422, 'warehouseId'],
      ['warehouse named constructor', { body: { name: 'Ivan', role: 'warehouse', warehouseId: 'constructor' } }, 422, 'warehouseId'],
      ['__proto__ key', { raw: '{"name":"Ivan","role":"admin","__proto__":{"role":"admin"}}' }, 422, '(body)'],
      ['extra key', { body: { name: 'Ivan', role: 'dispatcher', token: 'mine' } }, 422, '(body)'],
      ['too deep', { raw: `{"name":${'['.repeat(40)}${']'.repeat(40)}}` }, 400, undefined],
      ['too large', { raw: JSON.stringify({ name: 'x'.repeat(20_000), role: 'admin' }) }, 413, undefined],
      ['not JSON', { raw: 'name=Ivan', type: 'text/plain' }, 415, undefined],
    ];
    for (const [name, opts, status, field] of cases) {
      const r = await call('POST', '/api/users', opts);
      expect(r.status, name).toBe(status);
      if (field !== undefined) expect(r.body['field'], name).toBe(field);
    }
    expect(await listed()).toHaveLength(before);
    const counted = (await healthOf(ts))['usersApi'] ?? {};
    expect(Object.entries(counted).filter(([k]) => k.startsWith('refused.')).reduce((n, [, v]) => n + v, 0)).toBe(cases.length);
  });

  it('keeps a name like __proto__ or constructor as plain text', async () => {
    for (const name of ['__proto__', 'constructor']) {
      const r = await call('POST', '/api/users', { body: { name, role: 'dispatcher' } });
      expect(r.status, name).toBe(201);
      expect((await listed()).find((u) => u['id'] === r.body['userId'])?.['name']).toBe(name);
    }
    expect(({} as Record<string, unknown>)['role']).toBeUndefined();
  });
});
