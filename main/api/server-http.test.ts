// checkedServerCall against a real HTTP server on an ephemeral port: each way a call can fail
// must come back as its own kind with the code the screen reads, an answer not in the named
// schema's form is a bad_answer, and the token travels only in the header.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { memorySettings } from '../settings/settings-store';
import { z } from 'zod';
import type { SettingsStore } from '../settings/settings-store';
import { checkedServerCall, ServerCallError, serverFile, type ServerCallOptions } from './server-http';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | null = null;

async function serve(handler: Handler): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function stop(): Promise<void> {
  const s = server;
  server = null;
  if (s === null) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
}

afterEach(stop);

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

async function failure(p: Promise<unknown>): Promise<ServerCallError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServerCallError) return e;
    throw e;
  }
  throw new Error('the call did not fail');
}

/** The transport's own failures, with a schema that takes any JSON (the form is tested below). */
const serverCall =
  (settings: SettingsStore, fetchFn: typeof fetch = fetch, options: ServerCallOptions = {}) =>
  (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) =>
    checkedServerCall(settings, fetchFn, options)(z.unknown(), method, path, body);
const call = (url: string, timeoutMs?: number) => serverCall(memorySettings({ serverUrl: url, token: 'tok-1' }), fetch, timeoutMs === undefined ? {} : { timeoutMs });

describe('checkedServerCall', () => {
  it('sends the token in the Authorization header and the body as JSON, and returns the JSON answer', async () => {
    let seen: { method?: string; url?: string; auth?: string; type?: string; body?: string } = {};
    const url = await serve((req, res, body) => {
      seen = { method: req.method, url: req.url, auth: req.headers.authorization, type: req.headers['content-type'], body };
      json(200, { ok: 1 })(req, res, body);
    });
    expect(await call(url)('POST', '/api/x?y=1', { a: 'b' })).toEqual({ ok: 1 });
    expect(seen).toEqual({ method: 'POST', url: '/api/x?y=1', auth: 'Bearer tok-1', type: 'application/json', body: '{"a":"b"}' });
  });

  it('returns null for an empty answer', async () => {
    const url = await serve((_req, res) => res.writeHead(204).end());
    expect(await call(url)('DELETE', '/api/x')).toBeNull();
  });

  it('refuses without a server configured, sending nothing', async () => {
    let sent = 0;
    const counting: typeof fetch = (...a) => ((sent += 1), fetch(...a));
    const f = await failure(serverCall(memorySettings({ serverUrl: null, token: null }), counting)('GET', '/api/x'));
    expect([f.kind, f.code, sent]).toEqual(['not_configured', 'unavailable', 0]);
  });

  it('401 is unauthorized, with the server sentence', async () => {
    const f = await failure(call(await serve(json(401, { code: 'unauthorized', message: 'Token expired' })))('GET', '/api/x'));
    expect([f.kind, f.code, f.status, f.message]).toEqual(['unauthorized', 'unauthorized', 401, 'Token expired']);
  });

  it('403 is forbidden, and says so in words when the server gave none', async () => {
    const f = await failure(call(await serve((_q, res) => res.writeHead(403).end()))('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['forbidden', 'forbidden', 403]);
    expect(f.message).toMatch(/role/);
  });

  it('400 and 422 are rejected as invalid requests with the field the server named', async () => {
    const f = await failure(call(await serve(json(422, { message: 'customerId: not yours' })))('GET', '/api/x'));
    expect([f.kind, f.code, f.message]).toEqual(['rejected', 'invalid_request', 'customerId: not yours']);
  });

  it('404 is not_found', async () => {
    const f = await failure(call(await serve(json(404, { message: 'No order MR-1' })))('GET', '/api/x'));
    expect([f.kind, f.code, f.message]).toEqual(['not_found', 'not_found', 'No order MR-1']);
  });

  it('429 is rate_limited, with the wait from Retry-After', async () => {
    const f = await failure(call(await serve((_q, res) => res.writeHead(429, { 'retry-after': '7' }).end('slow down')))('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['rate_limited', 'unavailable', 429]);
    expect(f.message).toMatch(/try again in 7 s/);
    expect(f.toBody().details).toEqual({ server: 'rate_limited', status: 429, retryAfterSec: 7 });
  });

  it('5xx is server_error, which the screen reads as unavailable', async () => {
    const f = await failure(call(await serve(json(503, { message: 'database locked' })))('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['server_error', 'unavailable', 503]);
    expect(f.message).toBe('The server failed (503): database locked; try again later');
  });

  it('a server that does not answer in time is a timeout', async () => {
    const url = await serve(() => undefined); // never answers
    const f = await failure(call(url, 150)('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['timeout', 'unavailable', null]);
    expect(f.message).toMatch(/can't be reached: it did not answer within/);
  });

  it('a body that stops half way is a timeout too', async () => {
    const url = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":'); // and never the rest
    });
    const f = await failure(call(url, 150)('GET', '/api/x'));
    expect(f.kind).toBe('timeout');
  });

  it('nobody listening is unreachable, naming why', async () => {
    const url = await serve(() => undefined);
    await stop();
    const f = await failure(call(url)('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['unreachable', 'unavailable', null]);
    expect(f.message).toMatch(/^The server can't be reached: .*ECONNREFUSED/);
  });

  it('a 200 that is not JSON (a proxy page, another service) is a bad answer, not a null', async () => {
    const f = await failure(call(await serve((_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>')))('GET', '/api/x'));
    expect([f.kind, f.code, f.status]).toEqual(['bad_answer', 'unavailable', 200]);
    expect(f.message).toMatch(/not JSON/);
  });

  it('an error page that is not JSON keeps the mapping by status', async () => {
    const f = await failure(call(await serve((_q, res) => res.writeHead(502).end('<html>Bad gateway</html>')))('GET', '/api/x'));
    expect([f.kind, f.message]).toEqual(['server_error', 'The server failed (502); try again later']);
  });

  it('an answer over 2 MB is refused', async () => {
    const f = await failure(call(await serve((_q, res) => res.writeHead(200).end(`"${'x'.repeat(2 * 1024 * 1024 + 10)}"`)))('GET', '/api/x'));
    expect(f.kind).toBe('bad_answer');
    expect(f.message).toMatch(/more than/);
  });

  it('words of a caller that says why it needed the server', async () => {
    const url = await serve(() => undefined);
    const words = { notConfigured: 'No server: reports need one', unreachable: 'The report server is gone' };
    const f = await failure(serverCall(memorySettings({ serverUrl: url, token: 't' }), fetch, { timeoutMs: 100, noServer: words })('GET', '/x'));
    expect(f.message).toMatch(/^The report server is gone: it did not answer/);
    const g = await failure(serverCall(memorySettings({}), fetch, { noServer: words })('GET', '/x'));
    expect(g.message).toBe('No server: reports need one');
  });
});

describe("checkedServerCall's schema", () => {
  const answer = z.object({ url: z.string(), expiresAt: z.number().int() });
  const checked = (url: string) => checkedServerCall(memorySettings({ serverUrl: url, token: 't' }))(answer, 'POST', '/api/driver/links?x=1', { driverId: 'd1' });

  it('passes an answer in the form on, without keys the schema does not know', async () => {
    expect(await checked(await serve(json(200, { url: 'http://x/p', expiresAt: 5, extra: 1 })))).toEqual({ url: 'http://x/p', expiresAt: 5 });
  });

  it('refuses an answer in another form as bad_answer, naming where, never passing it on', async () => {
    const f = await failure(checked(await serve(json(200, { url: 'http://x/p', expiresAt: 'soon' }))));
    expect([f.kind, f.code, f.status]).toEqual(['bad_answer', 'unavailable', 200]);
    expect(f.message).toMatch(/^The server's answer to POST \/api\/driver\/links is not in the expected form \(at expiresAt\)/);
    await stop();
    expect((await failure(checked(await serve((_q, res) => res.writeHead(204).end())))).kind).toBe('bad_answer');
  });
});

describe('serverFile', () => {
  it('returns the content type and the bytes', async () => {
    const url = await serve((_q, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([1, 2, 3])));
    const file = await serverFile(memorySettings({ serverUrl: url, token: 't' }))('/api/driver/files/f1', 10);
    expect([file.type, [...file.bytes]]).toEqual(['image/png', [1, 2, 3]]);
  });

  it('refuses a file over its limit, and maps refusals like checkedServerCall', async () => {
    const big = await serve((_q, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(11)));
    expect((await failure(serverFile(memorySettings({ serverUrl: big, token: 't' }))('/f', 10))).kind).toBe('bad_answer');
    await stop();
    const gone = await serve(json(403, { message: 'not your file' }));
    const f = await failure(serverFile(memorySettings({ serverUrl: gone, token: 't' }))('/f', 10));
    expect([f.kind, f.message]).toEqual(['forbidden', 'not your file']);
  });
});
