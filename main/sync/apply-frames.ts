// Applying what the server sends, and the rebase. Each batch of frames is applied in ONE
// transaction: restore the confirmed layer (shadow.ts), write the server's rows, advance
// the cursor, drop acknowledged mutations (recording rejections as conflicts), and re-run
// what is still pending on top. A crash at any point leaves the replica at a frame boundary.
import { refusedField, type MutationActor } from '../../shared/mutators';
import { mutationDigest, type Ack, type CaughtUp, type Changes, type Positions, type SnapshotBegin } from '../../shared/protocol';
import { SYNCED_TABLE_KEYS } from '../../shared/schema';
import { ChangeSet } from './change-set';
import { lineageRange } from './lineage';
import { affectedMutations, DirtyKeys, rowKey, type Footprint } from './footprints';
import { rerunPending } from './outbox';
import type { OutboxRow } from './outbox-store';
import { validateRow, type AppRow } from './row-store';
import type { SyncStore } from './sync-store';

export type InboundFrame = Changes | SnapshotBegin | CaughtUp | Ack;

/** Per-connection state of the inbound stream; a new connection starts a new one. */
export interface InboundSession {
  /** The identity the connection said hello with: acks name its wire mids. */
  clientId: string;
  /** Set between snapshot-begin and caught-up. `tracking`: remember ids to delete the rest at the end. */
  snapshot: { tracking: boolean } | null;
  /** 'applied' acks whose rows have not arrived yet (ack.cursor > cursor): dropping the pending
   * mutation before its effects are confirmed would make the edit flicker away and back. */
  heldAcks: Ack[];
  /** The epoch the server's welcome named: stored with the cursor at caught-up. */
  epoch: string | null;
}

export function newInboundSession(clientId: string): InboundSession {
  return { clientId, snapshot: null, heldAcks: [], epoch: null };
}

export interface BatchResult {
  changes: ChangeSet;
  caughtUp: boolean;
  /** Outbox rows dropped because the server acknowledged them. */
  acknowledged: number;
  /** Rejections recorded in `conflicts`. */
  rejected: number;
  /** Highest wire mid of the session's identity acknowledged so far. */
  lastAckedMid: number;
  /**
   * Wire mids whose ack disagrees with the outbox (another mutation ran under that mid, or
   * the mid was never issued here). Their rows are kept; the caller must change identity.
   */
  mismatched: number[];
}

/** A server frame that does not fit the replica; the batch is not applied. */
export class BadFrameError extends Error {
  override readonly name = 'BadFrameError';
}

export function applyServerBatch(
  store: SyncStore,
  session: InboundSession,
  frames: readonly InboundFrame[],
  actor: MutationActor | null,
  now: number,
): BatchResult {
  const snapshotting = session.snapshot !== null || frames.some((f) => f.type === 'snapshot-begin');
  if (!snapshotting && store.footprints !== null && store.outbox.count() > 0) {
    const saved = { snapshot: session.snapshot, heldAcks: [...session.heldAcks] };
    try {
      return store.transaction(() => applyBatch(store, session, frames, actor, now, 'incremental'));
    } catch (e) {
      if (!(e instanceof NeedsFullRebase)) throw e;
      session.snapshot = saved.snapshot;
      session.heldAcks = saved.heldAcks;
    }
  }
  return store.transaction(() => applyBatch(store, session, frames, actor, now, 'full'));
}

/** Thrown inside the incremental path when it can't be sure; the batch is redone in full. */
class NeedsFullRebase extends Error {}

function applyBatch(
  store: SyncStore,
  session: InboundSession,
  frames: readonly InboundFrame[],
  actor: MutationActor | null,
  now: number,
  mode: 'full' | 'incremental',
): BatchResult {
  const changes = new ChangeSet();
  const { rows, meta, outbox } = store;
  const cursorBefore = meta.cursor();
  const pending = outbox.count() > 0;
  let affected: number[] = [];
  if (mode === 'full') {
    // Fast path when nothing is pending: the tables ARE the confirmed state.
    if (pending || store.shadow.count() > 0) store.shadow.restoreAll(changes);
  } else {
    // Only rows this batch changes, plus everything the mutations they affect touched.
    const settling = new Set(planAcks(store, session, frames, cursorAfter(frames, cursorBefore)));
    const dirty = new DirtyKeys();
    for (const f of frames) {
      if (f.type !== 'changes') continue;
      for (const c of f.rows) if (c.seq > cursorBefore) dirty.add(rowKey(c.table, c.id));
    }
    const footprints = store.footprints ?? new Map<number, Footprint>();
    for (const mid of settling) {
      const f = footprints.get(mid);
      if (f === undefined) throw new NeedsFullRebase();
      dirty.absorb(f);
    }
    const order = outbox.allLocalMids().filter((m) => !settling.has(m));
    if (order.some((m) => !footprints.has(m))) throw new NeedsFullRebase();
    affected = affectedMutations(order, footprints, dirty);
    store.shadow.restoreKeys(dirty.keys, changes);
  }

  let cursor = cursorBefore;
  let caughtUp = false;
  for (const frame of frames) {
    if (frame.type === 'snapshot-begin') {
      const tracking = SYNCED_TABLE_KEYS.some((t) => rows.hasRows(t));
      store.sqlite.exec('DELETE FROM temp.sync_snapshot_seen');
      session.snapshot = { tracking };
    } else if (frame.type === 'changes') {
      const snap = session.snapshot;
      for (const change of frame.rows) {
        // Outside a snapshot a row at or below the cursor is already here (duplicate frame).
        if (snap === null && change.seq <= cursor) continue;
        if (change.row === null) {
          rows.delete(change.table, change.id);
        } else {
          const problem = validateRow(change.table, change.id, change.row as AppRow);
          if (problem !== null) throw new BadFrameError(`server sent a row that does not fit: ${problem}`);
          const evicted = rows.putConfirmed(change.table, change.row as AppRow);
          // An evicted row may be one a pending mutation touched: only a full rebase is sure.
          if (evicted.length > 0 && mode === 'incremental') throw new NeedsFullRebase();
          for (const id of evicted) changes.add(change.table, id);
          if (snap?.tracking === true) store.markSnapshotSeen(change.table, change.id);
        }
        changes.add(change.table, change.id);
      }
      // In a snapshot the cursor moves only at caught-up: an interrupted snapshot restarts.
      if (snap === null) cursor = Math.max(cursor, frame.cursor);
    } else if (frame.type === 'caught-up') {
      if (session.snapshot !== null) {
        if (session.snapshot.tracking) deleteUnseen(store, changes);
        session.snapshot = null;
        cursor = frame.cursor;
      } else {
        cursor = Math.max(cursor, frame.cursor);
      }
      // From now on the cursor counts in this epoch (a restored server's snapshot is complete).
      if (session.epoch !== null && meta.epoch() !== session.epoch) meta.setEpoch(session.epoch);
      caughtUp = true;
    } else {
      session.heldAcks.push(frame);
    }
  }
  meta.setCursor(cursor);

  const acks = settleAcks(store, session, cursor, now);
  // Acks only remove rows: with none settled, the outbox is as it was at the start.
  const stillPending = pending && (acks.acknowledged === 0 || outbox.count() > 0);
  if (stillPending && (mode === 'full' || affected.length > 0)) {
    if (actor === null) throw new Error('pending mutations but no signed-in user to re-run them as');
    rerunPending(store, actor, changes, mode === 'incremental' ? affected : undefined);
  } else if (!stillPending) {
    store.footprints = new Map();
  }
  return { changes, caughtUp, ...acks };
}

/** The cursor a batch leads to outside snapshots (what decides which acks settle). */
function cursorAfter(frames: readonly InboundFrame[], cursor: number): number {
  let c = cursor;
  for (const f of frames) if (f.type === 'changes' || f.type === 'caught-up') c = Math.max(c, f.cursor);
  return c;
}

/** Local mids of the outbox rows the session's held acks (plus this batch's) will settle. */
function planAcks(store: SyncStore, session: InboundSession, frames: readonly InboundFrame[], cursor: number): number[] {
  const lineages = store.meta.lineages();
  const i = lineages.findIndex((l) => l.clientId === session.clientId);
  if (i < 0) return [];
  const { base, upTo } = lineageRange(lineages, i);
  const acks = [...session.heldAcks, ...frames.filter((f): f is Ack => f.type === 'ack')];
  const settling: number[] = [];
  for (const a of acks) {
    // 'held': the server keeps an import's part without applying it; the row stays, nothing settles.
    if (a.result === 'held' || (a.result === 'applied' && a.cursor > cursor)) continue;
    const row = base + a.mid <= upTo ? store.outbox.get(base + a.mid) : undefined;
    if (row === undefined || !ackMatches(a, row)) continue;
    // An import's last ack settles every part of it: the full rebase restores them all.
    if (importBatchOf(row) !== null) throw new NeedsFullRebase();
    settling.push(base + a.mid);
  }
  return settling;
}

function importConflictArgs(row: OutboxRow, ack: Ack): unknown {
  const args = row.args as { rows?: unknown[]; batch?: { importId?: unknown; part?: unknown; parts?: unknown } };
  return {
    batch: { importId: args.batch?.importId, part: args.batch?.part, parts: args.batch?.parts },
    rows: Array.isArray(args.rows) ? args.rows.length : 0,
    refusal: ack.error?.details ?? null,
  };
}

/** The importId of a part of a multi-part import (an importOrders row carrying args.batch), else null. */
function importBatchOf(row: OutboxRow): string | null {
  if (row.name !== 'importOrders' || typeof row.args !== 'object' || row.args === null) return null;
  const batch = (row.args as { batch?: { importId?: unknown } }).batch;
  return typeof batch?.importId === 'string' ? batch.importId : null;
}

/**
 * Whether an ack is about this outbox row: the server's digest of what it ran under the mid
 * equals the row's. Without a digest (a re-ack of a mid so old the server pruned it) there
 * is nothing to compare, and the ack is taken as before.
 */
function ackMatches(ack: Ack, row: OutboxRow): boolean {
  if (ack.digest === undefined) return true;
  return ack.digest === mutationDigest({ name: row.name, args: row.args, at: row.at });
}

function settleAcks(
  store: SyncStore,
  session: InboundSession,
  cursor: number,
  now: number,
): { acknowledged: number; rejected: number; lastAckedMid: number; mismatched: number[] } {
  const lineages = store.meta.lineages();
  const i = lineages.findIndex((l) => l.clientId === session.clientId);
  const lineage = lineages[i];
  const mismatched: number[] = [];
  if (lineage === undefined) {
    session.heldAcks = [];
    return { acknowledged: 0, rejected: 0, lastAckedMid: 0, mismatched };
  }
  const { base, upTo } = lineageRange(lineages, i);
  // Read before the first outbox row goes (it counts the outbox's top row), and only then.
  let nextBefore: number | undefined;
  let acknowledged = 0;
  let rejected = 0;
  let lastAcked = lineage.lastAcked;
  const held: Ack[] = [];
  for (const ack of session.heldAcks) {
    if (ack.result === 'applied' && ack.cursor > cursor) {
      held.push(ack);
      continue;
    }
    const localMid = base + ack.mid;
    const row = localMid <= upTo ? store.outbox.get(localMid) : undefined;
    if (row === undefined) {
      // No row: a duplicate ack of something already settled, unless this identity never
      // issued that mid: then the server holds mutations from someone else under our id.
      // (nextBefore is unset only while no row has gone yet, so a fresh read is exact.)
      if (localMid > upTo || localMid >= (nextBefore ?? store.meta.nextLocalMid())) mismatched.push(ack.mid);
      continue;
    }
    if (!ackMatches(ack, row)) {
      // The server ran something else under this mid: dropping the row would lose the edit.
      // It stays in the outbox (sent again under a new identity) and the user is told.
      mismatched.push(ack.mid);
      store.conflicts.record({
        mid: ack.mid,
        name: row.name,
        args: row.args,
        code: 'identity_mismatch',
        message:
          'The server confirmed a different change under this desktop\'s identity (was it copied, or used by someone else?). ' +
          'Your change was kept and is being sent again under a new identity.',
        field: null,
        at: now,
      });
      continue;
    }
    lastAcked = Math.max(lastAcked, ack.mid);
    // The server holds this part of an import, unapplied: it stays pending (and shown) until the
    // import's last part is applied, or any part refused.
    if (ack.result === 'held') continue;
    nextBefore ??= store.meta.nextLocalMid();
    store.outbox.remove(localMid);
    store.footprints?.delete(localMid);
    acknowledged++;
    const importId = importBatchOf(row);
    if (importId !== null) {
      // Applied: every earlier part went in with it. Refused: none of them did. Either way the
      // earlier parts leave the outbox now (later ones, if any, are answered on their own: the
      // server refuses the rest of a refused import, and their mids must still be sent).
      for (const m of store.outbox.importPartMids(importId)) {
        if (m > localMid) break;
        store.outbox.remove(m);
        store.footprints?.delete(m);
        acknowledged++;
      }
      // One refusal per import on the conflicts list, not one per part.
      if (ack.result === 'rejected' && store.conflicts.forImport(importId) !== undefined) continue;
    }
    if (ack.result === 'rejected') {
      rejected++;
      store.conflicts.record({
        mid: ack.mid,
        name: row.name,
        // An import's refusal keeps which import and why (row, field), not a part's hundreds of rows.
        args: importId === null ? row.args : importConflictArgs(row, ack),
        code: ack.error?.code ?? 'rejected',
        message: ack.error?.message ?? 'The server refused this change',
        field: refusedField(ack.error),
        at: now,
      });
    }
  }
  session.heldAcks = held;
  // Outbox rows carry the local numbering; once they are gone, replica_meta must hold it.
  if (nextBefore !== undefined) store.meta.setNextLocalMid(nextBefore);
  if (lastAcked !== lineage.lastAcked) {
    store.meta.setLineages(lineages.map((l, j) => (j === i ? { ...l, lastAcked } : l)));
  }
  return { acknowledged, rejected, lastAckedMid: lastAcked, mismatched };
}

function deleteUnseen(store: SyncStore, changes: ChangeSet): void {
  for (const table of SYNCED_TABLE_KEYS) {
    const gone = store.sqlite
      .prepare(`SELECT id FROM "${table}" WHERE id NOT IN (SELECT id FROM temp.sync_snapshot_seen WHERE tbl = ?)`)
      .pluck(true)
      .all(table) as string[];
    for (const id of gone) {
      store.rows.delete(table, id);
      changes.add(table, id);
    }
  }
  store.sqlite.exec('DELETE FROM temp.sync_snapshot_seen');
}

/**
 * Writes live driver positions into the drivers' rows (and into their confirmed copies, so a
 * rebase does not roll a marker back). Positions are not in the change log: no cursor moves.
 * Returns the drivers that exist in the replica.
 */
export function applyPositions(store: SyncStore, positions: Positions): string[] {
  return store.transaction(() => {
    const known: string[] = [];
    for (const p of positions.drivers) {
      const row = store.rows.get('drivers', p.driverId);
      if (row === undefined) continue;
      const patch: AppRow = {
        lat: p.lat,
        lon: p.lon,
        headingDeg: p.headingDeg,
        speedKmh: p.speedKmh,
        accuracyM: p.accuracyM,
        battery: p.battery,
        charging: p.charging,
        fixAt: p.fixAt,
      };
      store.rows.put('drivers', { ...row, ...patch });
      store.shadow.patchConfirmed('drivers', p.driverId, patch);
      known.push(p.driverId);
    }
    return known;
  });
}
