// The sign-in link and sign-out handlers against a real HTTP server on an ephemeral port: the
// server's answer is checked against the shared contract (driverLinkAnswer, revokeDriverPhoneAnswer),
// so an answer in another form is a bad_answer and never reaches the QR code or the screen.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onePerTest, tempReplica } from '../testing/fixture-replica';
import { silentLogger } from '../../platform/log/logger';
import { memorySettings } from '../settings/settings-store';
import { driverPhoneHandlers } from './driver-phone-handlers';
import type { HandlerContext } from './handler-context';
import { ServerCallError } from './server-http';

let server: Server | null = null;
const fx = onePerTest(tempReplica);
let seen: { method?: string; url?: string; auth?: string; body?: string }[] = [];

/** Serves `answer` (raw text, so `__proto__` keys survive) to every request. */
async function serve(answer: string): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  seen = [];
});
afterEach(async () => {
  const s = server;
  server = null;
  if (s === null) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
});

function handlers(url: string) {
  const ctx: HandlerContext = {
    replica: fx().replica,
    mutate: () => Promise.reject(new Error('no mutation is expected here')),
    now: () => 0,
    actor: () => 'dispatcher',
    userId: () => 'u-1',
    logger: silentLogger(),
  };
  return driverPhoneHandlers(ctx, memorySettings({ serverUrl: url, token: 'tok-1' }));
}

async function failure(p: unknown): Promise<ServerCallError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServerCallError) return e;
    throw e;
  }
  throw new Error('the call did not fail');
}

const LINK = 'https://srv.example/driver#t=abc';
const EXPIRES = Date.UTC(2026, 11, 3);

describe('issueDriverLink', () => {
  it('passes a well-formed answer on with its QR code, asking with the token in the header', async () => {
    const h = handlers(await serve(JSON.stringify({ url: LINK, expiresAt: EXPIRES })));
    const view = await h.issueDriverLink({ driverId: 'd-1' });
    expect(view).toMatchObject({ url: LINK, expiresAt: EXPIRES });
    expect(view.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(seen).toEqual([{ method: 'POST', url: '/api/driver/links', auth: 'Bearer tok-1', body: '{"driverId":"d-1"}' }]);
  });

  it.each([
    ['a missing field', `{"url":"${LINK}"}`],
    ['a number where the URL is', `{"url":42,"expiresAt":${EXPIRES}}`],
    ['a time given as text', `{"url":"${LINK}","expiresAt":"${EXPIRES}"}`],
    ['a URL that is not http(s)', `{"url":"javascript:alert(1)","expiresAt":${EXPIRES}}`],
    ['a __proto__ key', `{"url":"${LINK}","expiresAt":${EXPIRES},"__proto__":{"admin":true}}`],
    ['an array', `[{"url":"${LINK}","expiresAt":${EXPIRES}}]`],
    ['an empty body', ''],
  ])('turns %s into a bad_answer', async (_what, answer) => {
    const f = await failure(handlers(await serve(answer)).issueDriverLink({ driverId: 'd-1' }));
    expect([f.kind, f.code, f.status]).toEqual(['bad_answer', 'unavailable', 200]);
    expect(f.message).toContain('/api/driver/links');
  });
});

describe('revokeDriverPhone', () => {
  it('passes a well-formed answer on', async () => {
    const h = handlers(await serve('{"revoked":2}'));
    expect(await h.revokeDriverPhone({ driverId: 'd-1' })).toEqual({ revoked: 2 });
    expect(seen).toEqual([{ method: 'POST', url: '/api/driver/revoke', auth: 'Bearer tok-1', body: '{"driverId":"d-1"}' }]);
  });

  it.each([
    ['a missing field', '{}'],
    ['a count given as text', '{"revoked":"2"}'],
    ['a negative count', '{"revoked":-1}'],
    ['a fractional count', '{"revoked":1.5}'],
    ['a __proto__ key', '{"revoked":1,"__proto__":{"admin":true}}'],
    ['null', 'null'],
  ])('turns %s into a bad_answer', async (_what, answer) => {
    const f = await failure(handlers(await serve(answer)).revokeDriverPhone({ driverId: 'd-1' }));
    expect([f.kind, f.code, f.status]).toEqual(['bad_answer', 'unavailable', 200]);
  });
});
