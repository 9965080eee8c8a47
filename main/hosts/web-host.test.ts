import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostFrame } from '../../shared/api/wire';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import { createApi, type Api } from '../api/create-api';
import { createFakeSync, type FakeSync } from '../testing/fake-sync';
import { eachFixtureReplica } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';
import { allowedHostHeaders } from './host-names';
import { startWebHost, type WebHost } from './web-host';

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** GET with an arbitrary Host header (fetch won't send one of ours). */
function get(port: number, pathName: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The per-run cookie the served page sets, as a Cookie header value. */
async function pageCookie(host: WebHost): Promise<string> {
  const res = await fetch(host.url);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

function nextFrame(ws: WebSocket, pred: (f: HostFrame) => boolean = () => true): Promise<HostFrame> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const f = JSON.parse(data.toString()) as HostFrame;
      if (pred(f)) {
        ws.off('message', on);
        resolve(f);
      }
    };
    ws.on('message', on);
  });
}

describe('browser host', () => {
  const fx = eachFixtureReplica();
  let sync: FakeSync;
  let api: Api;
  let host: WebHost | null = null;
  let rendererDir: string;

  beforeEach(() => {
    rendererDir = path.join(fx().dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Marshrut</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(fx().dir, 'secret.txt'), 'nope');
    sync = createFakeSync();
    api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://x', token: 'tok' }), connect: () => sync });
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await api.close();
  });

  it('serves the renderer with a CSP, the app for routes, and nothing outside its folder', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await (await fetch(`${host.url}orders/123`)).text()).toContain('Marshrut');
    expect((await fetch(`${host.url}assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${host.url}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.url}..%2fsecret.txt`)).status).not.toBe(200);
  });

  it('answers calls over /api and forwards events', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    const ws = await open(`ws://127.0.0.1:${host.port}/api`, { Cookie: await pageCookie(host) });
    const reply = nextFrame(ws, (f) => f.type === 'reply');
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'session', args: {} }));
    expect(await reply).toMatchObject({ type: 'reply', id: 7, reply: { ok: true, value: { user: { role: 'dispatcher' } } } });

    const noArgs = nextFrame(ws, (f) => f.type === 'reply');
    ws.send(JSON.stringify({ type: 'call', id: 10, method: 'connectionState' }));
    expect(await noArgs).toMatchObject({ id: 10, reply: { ok: true, value: { status: 'online' } } });

    const bad = nextFrame(ws, (f) => f.type === 'reply');
    ws.send(JSON.stringify({ type: 'call', id: 8, method: 'getOrder', args: { orderId: 42 } }));
    expect(await bad).toMatchObject({ id: 8, reply: { ok: false, error: { code: 'invalid_request' } } });

    const malformed = nextFrame(ws, (f) => f.type === 'reply');
    ws.send(JSON.stringify({ type: 'call', id: 9 }));
    expect(await malformed).toMatchObject({ id: 9, reply: { ok: false, error: { code: 'invalid_request' } } });

    const event = nextFrame(ws, (f) => f.type === 'event');
    sync.setConnection({ status: 'catching_up' });
    expect(await event).toMatchObject({ type: 'event', event: 'connection', payload: { status: 'catching_up' } });
    ws.close();
  });

  it('refuses a WebSocket from another site', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    const cookie = await pageCookie(host);
    await expect(open(`ws://127.0.0.1:${host.port}/api`, { Origin: 'https://evil.example', Cookie: cookie })).rejects.toThrow(/403/);
  });

  it('answers only the Host names it is bound to (DNS rebinding), pages and /api alike', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    const p = host.port;
    for (const name of [`127.0.0.1:${p}`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`]) {
      expect((await get(p, '/', { Host: name })).status, name).toBe(200);
    }
    for (const name of [`evil.example:${p}`, 'evil.example', `127.0.0.1:${p + 1}`, `localhost.evil.example:${p}`]) {
      const res = await get(p, '/', { Host: name });
      expect(res.status, name).toBe(421);
      expect(res.headers['set-cookie'], name).toBeUndefined();
      expect(res.body).not.toContain('Marshrut');
    }
    expect((await get(p, '/assets/app.js', { Host: `evil.example:${p}` })).status).toBe(421);
    // HTTP/1.0 without a Host header at all.
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(p, '127.0.0.1', () => s.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      s.on('data', (c: Buffer) => (text += c.toString()));
      s.on('end', () => resolve(text));
      s.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] 421/);
    // The rebinding page's own socket: same-origin to itself, cookie or not.
    const cookie = await pageCookie(host);
    await expect(open(`ws://127.0.0.1:${p}/api`, { Host: `evil.example:${p}`, Origin: `http://evil.example:${p}`, Cookie: cookie })).rejects.toThrow(/421/);
    await expect(open(`ws://127.0.0.1:${p}/api`, { Host: `evil.example:${p}`, Cookie: cookie })).rejects.toThrow(/421/);
    const ws = await open(`ws://127.0.0.1:${p}/api`, { Host: `localhost:${p}`, Origin: `http://localhost:${p}`, Cookie: cookie });
    ws.close();
  });

  it('needs the per-run cookie the served page sets, even on loopback', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    const p = host.port;
    await expect(open(`ws://127.0.0.1:${p}/api`)).rejects.toThrow(/401/);
    await expect(open(`ws://127.0.0.1:${p}/api`, { Origin: `http://127.0.0.1:${p}` })).rejects.toThrow(/401/);
    await expect(open(`ws://127.0.0.1:${p}/api`, { Cookie: `marshrut_host_${p}=guessed` })).rejects.toThrow(/401/);
    const page = await fetch(host.url);
    const setCookie = page.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^marshrut_host_${p}=[A-Za-z0-9_-]{40,}; `));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    // Set by the page, not by every asset.
    expect((await fetch(`${host.url}assets/app.js`)).headers.get('set-cookie')).toBeNull();
    const ws = await open(`ws://127.0.0.1:${p}/api`, { Cookie: setCookie.split(';')[0] ?? '' });
    ws.close();

    // Another run's cookie is worthless: the secret is minted per run.
    const other = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    try {
      const value = setCookie.split(';')[0]?.split('=')[1] ?? '';
      await expect(open(`ws://127.0.0.1:${other.port}/api`, { Cookie: `marshrut_host_${other.port}=${value}` })).rejects.toThrow(/401/);
    } finally {
      await other.close();
    }
  });

  it('asks for a login when bound beyond loopback, and the token logs in', async () => {
    host = await startWebHost({ api, rendererDir, host: '0.0.0.0', port: 0, loginSecret: () => 'tok' });
    const base = `http://127.0.0.1:${host.port}/`;
    const anon = await fetch(base);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toMatch(/^Basic/);
    const wrong = await fetch(base, { headers: { Authorization: `Basic ${Buffer.from('x:bad').toString('base64')}` } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(base, { headers: { Authorization: `Basic ${Buffer.from('x:tok').toString('base64')}` } });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')?.split(';')[0] ?? '';
    await expect(open(`ws://127.0.0.1:${host.port}/api`)).rejects.toThrow(/401/);
    const ws = await open(`ws://127.0.0.1:${host.port}/api`, { Cookie: cookie });
    ws.close();
  });

  it('refuses to bind beyond loopback without a token to log in with', async () => {
    await expect(startWebHost({ api, rendererDir, host: '0.0.0.0', port: 0, loginSecret: () => null })).rejects.toThrow(/no token/);
  });
});

describe('allowedHostHeaders', () => {
  it('loopback names and the bind name, with the port; a wildcard bind adds the machine names', () => {
    expect([...allowedHostHeaders('127.0.0.1', 5180)].sort()).toEqual(['127.0.0.1:5180', '[::1]:5180', 'localhost:5180']);
    expect(allowedHostHeaders('console.lan', 80).has('console.lan:80')).toBe(true);
    expect(allowedHostHeaders('fe80::1', 80).has('[fe80::1]:80')).toBe(true);
    const wild = allowedHostHeaders('0.0.0.0', 5180, () => ['Dispatch-PC', '192.168.1.20', 'fe80::2']);
    expect(wild.has('dispatch-pc:5180')).toBe(true);
    expect(wild.has('192.168.1.20:5180')).toBe(true);
    expect(wild.has('[fe80::2]:5180')).toBe(true);
    expect(wild.has('0.0.0.0:5180')).toBe(false);
    expect(wild.has('evil.example:5180')).toBe(false);
  });
});
