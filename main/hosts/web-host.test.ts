import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostFrame } from '../../shared/api/wire';
import { createApi, type Api } from '../api/create-api';
import { createFakeSync, type FakeSync } from '../testing/fake-sync';
import { fixtureReplica, type FixtureReplica } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';
import { startWebHost, type WebHost } from './web-host';

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
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
  let fx: FixtureReplica;
  let sync: FakeSync;
  let api: Api;
  let host: WebHost | null = null;
  let rendererDir: string;

  beforeEach(() => {
    fx = fixtureReplica();
    rendererDir = path.join(fx.dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Marshrut</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(fx.dir, 'secret.txt'), 'nope');
    sync = createFakeSync();
    api = createApi({ replica: fx.replica, settings: memorySettings({ serverUrl: 'http://x', token: 'tok' }), connect: () => sync });
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await api.close();
    fx.cleanup();
  });

  it('serves the renderer with a CSP, the app for routes, and nothing outside its folder', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${host.url}orders/123`)).text()).toContain('Marshrut');
    expect((await fetch(`${host.url}assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${host.url}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.url}..%2fsecret.txt`)).status).not.toBe(200);
  });

  it('answers calls over /api and forwards events', async () => {
    host = await startWebHost({ api, rendererDir, port: 0, loginSecret: () => 'tok' });
    const ws = await open(`ws://127.0.0.1:${host.port}/api`);
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
    await expect(open(`ws://127.0.0.1:${host.port}/api`, { Origin: 'https://evil.example' })).rejects.toThrow(/403/);
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
