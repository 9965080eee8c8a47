// A clientId is a desktop's identity for exactly-once pushes. Another user who learns it must
// not be able to speak as that desktop, rows must not hand it out, and a desktop whose mids
// were used by someone else (its own user elsewhere, a copied replica) keeps its edits.
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { MarshrutServer } from '../../server/server';
import { connectTestClient, type TestClient as RawClient } from '../../server/testing/ws-test-client';
import { CLOSE_CODES } from '../../shared/protocol';
import { addUser, dumpSynced, openClient, seedServer, startTestServer, testDir, waitConverged, waitFor, type TestClient, type TestDir } from './harness';
import { ORDER_ARGS } from '../../shared/testing/fake-world';

let dir: TestDir;
let server: MarshrutServer;
let clients: TestClient[] = [];
let raws: RawClient[] = [];

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 3);
});

afterEach(async () => {
  for (const c of clients) c.close();
  for (const r of raws) r.close();
  clients = [];
  raws = [];
  await server.close();
  dir.cleanup();
});

const comments = (): string[] =>
  server.db.sqlite.prepare("SELECT comment FROM order_events WHERE kind = 'comment' ORDER BY comment").pluck().all() as string[];

async function raw(token: string): Promise<RawClient> {
  const r = await connectTestClient(server.url, token);
  raws.push(r);
  return r;
}

describe('clientId ownership', () => {
  it("another user's hello with a desktop's clientId is refused, and the desktop's edits are all stored", async () => {
    const dispatcher = addUser(server, 'Dispatcher Aigerim');
    const logistician = addUser(server, 'Logistician Yerlan', 'logistician');
    const a = openClient(dir.file('a.db'), server.url, dispatcher.token);
    clients.push(a);
    await waitConverged(server, clients);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'real 1' });
    await waitFor('first edit acknowledged', () => a.sync.state().pendingCount === 0);
    const clientId = a.sync.state().clientId;

    // The attack: hello as the dispatcher's desktop, learn its lastMid, burn the next mids.
    const evil = await raw(logistician.token);
    evil.hello({ clientId, cursor: 0 });
    const refused = await evil.next('error');
    expect(refused).toMatchObject({ code: 'client_id_taken' });
    expect(refused.message).toMatch(/belongs to another user/);
    expect(await evil.closed).toEqual({ code: CLOSE_CODES.clientIdTaken, reason: 'client id belongs to another user' });
    expect(evil.messages.some((m) => m.type === 'welcome')).toBe(false);
    expect(server.engine.lastMid(clientId)).toBe(1);

    for (const text of ['real 2', 'real 3', 'real 4']) a.sync.mutate('addComment', { orderId: 'o100', text });
    await waitFor('edits acknowledged', () => a.sync.state().pendingCount === 0);
    expect(comments()).toEqual(['real 1', 'real 2', 'real 3', 'real 4']);
    const owner = server.db.sqlite.prepare('SELECT user_id FROM clients WHERE client_id = ?').pluck().get(clientId);
    expect(owner).toBe(dispatcher.id);
  });

  it('a desktop whose clientId another user took first moves its pending edits to a new one', async () => {
    const dispatcher = addUser(server, 'Dispatcher Aigerim');
    const other = addUser(server, 'Dispatcher Yerlan');
    const a = openClient(dir.file('a.db'), server.url, dispatcher.token, {}, false);
    clients.push(a);
    const clientId = a.sync.state().clientId;
    // Someone else claims the id before the desktop ever connects.
    const squatter = await raw(other.token);
    squatter.hello({ clientId });
    await squatter.next('caught-up');
    a.sync.start();
    await waitConverged(server, clients);
    a.sync.mutate('addComment', { orderId: 'o100', text: 'mine' });
    await waitFor('edit acknowledged', () => a.sync.state().pendingCount === 0);
    expect(a.sync.state().clientId).not.toBe(clientId);
    expect(comments()).toEqual(['mine']);
  });
});

describe('acknowledgements are checked against the outbox', () => {
  it('mids used by another connection of the same user: the edit is kept, shown as a conflict, and applied under a new id', async () => {
    const dispatcher = addUser(server, 'Dispatcher Aigerim');
    const a = openClient(dir.file('a.db'), server.url, dispatcher.token);
    clients.push(a);
    await waitConverged(server, clients);
    const clientId = a.sync.state().clientId;
    // The same user's token elsewhere (or a copy of this replica) speaks with this clientId
    // and uses mids 1-3 for other edits.
    const copy = await raw(dispatcher.token);
    copy.hello({ clientId });
    await copy.next('caught-up');
    copy.send({
      type: 'push',
      mutations: [1, 2, 3].map((mid) => ({ mid, name: 'addComment', args: { orderId: 'o101', text: `copy ${mid}` }, at: Date.now() })),
    });
    await copy.next('ack', (m) => m.mid === 3);

    a.sync.mutate('addComment', { orderId: 'o100', text: 'mine 1' });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'mine 2' });
    await waitFor('edits acknowledged', () => a.sync.state().pendingCount === 0 && a.sync.state().connection === 'online');
    expect(comments()).toEqual(['copy 1', 'copy 2', 'copy 3', 'mine 1', 'mine 2']);
    expect(a.sync.state().clientId).not.toBe(clientId);
    const conflicts = a.sync.conflicts();
    expect(conflicts.map((c) => c.code)).toEqual(['identity_mismatch', 'identity_mismatch']);
    expect(conflicts[0]?.message).toMatch(/kept/);
    await waitConverged(server, clients);
  });
});

describe('row ids', () => {
  it('rows a desktop creates reach other users without its clientId', async () => {
    const aUser = addUser(server, 'Dispatcher Aigerim');
    const bUser = addUser(server, 'Dispatcher Yerlan');
    const a = openClient(dir.file('a.db'), server.url, aUser.token);
    const b = openClient(dir.file('b.db'), server.url, bUser.token);
    clients.push(a, b);
    await waitConverged(server, clients);
    a.sync.mutate('createOrder', { ...ORDER_ARGS, number: 'A-1' });
    a.sync.mutate('addComment', { orderId: 'o100', text: 'from A' });
    await waitConverged(server, clients);
    expect(b.replica.sqlite.prepare("SELECT count(*) FROM orders WHERE number = 'A-1'").pluck().get()).toBe(1);
    const everything = JSON.stringify(dumpSynced(b.replica.sqlite));
    expect(everything).not.toContain(a.sync.state().clientId);
  });
});
