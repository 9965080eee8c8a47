// One structured logger on the server: every REST and webhook line carries its request id,
// which the answer's X-Request-Id header repeats, and webhook tokens in the URL are never logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCouriers } from '../couriers/attach-couriers';
import { memoryLogger, type MemoryLogger } from '../testing/memory-logger';
import { startTestServer, type TestServer } from '../testing/test-server';

let ts: TestServer;
let log: MemoryLogger;

beforeEach(async () => {
  log = memoryLogger();
  ts = await startTestServer({ logger: log.logger });
  attachCouriers(ts.server, { env: { MARSHRUT_WEBHOOK_SECRET_CDEK: 'cdek-token' } });
});

afterEach(async () => {
  await ts.stop();
});

const linesOf = (reqId: string) => log.lines.filter((l) => l['reqId'] === reqId);

describe('request log', () => {
  it('gives every REST request an id, in the header and on its line', async () => {
    const res = await fetch(`${ts.server.url}/api/drivers`, { headers: { authorization: `Bearer ${ts.tokens['u-dispatcher']}` } });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(id)).toEqual([expect.objectContaining({ level: 30, component: 'http', msg: 'request', method: 'GET', path: '/api/drivers', status: 200 })]);
    // A proxy's id is kept; a hostile one is replaced.
    const given = await fetch(`${ts.server.url}/api/drivers`, { headers: { 'x-request-id': 'edge-42' } });
    expect(given.headers.get('x-request-id')).toBe('edge-42');
    expect(linesOf('edge-42')).toEqual([expect.objectContaining({ status: 401 })]);
    const hostile = await fetch(`${ts.server.url}/api/drivers`, { headers: { 'x-request-id': 'a b {"x":1}' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a webhook refusal under the request id, without the token from the URL', async () => {
    const res = await fetch(`${ts.server.url}/integrations/cdek/webhook?token=wrong-secret`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    const lines = linesOf(res.headers.get('x-request-id') ?? '');
    expect(lines.map((l) => l.msg)).toEqual(['webhook refused: wrong or missing secret', 'request']);
    expect(lines[0]).toMatchObject({ level: 40, component: 'http', provider: 'cdek' });
    expect(lines[1]).toMatchObject({ path: '/integrations/cdek/webhook', status: 401 });
    expect(JSON.stringify(log.lines)).not.toContain('wrong-secret');
  });
});
