// One WebSocket connection of a desktop: hello -> welcome -> catch-up -> live. Messages are
// handled one at a time in arrival order (a push waits for the catch-up before it), except
// ping, which is answered at once. Every bad frame gets a clear error and changes nothing.
import type { Logger } from '../../platform/log/logger';
import type { WebSocket, RawData } from 'ws';
import {
  CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  OLDEST_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  syncWindowStart,
  SCHEMA_VERSION,
  parseClientMessage,
  type ChangeRow,
  type Hello,
  type ProtocolErrorCode,
  type Push,
  type ServerMessage,
  type SessionUser,
} from '../../shared/protocol';
import { roleToActor } from '../../shared/domain/order-status';
import type { SyncEngine } from './sync-engine';

import { DEFAULT_SYNC_FLOW_LIMITS, SyncFlowCounters, type SyncFlowLimits } from './flow-limits';
import { CatchUpPacer } from './catch-up-pacer';

export type SessionState = 'awaiting-hello' | 'catching-up' | 'live' | 'closed';

export interface SessionDeps {
  engine: SyncEngine;
  /** Re-checks the connection's token (a revoked token ends the session at its next push). */
  stillAuthorized: () => boolean;
  onClose: (session: SyncSession) => void;
  /** Called once the session is live (caught-up sent), e.g. to greet it with positions. */
  onLive?: (session: SyncSession) => void;
  logger: Logger;
  clock: () => number;
  maxMessageBytes?: number;
  limits?: SyncFlowLimits;
  counters?: SyncFlowCounters;
}

export class SyncSession {
  state: SessionState = 'awaiting-hello';
  clientId: string | null = null;
  /** Highest seq this client has been sent; live frames carry only what lies beyond. */
  sentThrough = 0;
  /** Pages of changes the catch-up sent (a big one is a burst the server hands memory back after). */
  catchUpPages = 0;
  /** Set when users changed (a revocation, maybe): the token is checked again at the next push. */
  private authStale = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly user: SessionUser,
    private readonly deps: SessionDeps,
  ) {
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', () => this.closed());
    ws.on('error', (e) => deps.logger.warn({ err: e }, 'sync socket error'));
  }

  /** Welcomed sessions receive broadcasts such as positions. */
  get welcomed(): boolean {
    return this.state === 'catching-up' || this.state === 'live';
  }

  send(message: ServerMessage): void {
    this.sendText(JSON.stringify(message));
  }

  sendText(text: string, done?: (err?: Error) => void): void {
    if (this.state === 'closed' || this.ws.readyState !== this.ws.OPEN) {
      done?.(new Error('socket closed'));
      return;
    }
    this.ws.send(text, done);
  }

  /** Live changes: only to caught-up sessions, only rows beyond what they have. */
  sendLive(rows: readonly ChangeRow[], sharedText: string | undefined): void {
    if (this.state !== 'live') return;
    const last = rows[rows.length - 1];
    if (last === undefined || last.seq <= this.sentThrough) return;
    if (this.ws.bufferedAmount > this.limits.liveMaxBufferedBytes) {
      this.counters.droppedSlowLive++;
      this.dropSlowReader(`${this.ws.bufferedAmount} bytes still queued`);
      return;
    }
    const first = rows[0];
    if (sharedText !== undefined && first !== undefined && first.seq > this.sentThrough) {
      this.sendText(sharedText);
    } else {
      const mine = rows.filter((r) => r.seq > this.sentThrough);
      this.send({ type: 'changes', rows: mine, cursor: last.seq });
    }
    this.sentThrough = last.seq;
  }

  private get limits(): SyncFlowLimits {
    return this.deps.limits ?? DEFAULT_SYNC_FLOW_LIMITS;
  }

  private get counters(): SyncFlowCounters {
    return (this.deps.counters ??= new SyncFlowCounters());
  }

  /**
   * Closes with 4005 and stops sending. The close frame queues behind what the reader has not
   * taken, so the socket is destroyed after a grace period whether or not it got there: the
   * server never keeps buffering for a reader that does not read.
   */
  dropSlowReader(why: string): void {
    if (this.state === 'closed') return;
    this.deps.logger.warn({ clientId: this.clientId, user: this.user.id, why }, 'sync reader too slow; dropping the connection');
    this.state = 'closed';
    this.deps.onClose(this);
    this.ws.close(CLOSE_CODES.slowReader, 'slow reader: reconnect and resume from your cursor');
    setTimeout(() => this.ws.terminate(), this.limits.closeGraceMs).unref();
  }

  /** Users changed: re-check this connection's token before its next push runs. */
  recheckAuthorization(): void {
    this.authStale = true;
  }

  error(code: ProtocolErrorCode, message: string, extra: { expectedMid?: number } = {}): void {
    this.send({ type: 'error', code, message, ...extra });
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    const max = this.deps.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    if (size > max) return this.error('too_large', `Message of ${size} bytes is larger than the limit of ${max} bytes`);
    if (isBinary) return this.error('bad_message', 'Binary frames are not part of the protocol; send JSON text');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const parsed = parseClientMessage(text, max);
    if (!parsed.ok) return this.error(parsed.code, parsed.message);
    const message = parsed.message;
    if (message.type === 'ping') {
      this.send({ type: 'pong', serverTime: this.deps.clock(), ...(message.t === undefined ? {} : { t: message.t }) });
      return;
    }
    this.chain = this.chain
      .then(() => (message.type === 'hello' ? this.onHello(message) : this.onPush(message)))
      .catch((e: unknown) => {
        this.deps.logger.error({ err: e, clientId: this.clientId }, 'sync session failed');
        this.error('internal', 'The server failed to handle this message');
        this.ws.close(CLOSE_CODES.internal, 'internal error');
      });
  }

  private async onHello(hello: Hello): Promise<void> {
    if (this.state !== 'awaiting-hello') return this.error('bad_message', 'hello was already received on this connection');
    const speaks = hello.protocolVersion >= OLDEST_PROTOCOL_VERSION && hello.protocolVersion <= PROTOCOL_VERSION;
    if (!speaks || hello.schemaVersion !== SCHEMA_VERSION) {
      this.send({
        type: 'error',
        code: 'version_mismatch',
        message:
          `This app speaks protocol ${hello.protocolVersion} / schema ${hello.schemaVersion}, the server ` +
          `${PROTOCOL_VERSION} / ${SCHEMA_VERSION}. Update the app; your unsent changes are kept.`,
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
      });
      this.ws.close(CLOSE_CODES.versionMismatch, 'version mismatch');
      return;
    }
    const { engine } = this.deps;
    const lastMid = engine.hello(hello.clientId, this.user.id);
    if (lastMid === null) {
      this.error('client_id_taken', 'This client id belongs to another user; start again with a new client id');
      this.ws.close(CLOSE_CODES.clientIdTaken, 'client id belongs to another user');
      return;
    }
    this.clientId = hello.clientId;
    const headSeq = engine.log.headSeq();
    this.state = 'catching-up';
    this.send({
      type: 'welcome',
      serverId: engine.serverId,
      epoch: engine.epoch,
      protocolVersion: hello.protocolVersion,
      schemaVersion: SCHEMA_VERSION,
      headSeq,
      lastMid,
      user: this.user,
    });
    // A cursor from another history (the database was restored from a backup) means nothing
    // here even when it is below the head: those seqs name other changes now.
    const otherHistory = hello.epoch !== undefined && hello.epoch !== engine.epoch;
    // Protocol 3: a desktop that asks for a window gets a snapshot of it (a protocol-2 one
    // cannot ask, and gets the whole history as before).
    const windowStart = hello.historyDays === undefined ? null : syncWindowStart(this.deps.clock(), hello.historyDays);
    await this.catchUp(hello.cursor, headSeq, otherHistory, windowStart);
  }

  private async catchUp(cursor: number, headSeq: number, otherHistory: boolean, windowStart: number | null): Promise<void> {
    const { log } = this.deps.engine;
    let from = cursor;
    if (otherHistory) {
      this.send({ type: 'snapshot-begin', reason: 'restored', headSeq });
      from = 0;
    } else if (cursor > headSeq) {
      this.send({ type: 'snapshot-begin', reason: 'cursor_ahead', headSeq });
      from = 0;
    } else if (log.needsSnapshot(cursor)) {
      this.send({ type: 'snapshot-begin', reason: 'compacted', headSeq });
      from = 0;
    } else if (cursor === 0 && windowStart !== null) {
      // As a snapshot, the desktop keeps its cursor at 0 until caught-up: cut off halfway, it
      // starts the windowed snapshot again instead of resuming into the whole history.
      this.send({ type: 'snapshot-begin', reason: 'window', headSeq });
    }
    // Only a snapshot is windowed: a resumed cursor gets every change after it, since the
    // desktop may hold any of those rows (and changes after a recent cursor are recent).
    const window = from === 0 ? windowStart : null;
    // One slice per turn of the event loop, sized to a few ms (./catch-up-pacer.ts): the
    // other desktops' live frames and the phones' fixes never wait behind a whole snapshot.
    const pacer = new CatchUpPacer(this.limits.catchUp);
    for (;;) {
      if (this.state === 'closed' || this.ws.readyState !== this.ws.OPEN) return;
      const sliceStart = performance.now();
      let rows: ChangeRow[];
      let through: number | undefined;
      if (window === null) {
        rows = log.readAfter(from, pacer.rows);
      } else {
        ({ rows, through } = log.readWindowAfter(from, window, pacer.rows, pacer.entries));
        if (rows.length === 0 && through > from) {
          // A stretch of history outside the window: nothing to send, look further on the next turn.
          from = through;
          pacer.took(performance.now() - sliceStart);
          await nextTurn();
          continue;
        }
      }
      const last = rows[rows.length - 1];
      if (last === undefined) {
        // Same tick as the empty read: no commit can slip between this and going live.
        const head = log.headSeq();
        this.sentThrough = head;
        this.state = 'live';
        this.send({ type: 'caught-up', cursor: head });
        this.deps.onLive?.(this);
        return;
      }
      from = through ?? last.seq;
      this.sentThrough = from;
      this.catchUpPages += 1;
      const text = JSON.stringify({ type: 'changes', rows, cursor: from } satisfies ServerMessage);
      // One page at a time: the next page is read only once this one is in the kernel's
      // socket buffer, so a reader that stops reading holds at most one page of ours.
      const sent = this.sendPage(text);
      pacer.took(performance.now() - sliceStart);
      if (!(await sent)) {
        this.counters.droppedSlowCatchUp++;
        this.dropSlowReader(`a catch-up page waited over ${this.limits.slowReaderMs} ms`);
        return;
      }
      await nextTurn();
    }
  }

  /** Sends one catch-up page; false when it did not drain within the slow-reader limit. */
  private sendPage(text: string): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.limits.slowReaderMs);
      // The callback runs once ws handed the frame to the socket (another client's pushes and
      // frames get their turn meanwhile); an error means the socket is gone, handled by close.
      this.sendText(text, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private onPush(push: Push): void {
    if (this.state !== 'live' || this.clientId === null) {
      return this.error('not_ready', 'Say hello before pushing mutations');
    }
    // The token was checked at the upgrade; it can only have stopped working since if a users
    // row changed (revocation is written to users), so only then is it hashed and looked up again.
    if (this.authStale) {
      this.authStale = false;
      if (!this.deps.stillAuthorized()) {
        this.error('unauthorized', 'Your token was revoked; sign in again. Your unsent changes are kept.');
        this.ws.close(CLOSE_CODES.unauthorized, 'unauthorized');
        return;
      }
    }
    const actor = { id: this.user.id, name: this.user.name, actor: roleToActor(this.user.role), role: this.user.role };
    // applyPush commits and pumps the changes (other sessions first, this one last), then acks.
    const result = this.deps.engine.applyPush(this.clientId, actor, push.mutations);
    for (const ack of result.acks) this.send(ack);
    if (result.expectedMid !== undefined) {
      this.error('mid_gap', `Expected mutation ${result.expectedMid} next; resend from there`, { expectedMid: result.expectedMid });
    }
  }

  private closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.deps.onClose(this);
  }
}

/** Lets the event loop run its timers and I/O (other clients' pushes and frames) first. */
function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
