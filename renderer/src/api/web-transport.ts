// The browser host's side of the typed API: the same MarshrutApi object the Electron preload
// exposes, carried over a WebSocket to the host that served this page (`/api`, see
// shared/api/wire.ts). Calls made while the socket is down wait for it to come back.
import { buildApiClient } from '../../../shared/api/client';
import type { ApiTransport } from '../../../shared/api/client';
import type { MarshrutApi } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/events';
import { API_SOCKET_PATH, hostFrameSchema } from '../../../shared/api/wire';
import type { CallFrame, Reply } from '../../../shared/api/wire';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
/** A call unanswered this long fails instead of hanging the UI. */
const CALL_TIMEOUT_MS = 30_000;

interface Pending {
  resolve(reply: Reply<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface WebTransportOptions {
  /** Default: ws(s)://<this page's host>/api */
  url?: string;
  /** Told when the socket to the host opens or closes (not the server connection). */
  onHostLink?: (up: boolean) => void;
}

export function createWebTransport(options: WebTransportOptions = {}): ApiTransport & { close(): void } {
  const url = options.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${API_SOCKET_PATH}`;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let delay = RECONNECT_MIN_MS;
  let closed = false;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = RECONNECT_MIN_MS;
      // Calls made while connecting go first, before anything the link listener asks for.
      for (const frame of queue) ws.send(frame);
      queue = [];
      options.onHostLink?.(true);
    };
    ws.onmessage = (msg) => {
      let data: unknown;
      try {
        data = JSON.parse(String(msg.data));
      } catch {
        return; // the host only sends JSON; anything else is noise to ignore, not to crash on
      }
      const parsed = hostFrameSchema.safeParse(data);
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'reply') {
        const p = pending.get(frame.id);
        if (!p) return;
        pending.delete(frame.id);
        clearTimeout(p.timer);
        p.resolve(frame.reply as Reply<unknown>);
      } else {
        for (const l of listeners.get(frame.event) ?? []) l(frame.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      options.onHostLink?.(false);
      if (closed) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    };
  };
  connect();

  return {
    call(method, args) {
      const id = nextId++;
      const frame: CallFrame = { type: 'call', id, method, args };
      const text = JSON.stringify(frame);
      return new Promise<Reply<unknown>>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'unavailable', message: `The console host did not answer ${method}` } });
        }, CALL_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe(event: EventName, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}

export function createWebSocketApi(options?: WebTransportOptions): MarshrutApi {
  return buildApiClient(createWebTransport(options));
}
