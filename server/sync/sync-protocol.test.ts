// Protocol faults: each gets a clear error and changes nothing.
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
let c: TestClient;
beforeEach(async () => {
  t = await startTestServer();
  c = await connectTestClient(t.server.url, t.tokens['u-dispatcher'] as string);
});
afterEach(async () => {
  c.close();
  await t.stop();
});

describe('hello', () => {
  it('welcomes with versions, head, lastMid and the user, then catches up', async () => {
    c.hello({ clientId: 'desk-1' });
    const welcome = await c.next('welcome');
    expect(welcome).toMatchObject({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      lastMid: 0,
      serverId: t.server.engine.serverId,
      user: { id: 'u-dispatcher', role: 'dispatcher' },
    });
    expect(welcome.headSeq).toBeGreaterThan(0);
    const caughtUp = await c.next('caught-up');
    expect(caughtUp.cursor).toBe(welcome.headSeq);
  });

  it('answers a protocol version mismatch with a clear error, then closes; nothing recorded', async () => {
    c.hello({ clientId: 'old-desk', protocolVersion: PROTOCOL_VERSION + 1 });
    const err = await c.next('error');
    expect(err).toMatchObject({ code: 'version_mismatch', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION });
    expect(err.message).toContain('unsent changes are kept');
    expect((await c.closed).code).toBe(4002);
    expect(t.server.db.sqlite.prepare("SELECT count(*) AS n FROM clients WHERE client_id = 'old-desk'").get()).toEqual({ n: 0 });
  });

  it('answers a schema version mismatch the same way', async () => {
    c.hello({ schemaVersion: SCHEMA_VERSION - 1 });
    expect(await c.next('error')).toMatchObject({ code: 'version_mismatch' });
    expect((await c.closed).code).toBe(4002);
  });

  it('refuses a second hello and a push before hello', async () => {
    c.send({ type: 'push', mutations: [{ mid: 1, name: 'addComment', args: {}, at: 1 }] });
    expect(await c.next('error')).toMatchObject({ code: 'not_ready' });
    c.hello();
    await c.next('caught-up');
    c.hello();
    expect(await c.next('error')).toMatchObject({ code: 'bad_message' });
  });
});

describe('bad frames keep the connection and change nothing', () => {
  it('malformed JSON', async () => {
    c.sendRaw('{"type": "hello", ');
    const err = await c.next('error');
    expect(err.code).toBe('bad_json');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('unknown type, missing type, invalid fields, binary frames', async () => {
    c.send({ type: 'drop_tables' });
    expect(await c.next('error')).toMatchObject({ code: 'unknown_type', message: 'unknown message type "drop_tables"' });
    c.send({ hello: true });
    expect(await c.next('error')).toMatchObject({ code: 'bad_message' });
    c.send({ type: 'hello', protocolVersion: 1 });
    expect((await c.next('error')).message).toMatch(/invalid "hello" message: schemaVersion/);
    c.sendRaw(Buffer.from([1, 2, 3]));
    expect(await c.next('error')).toMatchObject({ code: 'bad_message' });
    // Still usable afterwards.
    c.hello();
    await c.next('caught-up');
  });

  it('oversize message: too_large, connection kept', async () => {
    c.hello();
    const caughtUp = await c.next('caught-up');
    c.send({ type: 'push', mutations: [{ mid: 1, name: 'addComment', args: { orderId: 'o', text: 'x'.repeat(MAX_MESSAGE_BYTES) }, at: 1 }] });
    const err = await c.next('error');
    expect(err.code).toBe('too_large');
    expect(t.server.engine.lastMid('client-a')).toBe(0);
    expect(t.server.engine.log.headSeq()).toBe(caughtUp.cursor);
    c.send({ type: 'ping', t: 42 });
    expect(await c.next('pong')).toMatchObject({ t: 42 });
  });

  it('a frame far beyond the limit is cut by ws with 1009', async () => {
    c.sendRaw('x'.repeat(MAX_MESSAGE_BYTES * 8 + 1));
    expect((await c.closed).code).toBe(1009);
  });
});
