// The phone's outbox against a real IndexedDB implementation (fake-indexeddb) and a fetch
// that can be switched off like a dead zone: items leave in order, keep their keys across
// retries, photos are cited by the server's file id, refusals move aside.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDb } from './idb';
import { LOCAL_REF, Outbox } from './outbox';

interface Sent {
  path: string;
  key: string | null;
  body: unknown;
}

function fakeServer() {
  const sent: Sent[] = [];
  const state = { online: false, refuse: new Set<string>() };
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const headers = new Headers(init?.headers);
    const path = String(url);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    sent.push({ path, key: headers.get('idempotency-key'), body });
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
    const outbox = new Outbox(db, () => 'device-token', server.fetchFn, () => 1);
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
    const outbox = new Outbox(db, () => 'device-token', server.fetchFn, () => 99);
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
});
