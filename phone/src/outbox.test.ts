// The phone's outbox against a real IndexedDB implementation (fake-indexeddb) and a fetch
// that can be switched off like a dead zone: items leave in order, keep their keys across
// retries, photos are cited by the server's file id, refusals move aside.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb, put } from './idb';
import { LOCAL_REF, Outbox } from './outbox';

interface Sent {
  path: string;
  key: string | null;
  body: unknown;
  token?: string | null;
}

function fakeServer() {
  const sent: Sent[] = [];
  const state = { online: false, refuse: new Set<string>(), deadTokens: new Set<string>() };
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const headers = new Headers(init?.headers);
    if (state.deadTokens.has(headers.get('authorization') ?? '')) return Response.json({ error: 'unauthorized', message: 'signed out' }, { status: 401 });
    const path = String(url);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    sent.push({ path, key: headers.get('idempotency-key'), body, token: headers.get('authorization') });
    if (path.endsWith('/files')) return Response.json({ fileId: `file-${sent.length}`, replayed: false });
    const mark = (body as { mark?: string }).mark ?? '';
    if (state.refuse.has(mark)) return Response.json({ error: 'proof_required', message: 'no', details: { missing: ['photo'] } }, { status: 422 });
    return Response.json({ result: 'applied', replayed: false });
  }) as typeof fetch;
  return { sent, state, fetchFn };
}

describe('phone outbox', () => {
  it('keeps everything while offline, then sends in order, once, with the keys it was queued with', async () => {
    const db = await openDb(new IDBFactory());
    const server = fakeServer();
    const outbox = new Outbox(db, () => ({ token: 'device-token', driverId: 'd1' }), server.fetchFn, () => 1);
    await outbox.enqueue({ key: 'k-arrived-1', createdAt: 1, orderId: 'o1', kind: 'mark', body: { orderId: 'o1', mark: 'arrived', at: 1 } });
    await outbox.enqueue({ key: 'k-file-0002', createdAt: 2, orderId: 'o1', kind: 'file', proofKind: 'signature', ref: 'r1', mime: 'image/png', bytes: new Uint8Array([1, 2]).buffer });
    await outbox.enqueue({ key: 'k-deliver-3', createdAt: 3, orderId: 'o1', kind: 'mark', body: { orderId: 'o1', mark: 'delivered', at: 3, signatureFileId: `${LOCAL_REF}r1` } });
    await outbox.enqueue({ key: 'k-shift-004', createdAt: 4, orderId: null, kind: 'shift', body: { state: 'off_shift', at: 4 } });

    expect(await outbox.flush()).toBe('offline');
    expect(await outbox.flush()).toBe('offline');
    expect((await outbox.pending()).map((i) => i.key)).toEqual(['k-arrived-1', 'k-file-0002', 'k-deliver-3', 'k-shift-004']);

    server.state.online = true;
    // Two flushes at once share one loop: nothing is sent twice.
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect([a, b]).toEqual(['empty', 'empty']);
    expect(server.sent.map((s) => [s.path, s.key])).toEqual([
      ['/api/driver/marks', 'k-arrived-1'],
      ['/api/driver/files', 'k-file-0002'],
      ['/api/driver/marks', 'k-deliver-3'],
      ['/api/driver/shift', 'k-shift-004'],
    ]);
    expect(server.sent[2]?.body).toMatchObject({ mark: 'delivered', signatureFileId: 'file-2' });
    expect(await outbox.pending()).toEqual([]);
  });

  it('moves a refused mark aside with its reason and goes on with the next', async () => {
    const db = await openDb(new IDBFactory());
    const server = fakeServer();
    server.state.online = true;
    server.state.refuse.add('delivered');
    const outbox = new Outbox(db, () => ({ token: 'device-token', driverId: 'd1' }), server.fetchFn, () => 99);
    await outbox.enqueue({ key: 'k-deliver-1', createdAt: 1, orderId: 'o1', kind: 'mark', body: { orderId: 'o1', mark: 'delivered', at: 1 } });
    await outbox.enqueue({ key: 'k-problem-2', createdAt: 2, orderId: 'o2', kind: 'mark', body: { orderId: 'o2', mark: 'problem', reason: 'delay', at: 2 } });
    expect(await outbox.flush()).toBe('empty');
    expect(await outbox.failed()).toEqual([
      { seq: 1, kind: 'mark', orderId: 'o1', mark: 'delivered', error: { error: 'proof_required', message: 'no', details: { missing: ['photo'] } }, at: 99 },
    ]);
    expect(server.sent.map((s) => s.key)).toEqual(['k-deliver-1', 'k-problem-2']);
  });

  it('stops without a device token and sends nothing', async () => {
    const db = await openDb(new IDBFactory());
    const server = fakeServer();
    server.state.online = true;
    const outbox = new Outbox(db, () => null, server.fetchFn);
    await outbox.enqueue({ key: 'k-arrived-1', createdAt: 1, orderId: 'o1', kind: 'mark', body: { orderId: 'o1', mark: 'arrived', at: 1 } });
    expect(await outbox.flush()).toBe('signed_out');
    expect(server.sent).toEqual([]);
  });

  it('after a re-sign-in sends what is still queued under the new token, with the keys it was made with', async () => {
    const db = await openDb(new IDBFactory());
    const server = fakeServer();
    let session: { token: string; driverId: string } | null = { token: 'old-token', driverId: 'd1' };
    const outbox = new Outbox(db, () => session, server.fetchFn, () => 5);
    await outbox.enqueue({ key: 'k-file-0001', createdAt: 1, orderId: 'o1', kind: 'file', proofKind: 'photo', ref: 'r1', mime: 'image/jpeg', bytes: new Uint8Array([9]).buffer });
    await outbox.enqueue({ key: 'k-deliver-2', createdAt: 2, orderId: 'o1', kind: 'mark', body: { orderId: 'o1', mark: 'delivered', at: 2, photoFileId: `${LOCAL_REF}r1` } });
    expect((await outbox.pending()).map((i) => i.driverId)).toEqual(['d1', 'd1']);

    // The dispatcher issued a new link: the old token is dead, the phone is signed out.
    server.state.online = true;
    server.state.deadTokens.add('Bearer old-token');
    expect(await outbox.flush()).toBe('signed_out');
    session = null;
    expect(await outbox.flush()).toBe('signed_out');
    expect((await outbox.pending()).map((i) => i.key)).toEqual(['k-file-0001', 'k-deliver-2']);

    session = { token: 'new-token', driverId: 'd1' };
    expect(await outbox.flush()).toBe('empty');
    const delivered = server.sent.filter((s) => s.token === 'Bearer new-token');
    expect(delivered.map((s) => [s.path, s.key])).toEqual([
      ['/api/driver/files', 'k-file-0001'],
      ['/api/driver/marks', 'k-deliver-2'],
    ]);
    expect(delivered[1]?.body).toMatchObject({ photoFileId: expect.stringMatching(/^file-/) });
    expect(await outbox.failed()).toEqual([]);
  });

  it('never sends a mark made under another driver\'s sign-in as the driver signed in now', async () => {
    const db = await openDb(new IDBFactory());
    const server = fakeServer();
    let session = { token: 'token-d1', driverId: 'd1' };
    const outbox = new Outbox(db, () => session, server.fetchFn, () => 7);
    await outbox.enqueue({ key: 'k-shift-0001', createdAt: 1, orderId: null, kind: 'shift', body: { state: 'off_shift', at: 1 } });
    // A page from before driver stamps: treated as the signed-in driver's.
    await put(db, 'queue', { key: 'k-legacy-02', createdAt: 2, orderId: 'o9', kind: 'mark', body: { orderId: 'o9', mark: 'arrived', at: 2 } });
    session = { token: 'token-d2', driverId: 'd2' };
    server.state.online = true;
    await outbox.enqueue({ key: 'k-arrived-3', createdAt: 3, orderId: 'o2', kind: 'mark', body: { orderId: 'o2', mark: 'arrived', at: 3 } });
    expect(await outbox.flush()).toBe('empty');
    expect(server.sent.map((s) => [s.key, s.token])).toEqual([
      ['k-legacy-02', 'Bearer token-d2'],
      ['k-arrived-3', 'Bearer token-d2'],
    ]);
    expect(await outbox.failed()).toEqual([{ seq: 1, kind: 'shift', orderId: null, mark: null, error: { error: 'other_driver', message: expect.any(String) }, at: 7 }]);
  });
});
