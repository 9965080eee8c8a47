// The connection loop: connect, hello, apply what arrives, push the outbox in order, and
// reconnect with backoff and jitter. It owns no data: a delegate applies frames and reads
// the outbox, each call synchronous and self-contained, so no database transaction is ever
// open while this loop waits on the network.
//
//   connect -> hello {clientId, cursor, lastAckedMid} -> welcome -> (changes)* -> caught-up
//   -> online: push pending (window of MAX_IN_FLIGHT), apply live changes/acks, ping.
//   mid_gap {expectedMid}: resend from expectedMid. version_mismatch: 'incompatible', stop
//   retrying (the outbox stays). 401 / unauthorized: 'unauthorized', stop retrying.
//   client_id_taken: the delegate takes a new identity, reconnect at once.
import { MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, SCHEMA_VERSION, encodeMessage, type Mutation } from '../../shared/protocol';
import type { InboundFrame } from './apply-frames';
import type { ConnectionDelegate, ConnectionStatus, FramesOutcome, HelloParams } from './connection-delegate';
import type { Timers } from './timers';
import { parseInbound } from './parse-inbound';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Transport, TransportCloseInfo, TransportSocket } from './transport';

export type { ConnectionDelegate, ConnectionStatus, FramesOutcome, HelloParams } from './connection-delegate';
export { realTimers, type Timers } from './timers';

export interface ConnectionOptions {
  url: string;
  token: () => string;
  transport: Transport;
  delegate: ConnectionDelegate;
  timers: Timers;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Unacknowledged mutations on the wire at most. */
  maxInFlight?: number;
  /** Bytes of one push message at most (the server refuses > 1 MiB). */
  maxPushBytes?: number;
  pingIntervalMs?: number;
  /** No welcome this long after opening: give up and retry. */
  welcomeTimeoutMs?: number;
}

export interface Connection {
  start(): void;
  stop(): void;
  /** New outbox rows: push them (coalesced). */
  poke(): void;
  /** Drop the socket and reconnect at once (token changed, identity switch...). */
  reconnect(): void;
  status(): ConnectionStatus;
}

export function createConnection(o: ConnectionOptions): Connection {
  const timers = o.timers;
  const random = o.random ?? Math.random;
  const backoff = o.backoff ?? DEFAULT_BACKOFF;
  const maxInFlight = o.maxInFlight ?? 1000;
  const maxPushBytes = o.maxPushBytes ?? 512 * 1024;
  const pingIntervalMs = o.pingIntervalMs ?? 15_000;
  const welcomeTimeoutMs = o.welcomeTimeoutMs ?? 15_000;

  let running = false;
  let status: ConnectionStatus = 'offline';
  let socket: TransportSocket | null = null;
  let generation = 0;
  let attempt = 0;
  let retryTimer: unknown = null;
  let beatTimer: unknown = null;
  let hello: HelloParams | null = null;
  let welcomed = false;
  let live = false;
  let sentUpTo = 0;
  let ackedUpTo = 0;
  let lastHeardAt = 0;
  let queue: InboundFrame[] = [];
  let drainScheduled = false;
  let pumpScheduled = false;
  let reconnectAtOnce = false;
  let welcomeTimer: unknown = null;

  const setStatus = (s: ConnectionStatus, error: string | null = null): void => {
    status = s;
    o.delegate.status(s, error);
  };

  const send = (msg: Parameters<typeof encodeMessage>[0]): void => socket?.send(encodeMessage(msg));

  const connect = (): void => {
    retryTimer = null;
    if (!running) return;
    const gen = ++generation;
    hello = null;
    welcomed = false;
    live = false;
    queue = [];
    setStatus('connecting');
    const mine = (fn: () => void): void => {
      if (gen === generation) fn();
    };
    lastHeardAt = timers.now();
    socket = o.transport(o.url, o.token(), {
      onOpen: () => mine(onOpen),
      onMessage: (text) => mine(() => onMessage(text)),
      onClose: (info) => mine(() => onClose(info)),
    });
    welcomeTimer = timers.set(() => {
      welcomeTimer = null;
      if (gen === generation && !welcomed) drop('no welcome from the server in time');
    }, welcomeTimeoutMs);
  };

  const clearTimer = (h: unknown): null => {
    if (h !== null) timers.clear(h);
    return null;
  };

  const onOpen = (): void => {
    hello = o.delegate.hello();
    send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, ...hello });
    scheduleBeat();
  };

  const onMessage = (text: string): void => {
    lastHeardAt = timers.now();
    const parsed = parseInbound(text);
    if (!parsed.ok) {
      drop(`the server sent a frame this client cannot read (${parsed.code}): ${parsed.message}`);
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'welcome': {
        if (hello === null) return;
        if (o.delegate.welcome(msg, hello) === 'reconnect') {
          reconnectAtOnce = true;
          drop(null);
          return;
        }
        welcomed = true;
        welcomeTimer = clearTimer(welcomeTimer);
        sentUpTo = 0;
        ackedUpTo = hello.lastAckedMid;
        setStatus('catching_up');
        return;
      }
      case 'changes':
      case 'snapshot-begin':
      case 'caught-up':
      case 'ack':
        if (!welcomed) return;
        queue.push(msg);
        if (!drainScheduled) {
          drainScheduled = true;
          const gen = generation;
          timers.defer(() => {
            drainScheduled = false;
            if (gen === generation) drain();
          });
        }
        return;
      case 'positions':
        o.delegate.positions(msg);
        return;
      case 'pong':
        return;
      case 'error':
        onServerError(msg.code, msg.message, msg.expectedMid);
        return;
    }
  };

  const onServerError = (code: string, message: string, expectedMid: number | undefined): void => {
    if (code === 'version_mismatch') {
      halt('incompatible', message);
    } else if (code === 'unauthorized') {
      halt('unauthorized', message);
    } else if (code === 'client_id_taken' && hello !== null) {
      // Not ours to use: a fresh identity is, and the pending rows go under it.
      o.delegate.identityRefused(hello.clientId);
      reconnectAtOnce = true;
      drop(`the server refused this desktop's client id (${message}); reconnecting under a new one`);
    } else if (code === 'mid_gap' && expectedMid !== undefined) {
      // The server lost or reordered part of a push: resend from where it stands.
      sentUpTo = Math.max(0, expectedMid - 1);
      ackedUpTo = Math.min(ackedUpTo, sentUpTo);
      pump();
    } else {
      o.delegate.status(status, `server error ${code}: ${message}`);
    }
  };

  const drain = (): void => {
    const frames = queue;
    queue = [];
    if (frames.length === 0) return;
    let outcome: FramesOutcome;
    try {
      outcome = o.delegate.frames(frames);
    } catch (e) {
      drop(`could not apply the server's changes: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    ackedUpTo = Math.max(ackedUpTo, outcome.lastAckedMid);
    if (outcome.caughtUp && !live) {
      live = true;
      attempt = 0;
      setStatus('online');
    }
    if (outcome.switchIdentity) {
      reconnectAtOnce = true;
      drop(null);
      return;
    }
    pump();
  };

  const pump = (): void => {
    if (!live || socket === null || hello === null) return;
    const clientId = hello.clientId;
    for (;;) {
      const room = Math.min(MAX_PUSH_MUTATIONS, maxInFlight - (sentUpTo - ackedUpTo));
      if (room <= 0) return;
      const batch = o.delegate.pending(clientId, sentUpTo, room);
      if (batch.length === 0) return;
      // Split by size: one push must stay under the server's frame limit.
      let chunk: Mutation[] = [];
      let bytes = 0;
      for (const m of batch) {
        const size = JSON.stringify(m).length * 2;
        if (chunk.length > 0 && bytes + size > maxPushBytes) {
          send({ type: 'push', mutations: chunk });
          chunk = [];
          bytes = 0;
        }
        chunk.push(m);
        bytes += size;
      }
      send({ type: 'push', mutations: chunk });
      const last = batch[batch.length - 1];
      if (last !== undefined) sentUpTo = last.mid;
    }
  };

  const scheduleBeat = (): void => {
    if (beatTimer !== null) timers.clear(beatTimer);
    const gen = generation;
    beatTimer = timers.set(() => {
      beatTimer = null;
      if (gen !== generation || socket === null) return;
      if (timers.now() - lastHeardAt > 2 * pingIntervalMs) {
        drop('the server stopped answering');
        return;
      }
      send({ type: 'ping', t: timers.now() });
      scheduleBeat();
    }, pingIntervalMs);
  };

  /** Closes the current socket; onClose decides what comes next. */
  const drop = (error: string | null): void => {
    if (error !== null) o.delegate.status(status, error);
    const s = socket;
    if (s === null) return;
    // Detach first: the socket's own close event may come late or never (dead network).
    generation++;
    socket = null;
    s.close(1000, 'client closing');
    afterClose({ code: 1000, reason: error ?? '', unauthorized: false });
  };

  const onClose = (info: TransportCloseInfo): void => {
    generation++;
    socket = null;
    if (info.unauthorized) {
      halt('unauthorized', 'The server refused this token (401). Sign in again.');
      return;
    }
    afterClose(info);
  };

  const afterClose = (info: TransportCloseInfo): void => {
    live = false;
    welcomed = false;
    queue = [];
    beatTimer = clearTimer(beatTimer);
    welcomeTimer = clearTimer(welcomeTimer);
    if (!running || status === 'incompatible' || status === 'unauthorized') return;
    setStatus('offline', info.code === 1000 ? null : `connection closed (${info.code}${info.reason ? `: ${info.reason}` : ''})`);
    if (reconnectAtOnce) {
      reconnectAtOnce = false;
      retryTimer = timers.set(connect, 0);
      return;
    }
    const delay = backoffDelay(backoff, attempt++, random());
    retryTimer = timers.set(connect, delay);
  };

  /** A state only the user can fix (new app version, new token): stop retrying. */
  const halt = (s: 'incompatible' | 'unauthorized', message: string): void => {
    setStatus(s, message);
    const sock = socket;
    generation++;
    socket = null;
    live = false;
    welcomed = false;
    sock?.close(1000, s);
    retryTimer = clearTimer(retryTimer);
    beatTimer = clearTimer(beatTimer);
    welcomeTimer = clearTimer(welcomeTimer);
  };

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    stop() {
      running = false;
      retryTimer = clearTimer(retryTimer);
      beatTimer = clearTimer(beatTimer);
      welcomeTimer = clearTimer(welcomeTimer);
      const s = socket;
      generation++;
      socket = null;
      live = false;
      welcomed = false;
      s?.close(1000, 'client stopped');
      if (status !== 'incompatible' && status !== 'unauthorized') setStatus('offline');
    },
    poke() {
      // Nothing on the wire: send at once (a lone edit should not wait a loop turn). Otherwise
      // the rest of a burst is coalesced into one push on the next turn.
      if (live && sentUpTo === ackedUpTo) return pump();
      if (pumpScheduled) return;
      pumpScheduled = true;
      timers.defer(() => {
        pumpScheduled = false;
        pump();
      });
    },
    reconnect() {
      if (!running) return;
      if (socket === null || status === 'incompatible' || status === 'unauthorized') {
        retryTimer = clearTimer(retryTimer);
        attempt = 0;
        connect();
        return;
      }
      reconnectAtOnce = true;
      drop(null);
    },
    status: () => status,
  };
}
