import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketApi } from './web-transport';

/** Just enough of the browser's WebSocket for the transport: the test plays the host. */
class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(text: string): void {
    this.sent.push(text);
  }
  close(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
}

describe('web transport', () => {
  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: '127.0.0.1:5180' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('queues calls until the socket opens, then resolves each by id', async () => {
    const api = createWebSocketApi();
    const ws = FakeSocket.last!;
    expect(ws.url).toBe('ws://127.0.0.1:5180/api');
    const session = api.session();
    const order = api.getOrder({ orderId: 'o1' });
    expect(ws.sent).toHaveLength(0);
    ws.open();
    const calls = ws.sent.map((s) => JSON.parse(s) as { id: number; method: string; args?: unknown });
    expect(calls.map((c) => c.method)).toEqual(['session', 'getOrder']);
    expect(calls[1]?.args).toEqual({ orderId: 'o1' });
    ws.receive({ type: 'reply', id: calls[1]?.id, reply: { ok: true, value: null } });
    ws.receive({ type: 'reply', id: calls[0]?.id, reply: { ok: true, value: { user: null } } });
    await expect(order).resolves.toBeNull();
    await expect(session).resolves.toEqual({ user: null });
  });

  it('throws an ApiError with the host’s code for a failed call', async () => {
    const api = createWebSocketApi();
    const ws = FakeSocket.last!;
    ws.open();
    const p = api.getOrder({ orderId: '' });
    const id = (JSON.parse(ws.sent[0] ?? '{}') as { id: number }).id;
    ws.receive({ type: 'reply', id, reply: { ok: false, error: { code: 'invalid_request', message: 'getOrder: orderId: too small' } } });
    await expect(p).rejects.toMatchObject({ name: 'ApiError', code: 'invalid_request', message: 'getOrder: orderId: too small' });
  });

  it('delivers events to subscribers and ignores frames that fail the schema', () => {
    const api = createWebSocketApi();
    const ws = FakeSocket.last!;
    ws.open();
    const seen: unknown[] = [];
    const off = api.on('connection', (v) => seen.push(v.status));
    ws.receive('not json');
    ws.receive({ type: 'event', payload: {} });
    ws.receive({ type: 'event', event: 'connection', payload: { status: 'offline' } });
    off();
    ws.receive({ type: 'event', event: 'connection', payload: { status: 'online' } });
    expect(seen).toEqual(['offline']);
  });

  it('reports the host link and reconnects after the socket drops', () => {
    vi.useFakeTimers();
    try {
      const links: boolean[] = [];
      createWebSocketApi({ onHostLink: (up) => links.push(up) });
      const first = FakeSocket.last!;
      first.open();
      first.close();
      vi.advanceTimersByTime(300);
      expect(FakeSocket.last).not.toBe(first);
      FakeSocket.last!.open();
      expect(links).toEqual([true, false, true]);
    } finally {
      vi.useRealTimers();
    }
  });
});
