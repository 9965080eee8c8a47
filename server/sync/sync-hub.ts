// The WebSocket side of sync: authenticates upgrades on /sync (401 before anything else),
// keeps the sessions, fans committed changes out as one frame per commit, and lets other
// modules broadcast (positions). Dead connections are found by ws ping/pong.
import type { Logger } from '../../platform/log/logger';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CHANGES_FRAME_ROWS,
  CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  SYNC_PATH,
  type ChangeRow,
  type ServerMessage,
  type SessionUser,
} from '../../shared/protocol';
import { upgradeToken } from '../http/router';
import type { SyncEngine } from './sync-engine';
import { SyncSession } from './sync-session';
import { DEFAULT_SYNC_FLOW_LIMITS, SyncFlowCounters, type SyncFlowLimits } from './flow-limits';

const HEARTBEAT_MS = 30_000;

export interface SyncHubOptions {
  engine: SyncEngine;
  authenticate: (token: string | null) => SessionUser | null;
  logger: Logger;
  clock: () => number;
  maxMessageBytes?: number;
  /** Connections per user, slow readers (server/sync/flow-limits.ts); defaults if absent. */
  limits?: Partial<SyncFlowLimits>;
  /** A desktop finished its catch-up after sending this many pages of changes. */
  onCaughtUp?: (pages: number) => void;
}

export class SyncHub {
  readonly sessions = new Set<SyncSession>();
  readonly flow = new SyncFlowCounters();
  readonly limits: SyncFlowLimits;
  private readonly wss: WebSocketServer;
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private readonly readyListeners: Array<(send: (message: ServerMessage) => void) => void> = [];

  constructor(private readonly opts: SyncHubOptions) {
    const max = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.limits = { ...DEFAULT_SYNC_FLOW_LIMITS, ...opts.limits };
    // ws itself only cuts frames far beyond the limit; between the two the session answers
    // too_large and keeps the connection.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: max * 8 });
    this.unsubscribe = opts.engine.onChanges((rows, origin) => this.broadcastChanges(rows, origin));
    this.heartbeat = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  attach(http: HttpServer): void {
    http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  /** Sends a message to every welcomed session (e.g. positions). */
  broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const s of this.sessions) if (s.welcomed) s.sendText(text);
  }

  /**
   * Calls fn for every session that goes live (after its caught-up), with a send bound to
   * that session: modules greet a desktop once its replica holds the rows (positions).
   */
  onClientReady(fn: (send: (message: ServerMessage) => void) => void): void {
    this.readyListeners.push(fn);
  }

  /**
   * One frame per ~1,000 rows, serialized once. The desktop that pushed the change (`origin`)
   * is sent it last: it already shows the edit (optimistic), everyone else is still waiting.
   */
  broadcastChanges(rows: ChangeRow[], origin?: string): void {
    for (let i = 0; i < rows.length; i += CHANGES_FRAME_ROWS) {
      const chunk = rows.slice(i, i + CHANGES_FRAME_ROWS);
      const last = chunk[chunk.length - 1];
      if (last === undefined) continue;
      const text = JSON.stringify({ type: 'changes', rows: chunk, cursor: last.seq } satisfies ServerMessage);
      if (chunk.some((r) => r.table === 'users')) for (const s of this.sessions) s.recheckAuthorization();
      for (const s of this.sessions) if (origin === undefined || s.clientId !== origin) s.sendLive(chunk, text);
      if (origin !== undefined) for (const s of this.sessions) if (s.clientId === origin) s.sendLive(chunk, text);
    }
  }

  counts(): { connected: number; live: number } {
    let live = 0;
    for (const s of this.sessions) if (s.state === 'live') live++;
    return { connected: this.sessions.size, live };
  }

  /** Graceful: tells clients the server is going away. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const s of this.sessions) s.ws.close(CLOSE_CODES.serverShutdown, 'server shutting down');
    this.wss.close();
  }

  /** Abrupt, as if the process died: sockets are destroyed without a close frame. */
  kill(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const s of this.sessions) s.ws.terminate();
    this.wss.close();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const user = this.opts.authenticate(upgradeToken(req));
    if (user === null) return refuse(socket, 401, 'Unauthorized');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== SYNC_PATH) return refuse(socket, 404, 'Not Found');
    // A shop's token speaks the REST API only: it must not read every replica row.
    if (user.role === 'integration') return refuse(socket, 403, 'Forbidden');
    const token = upgradeToken(req);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.alive.set(ws, true);
      ws.on('pong', () => this.alive.set(ws, true));
      // Counted after the upgrade so the client reads a close code, not a bare HTTP status.
      if (this.openFor(user.id) >= this.limits.maxConnectionsPerUser) {
        this.flow.refusedPerUserLimit++;
        this.opts.logger.warn({ user: user.id, limit: this.limits.maxConnectionsPerUser }, 'sync connection refused: too many for this user');
        ws.close(CLOSE_CODES.tooManyConnections, `at most ${this.limits.maxConnectionsPerUser} sync connections per user`);
        setTimeout(() => ws.terminate(), this.limits.closeGraceMs).unref();
        return;
      }
      const session = new SyncSession(ws, user, {
        engine: this.opts.engine,
        stillAuthorized: () => this.opts.authenticate(token) !== null,
        onClose: (s) => this.sessions.delete(s),
        onLive: (s) => {
          this.greet(s);
          this.opts.onCaughtUp?.(s.catchUpPages);
        },
        logger: this.opts.logger,
        clock: this.opts.clock,
        limits: this.limits,
        counters: this.flow,
        ...(this.opts.maxMessageBytes === undefined ? {} : { maxMessageBytes: this.opts.maxMessageBytes }),
      });
      this.sessions.add(session);
    });
  }

  private openFor(userId: string): number {
    let n = 0;
    for (const s of this.sessions) if (s.user.id === userId) n++;
    return n;
  }

  private greet(session: SyncSession): void {
    for (const fn of this.readyListeners) {
      try {
        fn((message) => session.send(message));
      } catch (e) {
        // One module's failure must not keep the others' greetings from this desktop.
        this.opts.logger.error({ err: e }, 'client-ready hook failed');
      }
    }
  }

  private sweep(): void {
    for (const s of this.sessions) {
      if (this.alive.get(s.ws) === false) {
        s.ws.terminate();
        continue;
      }
      this.alive.set(s.ws, false);
      s.ws.ping();
    }
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  const body = JSON.stringify({ error: status === 401 ? 'unauthorized' : 'not_found', message: text });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
