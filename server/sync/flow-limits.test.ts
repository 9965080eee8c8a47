// Flow limits with real ws clients: catch-up goes one page at a time and waits for the reader,
// a reader that stops reading is dropped with 4005 (catch-up and live), a user's N+1st
// connection is closed with 4006; each is counted in /health and /metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { parseMaxConnectionsPerUser } from './flow-limits';
import type { SyncFlowLimits } from './flow-limits';

let t: TestServer | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await t?.stop();
  t = null;
});

async function server(limits: Partial<SyncFlowLimits>): Promise<TestServer> {
  t = await startTestServer({ syncLimits: limits });
  return t;
}

/** Customers of ~600 bytes: a 1,000-row page is ~0.6 MB, the whole history tens of MB. */
function addBulkyCustomers(s: TestServer, from: number, n: number): void {
  const pad = 'x'.repeat(500);
  s.server.engine.writeRows((tx) => {
    for (let i = from; i < from + n; i++) tx.put('customers', { id: `c${i}`, name: `Customer ${i} ${pad}`, phone: '', email: null, vipNormMinutes: null, updatedAt: i });
  });
}

async function connect(s: TestServer, user = 'u-admin'): Promise<TestClient> {
  const c = await connectTestClient(s.server.url, s.tokens[user] as string);
  clients.push(c);
  return c;
}

function sessionOf(s: TestServer, clientId: string) {
  return [...s.server.hub.sessions].find((x) => x.clientId === clientId);
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function metrics(s: TestServer): Promise<string> {
  return (await fetch(`${s.server.url}/metrics`, { headers: { authorization: `Bearer ${s.tokens['u-admin']}` } })).text();
}

describe('catch-up to a reader that stops reading', () => {
  it('holds at most about one page for it, then drops it with 4005 and counts it', async () => {
    const s = await server({ slowReaderMs: 1500, closeGraceMs: 5000 });
    addBulkyCustomers(s, 0, 40_000); // ~24 MB: more than the kernel buffers of both ends
    const c = await connect(s);
    c.ws.pause(); // a real client that stops reading
    c.hello({ clientId: 'desk-stalled' });
    let maxQueued = 0;
    const sampler = setInterval(() => {
      const session = sessionOf(s, 'desk-stalled');
      if (session !== undefined) maxQueued = Math.max(maxQueued, session.ws.bufferedAmount);
    }, 2);
    try {
      await until(() => s.server.hub.flow.droppedSlowCatchUp === 1);
    } finally {
      clearInterval(sampler);
    }
    // One page (~0.6 MB) in the socket's queue at most, never the catch-up's megabytes.
    expect(maxQueued).toBeGreaterThan(0);
    expect(maxQueued).toBeLessThan(1.5 * 1024 * 1024);
    expect(s.server.hub.counts().connected).toBe(0);
    // It reads again: what was queued arrives, then the close code saying why.
    c.ws.resume();
    expect(await c.closed).toMatchObject({ code: CLOSE_CODES.slowReader });
    expect(c.messages.some((m) => m.type === 'caught-up')).toBe(false);
    expect(await metrics(s)).toMatch(/^marshrut_sync_flow_dropped_slow_catch_up 1$/m);
  }, 60_000);

  it('a reader that pauses for less than the limit gets the whole catch-up', async () => {
    const s = await server({ slowReaderMs: 10_000 });
    addBulkyCustomers(s, 0, 20_000);
    const c = await connect(s);
    c.ws.pause();
    c.hello({ clientId: 'desk-slow-but-alive' });
    await new Promise((r) => setTimeout(r, 500));
    c.ws.resume();
    const caughtUp = await c.next('caught-up', undefined, 30_000);
    expect(caughtUp.cursor).toBe(s.server.engine.log.headSeq());
    const customers = new Set(c.messages.flatMap((m) => (m.type === 'changes' ? m.rows.filter((r) => r.table === 'customers').map((r) => r.id) : [])));
    expect(customers.size).toBe(20_000);
    expect(s.server.hub.flow.snapshot()).toEqual({ refusedPerUserLimit: 0, droppedSlowCatchUp: 0, droppedSlowLive: 0 });
  }, 60_000);
});

describe('a live reader that stops reading', () => {
  it('is dropped with 4005 once its queue passes the limit; other desktops keep getting changes', async () => {
    const s = await server({ liveMaxBufferedBytes: 1024 * 1024, closeGraceMs: 5000 });
    const stalled = await connect(s, 'u-dispatcher');
    const healthy = await connect(s, 'u-dispatcher2');
    stalled.hello({ clientId: 'desk-stalled' });
    healthy.hello({ clientId: 'desk-healthy' });
    await stalled.next('caught-up');
    await healthy.next('caught-up');
    stalled.ws.pause();
    let batch = 0;
    while (s.server.hub.flow.droppedSlowLive === 0) {
      if (batch > 400) throw new Error('the stalled reader was never dropped');
      addBulkyCustomers(s, batch * 200, 200);
      batch++;
      await new Promise((r) => setImmediate(r));
    }
    expect(s.server.hub.counts().connected).toBe(1);
    addBulkyCustomers(s, 1_000_000, 1);
    await healthy.next('changes', (m) => m.rows.some((r) => r.id === 'c1000000'));
    stalled.ws.resume();
    expect(await stalled.closed).toMatchObject({ code: CLOSE_CODES.slowReader });
    expect((await fetch(`${s.server.url}/health`, { headers: { authorization: `Bearer ${s.tokens['u-admin']}` } }).then((r) => r.json())) as unknown).toMatchObject({
      sync: { flow: { droppedSlowLive: 1, droppedSlowCatchUp: 0 } },
    });
  }, 60_000);
});

describe('connections per user', () => {
  it("the N+1st connection of one user is closed with 4006 and counted; other users and freed slots are not affected", async () => {
    const s = await server({ maxConnectionsPerUser: 3 });
    const mine = [await connect(s, 'u-dispatcher'), await connect(s, 'u-dispatcher'), await connect(s, 'u-dispatcher')];
    const extra = await connect(s, 'u-dispatcher');
    expect(await extra.closed).toEqual({ code: CLOSE_CODES.tooManyConnections, reason: 'at most 3 sync connections per user' });
    expect(s.server.hub.flow.refusedPerUserLimit).toBe(1);
    // Another user is counted on their own.
    const other = await connect(s, 'u-dispatcher2');
    other.hello({ clientId: 'desk-other' });
    await other.next('caught-up');
    // The three open ones still work.
    for (const [i, c] of mine.entries()) {
      c.hello({ clientId: `desk-${i}` });
      await c.next('caught-up');
    }
    // A freed slot can be taken again.
    const first = mine[0] as TestClient;
    first.close();
    await first.closed;
    await until(() => s.server.hub.counts().connected === 3);
    const again = await connect(s, 'u-dispatcher');
    again.hello({ clientId: 'desk-again' });
    await again.next('caught-up');
    expect(await metrics(s)).toMatch(/^marshrut_sync_flow_refused_per_user_limit 1$/m);
  });

  it('the --max-connections-per-user value is range-checked', () => {
    expect(parseMaxConnectionsPerUser('10')).toBe(10);
    for (const bad of ['0', '-1', '1.5', 'ten', '', '1e3', '10001', '__proto__']) {
      expect(parseMaxConnectionsPerUser(bad)).toMatch(/^--max-connections-per-user must be a whole number from 1 to 10000/);
    }
  });
});
