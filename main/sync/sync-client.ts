/*
 * The desktop sync client: the one object the app (main/api) uses to write and to follow sync.
 *
 *   const sync = createSyncClient({ replica, serverUrl: 'ws://host:8080/sync', token, user? });
 *   sync.start();
 *   const r = sync.mutate('assignDriver', { orderId, driverId, seenVersion });
 *     // applied to the replica at once (optimistic) and queued, in one transaction:
 *     // r = { ok: true, mid, clientId }. The commit is fsynced on the next turn, together
 *     // with every other edit of this turn (group-commit.ts):
 *   await sync.durable()     every edit so far is on disk: only now may the UI say "saved". When the replica already shows it would be refused
 *     // (bad args, forbidden, invalid transition...) or no user is known yet (never connected
 *     // and no `user` option), r = { ok: false, code, message, details } (the CommandResult
 *     // every API command answers with) and nothing changed.
 *   sync.on(event, cb)       the console's events, named and shaped as the renderer gets them
 *                            (shared/api/events); returns unsubscribe:
 *     'connection'  ConnectionView on any change of state() below.
 *     'changes'     { tables, ids, all } after every committed write to synced tables (own
 *                   mutations, server frames, rebases): re-read those rows only. Positions do
 *                   NOT fire it (they'd fire every second).
 *     'positions'   { fixes } ~1/s; the drivers' rows are already updated.
 *     'conflicts'   the open conflicts, whenever their number changes.
 *   sync.state()  -> { connection: 'online' | 'offline' | 'catching_up' | 'incompatible' |
 *                      'unauthorized', pendingCount, lastSyncAt, lastError, conflictCount, clientId }
 *   sync.connection()        state() as the status bar shows it (ConnectionView).
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
import type { ApiErrorBody } from '../../shared/api/define';
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import { MutationRejection, type MutatorArgs, type MutatorName } from '../../shared/mutators';
import { SYNC_PATH, type SessionUser } from '../../shared/protocol';
import { applyPositions, applyServerBatch, newInboundSession, type InboundSession } from './apply-frames';
import type { BackoffPolicy } from './backoff';
import { refusal, toConflictView, toConnectionView, type SyncConnectionState, type SyncState } from './client-views';
import { createGroupCommit } from './group-commit';
import { createConnection, realTimers, type ConnectionDelegate, type ConnectionStatus, type Timers } from './connection';
import { lineageIndexFor, lineageRange, rekeyLineage } from './lineage';
import type { SyncConflict } from './conflicts-store';
import { ChangeSet } from './change-set';
import { enqueueMutation, enqueueMutations, pendingMutations } from './outbox';
import { createSyncEvents, type SyncEventName, type SyncListener } from './sync-events';
import { actorOf, openSyncStore, type SyncStore } from './sync-store';
import type { Transport } from './transport';
import { createWsTransport } from './ws-transport';

export type { SyncConnectionState, SyncState } from './client-views';

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
  /**
   * The history this desktop keeps, in days (shared/protocol/sync-window.ts: never fewer than
   * the reports need). A replica synced from nothing gets open orders and the window only;
   * absent, the whole history.
   */
  historyDays?: number;
}

export type MutateResult = { ok: true; mid: number; clientId: string } | ({ ok: false } & ApiErrorBody);
/** One call of mutateAll: a mutator's name with its arguments. */
export type MutationCall = { [N in MutatorName]: { name: N; args: MutatorArgs<N> } }[MutatorName];
/** On a refusal nothing was applied; `details.index` says which call was refused. */
export type MutateAllResult = { ok: true; mids: number[]; clientId: string } | ({ ok: false } & ApiErrorBody);

export interface SyncClient {
  mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>): MutateResult;
  /** Several mutations applied and queued together in one transaction, or none of them. */
  mutateAll(calls: readonly MutationCall[]): MutateAllResult;
  /** Resolves once every edit made so far is on disk (one fsync for all the edits of a turn). */
  durable(): Promise<void>;
  on<E extends SyncEventName>(event: E, listener: SyncListener<E>): () => void;
  state(): SyncState;
  connection(): ConnectionView;
  noSignalDrivers(): ReadonlySet<string>;
  conflicts(options?: { includeAcknowledged?: boolean }): ConflictView[];
  acknowledgeConflict(id: string): boolean;
  /**
   * A multi-part import's parts still pending (`pending`), how many of those the server holds
   * (acknowledged 'held'), and its refusal once refused (the conflict recorded for it).
   */
  importProgress(importId: string): { pending: number; held: number; refusal: SyncConflict | null };
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

  const events = createSyncEvents();
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
  const numberOf = options.replica.sqlite.prepare<[string], string>('SELECT number FROM orders WHERE id = ?').pluck();
  const conflicts = (includeAcknowledged = false): ConflictView[] =>
    store.conflicts.list(includeAcknowledged).map((c) => toConflictView(c, (id) => numberOf.get(id) ?? null));
  let lastConflictCount = store.conflicts.unacknowledgedCount();
  const emitState = (): void => {
    const s = state();
    events.emit('connection', toConnectionView(s, options.serverUrl));
    if (s.conflictCount !== lastConflictCount) {
      lastConflictCount = s.conflictCount;
      events.emit('conflicts', conflicts());
    }
  };

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
      return {
        clientId: l.clientId,
        cursor: store.meta.cursor(),
        lastAckedMid: l.lastAcked,
        ...(epoch === null ? {} : { epoch }),
        ...(options.historyDays === undefined ? {} : { historyDays: options.historyDays }),
      };
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
      commits.afterWrite();
      lastSyncAt = now();
      if (!result.changes.empty) events.emit('changes', result.changes.toEvent());
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
      events.emit('positions', {
        fixes: p.drivers.map((d) => ({
          driverId: d.driverId,
          lat: d.lat,
          lon: d.lon,
          headingDeg: d.headingDeg,
          speedKmh: d.speedKmh,
          battery: d.battery,
          fixAt: d.fixAt,
          noSignal: d.noSignal,
        })),
      });
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

  // The outbox is offered to the server only once it is on disk (pendingMutations).
  const commits = createGroupCommit(store, {
    now: (options.timers ?? realTimers).now,
    onDurable: () => conn.poke(),
    onError: (e) => {
      lastError = `saving to the local database failed: ${e instanceof Error ? e.message : String(e)}`;
      emitState();
    },
  });

  return {
    mutate(name, args) {
      if (user === null) {
        return { ok: false, code: 'unauthorized', message: 'Not signed in yet: connect to the server once so it can tell who you are' };
      }
      let result: ReturnType<typeof enqueueMutation>;
      try {
        // The mutator checks its arguments (the API's commands share its schemas or map onto them).
        result = enqueueMutation(store, { name, args, actor: actorOf(user), now: now() });
      } catch (err) {
        if (err instanceof MutationRejection) return refusal(err);
        throw err;
      }
      commits.afterEdit();
      if (!result.changes.empty) events.emit('changes', result.changes.toEvent());
      emitState();
      return { ok: true, mid: result.mid, clientId: result.clientId };
    },
    mutateAll(calls) {
      if (user === null) {
        return { ok: false, code: 'unauthorized', message: 'Not signed in yet: connect to the server once so it can tell who you are' };
      }
      const actor = actorOf(user);
      const at = now();
      let results: ReturnType<typeof enqueueMutations>;
      try {
        results = enqueueMutations(
          store,
          calls.map((c) => ({ name: c.name, args: c.args, actor, now: at })),
        );
      } catch (err) {
        if (err instanceof MutationRejection) return refusal(err);
        throw err;
      }
      commits.afterEdit();
      const changes = new ChangeSet();
      for (const r of results) changes.addAll(r.changes);
      if (!changes.empty) events.emit('changes', changes.toEvent());
      emitState();
      return { ok: true, mids: results.map((r) => r.mid), clientId: results[0]?.clientId ?? '' };
    },
    durable: () => commits.durable(),
    on: events.on,
    state,
    connection: () => toConnectionView(state(), options.serverUrl),
    noSignalDrivers: () => noSignal,
    conflicts: (o) => conflicts(o?.includeAcknowledged ?? false),
    acknowledgeConflict(id) {
      const done = store.conflicts.acknowledge(id);
      if (done) emitState();
      return done;
    },
    importProgress(importId) {
      const mids = store.outbox.importPartMids(importId);
      const ls = store.meta.lineages();
      let held = 0;
      for (const m of mids) {
        const l = ls[lineageIndexFor(ls, m)];
        if (l !== undefined && m - l.base <= l.lastAcked) held++;
      }
      return { pending: mids.length, held, refusal: store.conflicts.forImport(importId) ?? null };
    },
    user: () => user,
    setToken(t) {
      token = t;
      conn.reconnect();
    },
    start: () => conn.start(),
    stop: () => {
      commits.flushNow();
      conn.stop();
    },
  };
}
