// The typed API over the browser host's WebSocket (`/api`, frames in shared/api/wire.ts).
// Every frame is parsed first; a bad one is answered (when it has an id) and changes nothing.
import type { Logger } from '../../platform/log/logger';
import type { WebSocket, WebSocketServer } from 'ws';
import { callFrameSchema, type HostFrame } from '../../shared/api/wire';
import type { Api } from '../api/create-api';

/** Events pile up for a browser that stops reading; past this it is dropped and reconnects. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export function serveApiSocket(wss: WebSocketServer, api: Api, logger: Logger): () => void {
  const send = (ws: WebSocket, frame: HostFrame): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      logger.warn('api socket: a browser is not reading; closing it');
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(frame));
  };

  wss.on('connection', (ws) => {
    // One call per macrotask: a burst of calls arrives in one TCP read, and the handlers are
    // synchronous SQL, so without yielding no reply would leave before the whole burst ran.
    // Yielding lets the first answers (the queue's first page) reach the browser early.
    const queue: (() => Promise<void>)[] = [];
    let running = false;
    const pump = (): void => {
      const next = queue.shift();
      if (!next) {
        running = false;
        return;
      }
      void next().finally(() => setImmediate(pump));
    };
    const enqueue = (job: () => Promise<void>): void => {
      queue.push(job);
      if (!running) {
        running = true;
        setImmediate(pump);
      }
    };
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return; // not JSON: nothing to answer to
      }
      const parsed = callFrameSchema.safeParse(raw);
      if (!parsed.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'number') {
          send(ws, { type: 'reply', id, reply: { ok: false, error: { code: 'invalid_request', message: 'Malformed call frame' } } });
        }
        return;
      }
      const { id, method, args } = parsed.data;
      enqueue(() => api.dispatch(method, args).then((reply) => send(ws, { type: 'reply', id, reply })));
    });
  });

  return api.events.onAny((event, payload) => {
    // The Electron shell shows notices natively; here the browser shows them (Notification API).
    for (const ws of wss.clients) send(ws, { type: 'event', event, payload });
  });
}
