// The server's sync core, free of sockets: applies pushes exactly once, runs server-side
// mutations, and pumps committed changes to whoever listens (the WebSocket hub). Everything
// here is synchronous better-sqlite3 work, so a commit and its broadcast happen in one tick.
import type { Logger } from '../../platform/log/logger';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { mutationDigest, type Ack, type ChangeRow, type Mutation } from '../../shared/protocol';
import {
  runMutator,
  type BusinessErrorBody,
  type MutationActor,
  type MutationOutcome,
  type MutatorTx,
} from '../../shared/mutators';
import { mutationIdFactory } from '../../shared/mutators/mutator-tx';
import { eventTimeAt } from '../../shared/domain/event-time';
import { ChangeLog } from './change-log';
import { ServerMetaStore } from './server-meta';
import { carriesImportBatch, ImportBatches, type HeldPart } from './import-batches';
import type { ImportBatch } from '../../shared/order-import/import-batch';
import { prepareOrderLookups, ServerMutatorTx, type OrderLookups } from './server-tx';
import { prepareTableStatements, type AllTableStatements } from './table-statements';
import type { SyncedTableKey } from '../../shared/schema';

/** Rejections kept per client (by mid distance) for re-acknowledging resent mids. */
export const KEPT_RESULTS_PER_CLIENT = 20_000;

export interface PushResult {
  acks: Ack[];
  /** Set when a mid skipped ahead: the client must resend from here. */
  expectedMid?: number;
}

/** `origin`: the client whose push made these changes (it already shows them), if any. */
export type ChangeListener = (rows: ChangeRow[], origin?: string) => void;

/**
 * Runs inside an applied mutation's transaction, after the mutator, with the same tx: what it
 * writes commits (or rolls back) with the mutation. Used to queue what a change causes (the
 * customer messages outbox) exactly once. A hook that throws loses only its own writes.
 */
export type MutationHook = (tx: MutatorTx, written: ReadonlyArray<{ table: SyncedTableKey; id: string }>, ctx: { at: number; now: number }) => void;

class Rejected extends Error {
  constructor(readonly error: BusinessErrorBody) {
    super(error.message);
  }
}

/** A part of an import refused while its parts are applied: rolls back every part. */
class PartRefused extends Error {
  constructor(
    readonly batch: ImportBatch,
    readonly error: BusinessErrorBody,
  ) {
    super(error.message);
  }
}

const importOrdersName = 'importOrders';

export class SyncEngine {
  readonly tables: AllTableStatements;
  readonly log: ChangeLog;
  readonly meta: ServerMetaStore;
  readonly serverId: string;
  /** The history epoch (server-meta.ts): fixed for the life of the process. */
  readonly epoch: string;
  private readonly listeners = new Set<ChangeListener>();
  private readonly hooks: MutationHook[] = [];
  /** Highest seq handed to listeners; pumpChanges sends what lies beyond. */
  private pumpedThrough: number;
  private readonly stmts;
  private readonly lookups: OrderLookups;
  /** >0 inside atomically(): mutations there are pumped once, after the commit. */
  private pumpHeld = 0;
  /** Multi-part imports: parts held until the last arrives, then applied together (import-batches.ts). */
  readonly imports: ImportBatches;

  constructor(
    readonly sqlite: Database.Database,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {
    this.tables = prepareTableStatements(sqlite);
    this.meta = new ServerMetaStore(sqlite);
    this.log = new ChangeLog(sqlite, this.tables, this.meta, clock);
    this.serverId = this.meta.serverId();
    this.epoch = this.meta.epoch();
    this.pumpedThrough = this.log.headSeq();
    this.lookups = prepareOrderLookups(sqlite);
    this.imports = new ImportBatches(sqlite);
    this.stmts = {
      getClient: sqlite.prepare<[string], { last_mid: number }>('SELECT last_mid FROM clients WHERE client_id = ?'),
      getOwner: sqlite.prepare<[string], { user_id: string; last_mid: number }>('SELECT user_id, last_mid FROM clients WHERE client_id = ?'),
      insertClient: sqlite.prepare<[string, string, number]>('INSERT INTO clients (client_id, last_mid, user_id, last_seen) VALUES (?, 0, ?, ?)'),
      touchClient: sqlite.prepare<[number, string]>('UPDATE clients SET last_seen = ? WHERE client_id = ?'),
      putDigest: sqlite.prepare<[string, number, string]>('INSERT OR REPLACE INTO client_digests (client_id, mid, digest) VALUES (?, ?, ?)'),
      getDigest: sqlite.prepare<[string, number], { digest: string }>('SELECT digest FROM client_digests WHERE client_id = ? AND mid = ?'),
      pruneDigests: sqlite.prepare<[string, number]>('DELETE FROM client_digests WHERE client_id = ? AND mid <= ?'),
      setLastMid: sqlite.prepare<[number, number, string]>('UPDATE clients SET last_mid = ?, last_seen = ? WHERE client_id = ?'),
      putRejection: sqlite.prepare<[string, number, string, string, number, number]>(
        'INSERT OR REPLACE INTO client_rejections (client_id, mid, name, error, seq, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getRejection: sqlite.prepare<[string, number], { error: string; seq: number }>(
        'SELECT error, seq FROM client_rejections WHERE client_id = ? AND mid = ?',
      ),
      pruneRejections: sqlite.prepare<[string, number]>('DELETE FROM client_rejections WHERE client_id = ? AND mid <= ?'),
    };
  }

  onChanges(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addMutationHook(hook: MutationHook): void {
    this.hooks.push(hook);
  }

  /**
   * Registers a client for `userId`, or refreshes it; returns its lastMid. A clientId belongs
   * to the user who first said hello with it: another user's hello gets null and changes
   * nothing (else they could read its lastMid and burn its next mids, and the owner's real
   * edits would be acknowledged as already applied and never run).
   */
  hello(clientId: string, userId: string): number | null {
    return this.sqlite
      .transaction((): number | null => {
        const existing = this.stmts.getOwner.get(clientId);
        if (existing === undefined) {
          this.stmts.insertClient.run(clientId, userId, this.clock());
          return 0;
        }
        if (existing.user_id !== userId) return null;
        this.stmts.touchClient.run(this.clock(), clientId);
        return existing.last_mid;
      })
      .immediate();
  }

  lastMid(clientId: string): number {
    return this.stmts.getClient.get(clientId)?.last_mid ?? 0;
  }

  /**
   * Applies a push exactly once: mids <= lastMid are re-acknowledged from the stored result,
   * lastMid + 1 runs, anything further stops the batch with expectedMid. One transaction for
   * the batch (each mutation in a savepoint), then the changes are pumped, then the acks
   * are returned for the caller to send.
   */
  applyPush(clientId: string, actor: MutationActor, mutations: readonly Mutation[]): PushResult {
    const acks: Ack[] = [];
    let expectedMid: number | undefined;
    const now = this.clock();
    this.sqlite
      .transaction(() => {
        let lastMid = this.stmts.getClient.get(clientId)?.last_mid ?? 0;
        const startMid = lastMid;
        let rejected = false;
        for (const m of mutations) {
          if (m.mid <= lastMid) {
            acks.push(this.storedAck(clientId, m.mid));
            continue;
          }
          if (m.mid !== lastMid + 1) {
            expectedMid = lastMid + 1;
            break;
          }
          // A user can't act in the future: a fast client clock is clamped to the server's.
          const at = eventTimeAt(m.at, now);
          const outcome = carriesImportBatch(m.name, m.args)
            ? this.receiveImportPart(clientId, m.mid, m.args, m.at, actor, now)
            : this.runInSavepoint(m.name, m.args, actor, at, now, mutationIdFactory(clientId, m.mid));
          lastMid = m.mid;
          const seq = this.log.headSeq();
          const digest = mutationDigest(m);
          this.stmts.putDigest.run(clientId, m.mid, digest);
          if (outcome.result === 'held') {
            // Kept, not applied: nothing to re-run, and its re-ack reads the held part (storedAck).
            acks.push({ type: 'ack', mid: m.mid, result: 'held', cursor: seq, digest });
          } else if (outcome.result === 'rejected') {
            // Only rejections are stored: a mid <= lastMid without a row was applied.
            this.stmts.putRejection.run(clientId, m.mid, m.name, JSON.stringify(outcome.error), seq, now);
            acks.push({ type: 'ack', mid: m.mid, result: 'rejected', error: outcome.error, cursor: seq, digest });
            rejected = true;
          } else {
            acks.push({ type: 'ack', mid: m.mid, result: 'applied', cursor: seq, digest });
          }
        }
        if (lastMid !== startMid) {
          this.stmts.setLastMid.run(lastMid, now, clientId);
          if (rejected) this.stmts.pruneRejections.run(clientId, lastMid - KEPT_RESULTS_PER_CLIENT);
          // Keyed on the primary key: a range delete of at most a push's worth of rows.
          this.stmts.pruneDigests.run(clientId, lastMid - KEPT_RESULTS_PER_CLIENT);
        }
      })
      .immediate();
    this.pumpChanges(clientId);
    return expectedMid === undefined ? { acks } : { acks, expectedMid };
  }

  /**
   * A part of a multi-part import (inside the push's transaction): held, or with the last part
   * every part applied in one savepoint (a refused one rolls them all back), or refused; parts
   * held before and now refused with their import get a stored rejection for their re-acks.
   */
  private receiveImportPart(clientId: string, mid: number, args: unknown, at: number, actor: MutationActor, now: number): MutationOutcome | { result: 'held' } {
    const answer = this.imports.receive({ clientId, mid, userId: actor.id, args, at, now }, (parts) => this.commitImportParts(parts, actor, now));
    if (answer.result === 'held') return { result: 'held' };
    if (answer.result === 'applied') return { result: 'applied' };
    const error = answer.error ?? { code: 'import_refused', message: 'The import was refused' };
    const seq = this.log.headSeq();
    for (const h of answer.rejectHeld) this.stmts.putRejection.run(h.clientId, h.mid, importOrdersName, JSON.stringify(error), seq, now);
    return { result: 'rejected', error };
  }

  private commitImportParts(parts: HeldPart[], actor: MutationActor, now: number): { part: ImportBatch; error: BusinessErrorBody } | null {
    try {
      this.sqlite.transaction(() => {
        for (const p of parts) {
          const outcome = this.runInSavepoint(importOrdersName, p.args, actor, eventTimeAt(p.at, now), now, mutationIdFactory(p.clientId, p.mid));
          if (outcome.result === 'rejected') throw new PartRefused((p.args as { batch: ImportBatch }).batch, outcome.error);
        }
      })();
      return null;
    } catch (e) {
      if (e instanceof PartRefused) return { part: e.batch, error: e.error };
      throw e;
    }
  }

  /** Gives up stale imports (import-batches.ts expire) and stores their held parts' refusal. */
  expireImports(): { expired: number; forgotten: number } {
    const now = this.clock();
    return this.sqlite
      .transaction(() => {
        const r = this.imports.expire(now);
        const seq = this.log.headSeq();
        for (const h of r.rejectHeld) this.stmts.putRejection.run(h.clientId, h.mid, importOrdersName, JSON.stringify(h.error), seq, now);
        return { expired: r.expired, forgotten: r.forgotten };
      })
      .immediate();
  }

  /**
   * Runs a mutation on the server's own behalf (GPS auto-marks, courier webhooks, the SLA
   * scheduler): same mutators, same role checks, committed and broadcast at once.
   */
  runMutation(name: string, args: unknown, actor: MutationActor, at: number = this.clock()): MutationOutcome {
    const prefix = `srv-${randomUUID()}`;
    let n = 0;
    const now = this.clock();
    const outcome = this.sqlite
      .transaction(() => this.runInSavepoint(name, args, actor, eventTimeAt(at, now), now, () => `${prefix}:${n++}`))
      .immediate();
    if (this.pumpHeld === 0) this.pumpChanges();
    return outcome;
  }

  /**
   * Runs `fn` in one transaction: runMutation calls inside it become savepoints of it, and a
   * throw rolls every one of them back (the driver's "delivered" with its proofs, and the
   * request's idempotency record, commit together or not at all). Listeners hear after the
   * commit, never about rows that were rolled back.
   */
  atomically<T>(fn: () => T): T {
    this.pumpHeld++;
    let result: T;
    try {
      result = this.sqlite.transaction(fn).immediate();
    } finally {
      this.pumpHeld--;
    }
    if (this.pumpHeld === 0) this.pumpChanges();
    return result;
  }

  /** Writes synced rows directly (seeding, user admin); recorded in the change log and pumped. */
  writeRows(write: (tx: MutatorTx) => void): void {
    this.sqlite.transaction(() => write(this.newTx())).immediate();
    this.pumpChanges();
  }

  newTx(): ServerMutatorTx {
    return new ServerMutatorTx(this.tables, this.lookups, this.log, this.meta);
  }

  /**
   * Hands every committed change not yet pumped to the listeners (also catches other
   * processes' writes). `origin` names the client whose push made them.
   */
  pumpChanges(origin?: string): void {
    const head = this.log.headSeq();
    if (head <= this.pumpedThrough) return;
    const rows = this.log.readAfter(this.pumpedThrough, Number.MAX_SAFE_INTEGER);
    this.pumpedThrough = head;
    if (rows.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(rows, origin);
      } catch (e) {
        this.logger.error({ err: e }, 'change listener failed');
      }
    }
  }

  private runInSavepoint(
    name: string,
    args: unknown,
    actor: MutationActor,
    at: number,
    now: number,
    newId: () => string,
  ): MutationOutcome {
    // better-sqlite3 runs a nested transaction as a savepoint and rolls it back on throw.
    const attempt = this.sqlite.transaction((): MutationOutcome => {
      const tx = this.newTx();
      const outcome = runMutator(tx, name, args, { actor, at, now, newId });
      if (outcome.result === 'rejected') throw new Rejected(outcome.error);
      if (this.hooks.length > 0 && tx.written.length > 0) this.runHooks(tx, { at, now });
      return outcome;
    });
    try {
      return attempt();
    } catch (e) {
      if (e instanceof Rejected) return { result: 'rejected', error: e.error };
      // A bug or a constraint: reject rather than wedge the client's queue behind it.
      this.logger.error({ err: e, mutation: name }, 'mutation failed');
      return {
        result: 'rejected',
        error: { code: 'internal', message: `The server could not apply this change (${e instanceof Error ? e.message : String(e)})` },
      };
    }
  }

  private runHooks(tx: ServerMutatorTx, ctx: { at: number; now: number }): void {
    const written = [...tx.written];
    for (const hook of this.hooks) {
      try {
        // Its own savepoint: a failing hook rolls back its writes, never the user's change.
        this.sqlite.transaction(() => hook(tx, written, ctx))();
      } catch (e) {
        this.logger.error({ err: e }, 'mutation hook failed');
      }
    }
  }

  private storedAck(clientId: string, mid: number): Ack {
    const stored = this.stmts.getRejection.get(clientId, mid);
    const digest = this.stmts.getDigest.get(clientId, mid)?.digest;
    const withDigest = digest === undefined ? {} : { digest };
    if (stored === undefined && this.imports.heldAt(clientId, mid)) {
      return { type: 'ack', mid, result: 'held', cursor: this.log.headSeq(), ...withDigest };
    }
    if (stored === undefined) {
      // Applied (or rejected so long ago that every replica has moved on): its rows are in
      // every replica at the current head, so that cursor is always safe.
      return { type: 'ack', mid, result: 'applied', cursor: this.log.headSeq(), ...withDigest };
    }
    return { type: 'ack', mid, result: 'rejected', error: JSON.parse(stored.error) as BusinessErrorBody, cursor: stored.seq, ...withDigest };
  }
}
