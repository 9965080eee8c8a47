// A real `ws` client for server tests: records every parsed server message and waits for
// the next one matching a predicate. Not a sync client (main/sync/ is): it speaks raw frames.
import WebSocket from 'ws';
import { parseServerMessage, PROTOCOL_VERSION, SCHEMA_VERSION, type ServerMessage } from '../../shared/protocol';

export interface TestClient {
  ws: WebSocket;
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  sendRaw(text: string | Buffer): void;
  /** Resolves with the first message (at or after `from`) matching; rejects after `timeoutMs`. */
  next<T extends ServerMessage['type']>(type: T, match?: (m: Extract<ServerMessage, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<ServerMessage, { type: T }>>;
  hello(opts?: { clientId?: string; cursor?: number; lastAckedMid?: number; protocolVersion?: number; schemaVersion?: number; epoch?: string; historyDays?: number }): void;
  close(): void;
}

export async function connectTestClient(baseUrl: string, token: string | null, opts: { query?: boolean } = {}): Promise<TestClient> {
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/sync${token !== null && opts.query === true ? `?token=${encodeURIComponent(token)}` : ''}`;
  const headers: Record<string, string> = token !== null && opts.query !== true ? { authorization: `Bearer ${token}` } : {};
  const ws = new WebSocket(wsUrl, { headers });
  const messages: ServerMessage[] = [];
  let cursor = 0; // index of the first message not yet handed out by next()
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    const parsed = parseServerMessage(String(data));
    if (!parsed.ok) throw new Error(`server sent an invalid message: ${parsed.message}`);
    messages.push(parsed.message);
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const client: TestClient = {
    ws,
    messages,
    closed,
    send: (m) => ws.send(JSON.stringify(m)),
    sendRaw: (t) => ws.send(t),
    next(type, match, timeoutMs = 5000) {
      type M = Extract<ServerMessage, { type: typeof type }>;
      return new Promise<M>((resolve, reject) => {
        const check = (): void => {
          for (let i = cursor; i < messages.length; i++) {
            const m = messages[i] as ServerMessage;
            if (m.type === type && (match === undefined || match(m as M))) {
              cursor = i + 1;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(m as M);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(cursor)).slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    hello(o = {}) {
      client.send({
        type: 'hello',
        protocolVersion: o.protocolVersion ?? PROTOCOL_VERSION,
        schemaVersion: o.schemaVersion ?? SCHEMA_VERSION,
        clientId: o.clientId ?? 'client-a',
        cursor: o.cursor ?? 0,
        lastAckedMid: o.lastAckedMid ?? 0,
        ...(o.epoch === undefined ? {} : { epoch: o.epoch }),
        ...(o.historyDays === undefined ? {} : { historyDays: o.historyDays }),
      });
    },
    close: () => ws.close(),
  };
  return client;
}

/** Status of a WebSocket upgrade that the server refuses (e.g. 401). */
export function upgradeStatus(baseUrl: string, headers: Record<string, string>, query = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync${query}`, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('error', reject);
  });
}
