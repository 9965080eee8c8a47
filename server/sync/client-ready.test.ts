// The server's onClientReady hook: a module greets each desktop right after its caught-up,
// never before it says hello, and a failing hook does not keep others from greeting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';

let ts: TestServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  ts = await startTestServer();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await ts.stop();
});

describe('onClientReady', () => {
  it('greets each desktop once, right after its caught-up', async () => {
    let calls = 0;
    ts.server.onClientReady(() => {
      throw new Error('a broken module');
    });
    ts.server.onClientReady((send) => {
      calls++;
      send({ type: 'positions', drivers: [] });
    });
    const client = await connectTestClient(ts.server.url, ts.tokens['u-dispatcher'] ?? '');
    clients.push(client);
    // Greeted after caught-up, never at connect: a greeting before hello would be the first
    // 'positions' below (and a second call).
    client.hello({ clientId: 'desk-ready', cursor: 0 });
    await client.next('caught-up');
    await client.next('positions');
    const types = client.messages.map((m) => m.type);
    expect(types.indexOf('positions')).toBe(types.indexOf('caught-up') + 1);
    expect(calls).toBe(1);
  });
});
