// Where the server listens: loopback unless asked, and a url this process can reach.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

let ts: TestServer | null = null;

afterEach(async () => {
  await ts?.stop();
  ts = null;
});

describe('bind address', () => {
  it('listens on 127.0.0.1 when no host is given', async () => {
    // startTestServer passes 127.0.0.1 itself; undefined here leaves it to startServer's default.
    ts = await startTestServer({ host: undefined });
    expect((ts.server.httpServer.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(ts.server.url).toBe(`http://127.0.0.1:${ts.server.port}`);
  });

  it('answers on loopback when bound to every interface', async () => {
    ts = await startTestServer({ host: '0.0.0.0' });
    expect((ts.server.httpServer.address() as AddressInfo).address).toBe('0.0.0.0');
    const res = await fetch(`${ts.server.url}/health`);
    expect(res.status).toBeLessThan(500);
  });
});
