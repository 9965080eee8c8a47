/*
 * The desktop sync client: the one object the app (main/api) uses to write and to follow sync.
 *
 *   const sync = createSyncClient({ replica, serverUrl: 'ws://host:8080/sync', token, user? });
 *   sync.start();
 *   const { mid } = sync.mutate('assignDriver', { orderId, driverId, seenVersion });
 *     // applied to the replica at once (optimistic) and queued, in one fsynced transaction.
 *     // Throws MutationRejection (code, message) when the replica already shows it would be
 *     // refused (bad args, forbidden, invalid transition...): then nothing changed.
 *     // Throws Error when no user is known yet (never connected and no `user` option).
 *   sync.state()  -> { connection: 'online' | 'offline' | 'catching_up' | 'incompatible' |
 *                      'unauthorized', pendingCount, lastSyncAt, lastError, conflictCount, clientId }
 *   sync.onStateChange(cb)   cb(state) on any change of the above; returns unsubscribe.
 *   sync.onChange(cb)        cb({ tables, ids }) after every committed write to synced tables
 *                            (own mutations, server frames, rebases): re-read those rows only.
 *                            Positions do NOT fire onChange (they'd fire every second).
 *   sync.onPositions(cb)     cb(DriverPosition[]) ~1/s; the drivers' rows are already updated.
 *   sync.noSignalDrivers()   drivers the server last said have no signal (kept in memory: the
 *                            server sends every driver's state again on connect).
 *   sync.conflicts({ includeAcknowledged? })  rejected mutations, newest first, with the server's
 *                            code and message ("order 123 was assigned to Driver X by Dispatcher Y").
 *   sync.acknowledgeConflict(id)  -> boolean; the UI's "seen" (state().conflictCount drops).
 *   sync.user()              the signed-in user (from the server's welcome, else the `user` option).
 *   sync.setToken(token)     new token: reconnects (also leaves 'unauthorized').
 *   sync.start() / sync.stop()  connect (and keep reconnecting) / disconnect. stop() does not
 *                            close the replica; the caller owns it.
 *
 * Pending edits are kept across restarts in the replica's outbox; create a new client on the
 * reopened replica and start() it. 'incompatible' (server speaks another protocol/schema
 * version) and 'unauthorized' (token refused) stop reconnecting until setToken() or start()
 * after stop(); the outbox is kept in both.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MutatorArgs, MutatorName } from '../../shared/mutators';
import { SYNC_PATH, type DriverPosition, type SessionUser } from '../../shared/protocol';
import { applyPositions, applyServerBatch, newInboundSession, type InboundSession } from './apply-frames';
import type { BackoffPolicy } from './backoff';
import type { ChangeEvent } from './change-set';
import type { SyncConflict } from './conflicts-store';
import { createConnection, realTimers, type ConnectionDelegate, type ConnectionStatus, type Timers } from './connection';
import { lineageRange, rekeyLineage } from './lineage';
import { enqueueMutation, pendingMutations } from './outbox';
import { actorOf, openSyncStore, type SyncStore } from './sync-store';
import type { Transport } from './transport';
import { createWsTransport } from './ws-transport';

export type SyncConnectionState = 'online' | 'offline' | 'catching_up' | 'incompatible' | 'unauthorized';

export interface SyncState {
  connection: SyncConnectionState;
  /** Mutations applied locally and not yet acknowledged by the server. */
  pendingCount: number;
  /** When a server frame was last applied (ms), or null if never in this session. */
  lastSyncAt: number | null;
  lastError: string | null;
  /** Rejected mutations the user has not acknowledged yet. */
  conflictCount: number;
  /** The identity new mutations are sent under (diagnostics). */
  clientId: string;
}

export interface SyncClientOptions {
  /** An open replica (main/db openReplica); only its raw connection is used. */
  replica: { sqlite: Database.Database };
  /** ws://host:port/sync (http(s):// and a bare host:port are accepted too). */
  serverUrl: string;
  token: string;
  /** Who mutates before the first welcome (offline first start); the server's user wins after. */
  user?: SessionUser;
  now?: () => number;
  transport?: Transport;
  timers?: Timers;
  random?: () => number;
  mintClientId?: () => string;
  backoff?: BackoffPolicy;
  maxInFlight?: number;
  pingIntervalMs?: number;
}

export interface SyncClient {
  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>): { mid: number; clientId: string };
  state(): SyncState;
  onStateChange(cb: (state: SyncState) => void): () => void;
  onChange(cb: (event: ChangeEvent) => void): () => void;
  onPositions(cb: (drivers: DriverPosition[]) => void): () => void;
  noSignalDrivers(): ReadonlySet<string>;
  conflicts(options?: { includeAcknowledged?: boolean }): SyncConflict[];
  acknowledgeConflict(id: number): boolean;
  user(): SessionUser | null;
  setToken(token: string): void;
  start(): void;
  stop(): void;
}

export function normalizeSyncUrl(serverUrl: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(serverUrl) ? serverUrl : `ws://${serverUrl}`;
  const url = new URL(withScheme);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.pathname === '/' || url.pathname === '') url.pathname = SYNC_PATH;
  return url.toString();
}

function listeners<T>(): { add(cb: (v: T) => void): () => void; emit(v: T): void } {
  const set = new Set<(v: T) => void>();
  return {
    add(cb) {
      set.add(cb);
      return () => void set.delete(cb);
    },
    emit(v) {
      for (const cb of [...set]) cb(v);
    },
  };
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const now = options.now ?? (() => Date.now());
  const mint = options.mintClientId ?? (() => randomUUID());
  const store: SyncStore = openSyncStore(options.replica.sqlite, { mintClientId: mint });
  let token = options.token;
  let user: SessionUser | null = store.meta.user() ?? options.user ?? null;
  let session: InboundSession = newInboundSession('');
  let connection: SyncConnectionState = 'offline';
  let lastSyncAt: number | null = null;
  let lastError: string | null = null;

  const stateListeners = listeners<SyncState>();
  const changeListeners = listeners<ChangeEvent>();
  const positionListeners = listeners<DriverPosition[]>();
  /** The server's no-signal flags (positions frames), by driver. */
  const noSignal = new Set<string>();

  const currentLineage = () => {
    const ls = store.meta.lineages();
    const l = ls[ls.length - 1];
    if (l === undefined) throw new Error('sync store has no client identity');
    return l;
  };
  const state = (): SyncState => ({
    connection,
    pendingCount: store.outbox.count(),
    lastSyncAt,
    lastError,
    conflictCount: store.conflicts.unacknowledgedCount(),
    clientId: currentLineage().clientId,
  });
  const emitState = (): void => stateListeners.emit(state());

  const delegate: ConnectionDelegate = {
    hello() {
      // The oldest identity with rows to send goes first (its rows are older).
      const ls = store.meta.lineages();
      const withRows = ls.find((_, i) => {
        const r = lineageRange(ls, i);
        return store.outbox.countRange(r.base, r.upTo) > 0;
      });
      const l = withRows ?? currentLineage();
      session = newInboundSession(l.clientId);
      const epoch = store.meta.epoch();
      return { clientId: l.clientId, cursor: store.meta.cursor(), lastAckedMid: l.lastAcked, ...(epoch === null ? {} : { epoch }) };
    },
    welcome(w, hello) {
      session.epoch = w.epoch;
      if (user === null || user.id !== w.user.id || user.name !== w.user.name || user.role !== w.user.role) {
        user = w.user;
        store.meta.setUser(w.user);
      }
      const ls = store.meta.lineages();
      const i = ls.findIndex((l) => l.clientId === hello.clientId);
      const l = ls[i];
      if (l === undefined) return 'reconnect';
      const r = lineageRange(ls, i);
      const issued = Math.min(r.upTo, store.meta.nextLocalMid() - 1) - r.base;
      // (A log behind our cursor needs nothing here: the server answers with a snapshot.)
      const verdict = store.transaction((): 'proceed' | 'reconnect' => {
        let v: 'proceed' | 'reconnect' = 'proceed';
        // The server forgot mids it acknowledged (restored from a backup), or knows mids this
        // identity never sent: its numbering can't be trusted, so pending rows get a new id.
        if (w.lastMid < l.lastAcked || w.lastMid > issued) {
          rekeyLineage(store.meta, store.outbox, l.clientId, mint);
          v = 'reconnect';
        }
        return v;
      });
      if (verdict === 'reconnect') lastError = 'the server does not know what this replica sent; resending under a new client id';
      return verdict;
    },
    frames(frames) {
      const result = applyServerBatch(store, session, frames, user === null ? null : actorOf(user), now());
      lastSyncAt = now();
      if (!result.changes.empty) changeListeners.emit(result.changes.toEvent());
      if (result.mismatched.length > 0) {
        // The server holds other mutations under this identity's mids: its numbering can't be
        // trusted for our pending rows, so they get a new identity and go again.
        store.transaction(() => rekeyLineage(store.meta, store.outbox, session.clientId, mint));
        lastError = `the server acknowledged mutation${result.mismatched.length > 1 ? 's' : ''} ${result.mismatched.join(', ')} that this desktop did not send; the edits are kept and sent again under a new client id`;
        emitState();
        return { caughtUp: result.caughtUp, lastAckedMid: result.lastAckedMid, switchIdentity: true };
      }
      const ls = store.meta.lineages();
      const i = ls.findIndex((l) => l.clientId === session.clientId);
      const mine = i >= 0 ? lineageRange(ls, i) : null;
      const switchIdentity =
        i !== ls.length - 1 && (mine === null || store.outbox.countRange(mine.base, mine.upTo) === 0);
      emitState();
      return { caughtUp: result.caughtUp, lastAckedMid: result.lastAckedMid, switchIdentity };
    },
    pending: (clientId, afterMid, limit) => pendingMutations(store, clientId, afterMid, limit),
    identityRefused(clientId) {
      store.transaction(() => rekeyLineage(store.meta, store.outbox, clientId, mint));
      lastError = 'this client id belongs to another user on the server; continuing under a new one';
    },
    positions(p) {
      applyPositions(store, p);
      for (const d of p.drivers) {
        if (d.noSignal) noSignal.add(d.driverId);
        else noSignal.delete(d.driverId);
      }
      positionListeners.emit(p.drivers);
    },
    status(s: ConnectionStatus, error) {
      const next: SyncConnectionState = s === 'connecting' ? 'offline' : s;
      if (error !== null) lastError = error;
      else if (next === 'online') lastError = null;
      connection = next;
      emitState();
    },
  };

  const conn = createConnection({
    url: normalizeSyncUrl(options.serverUrl),
    token: () => token,
    transport: options.transport ?? createWsTransport(),
    delegate,
    timers: options.timers ?? realTimers,
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
  });

  return {
    mutate(name, args) {
      if (user === null) throw new Error('No signed-in user yet: connect once, or pass `user` to createSyncClient');
      const result = enqueueMutation(store, { name, args, actor: actorOf(user), now: now() });
      // The push leaves before the UI hears of the edit: listeners (IPC to windows) can wait.
      conn.poke();
      if (!result.changes.empty) changeListeners.emit(result.changes.toEvent());
      emitState();
      return { mid: result.mid, clientId: result.clientId };
    },
    state,
    onStateChange: stateListeners.add,
    onChange: changeListeners.add,
    onPositions: positionListeners.add,
    noSignalDrivers: () => noSignal,
    conflicts: (o) => store.conflicts.list(o?.includeAcknowledged ?? false),
    acknowledgeConflict(id) {
      const done = store.conflicts.acknowledge(id);
      if (done) emitState();
      return done;
    },
    user: () => user,
    setToken(t) {
      token = t;
      conn.reconnect();
    },
    start: () => conn.start(),
    stop: () => conn.stop(),
  };
}
