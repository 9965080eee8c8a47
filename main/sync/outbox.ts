// The optimistic write path and the pending queue. A mutation runs against the replica at
// once and goes into the persistent outbox in the SAME transaction, so the user's edit and
// the promise to send it are one fact: both survive a crash, or neither happened. The commit
// is made durable by the group commit (group-commit.ts) before the UI or the server hears of it.
import { MutationRejection, mutationIdFactory, runMutator, type MutationActor } from '../../shared/mutators';
import type { Mutation } from '../../shared/protocol';
import { ChangeSet } from './change-set';
import { Footprint } from './footprints';
import { lineageIndexFor, lineageRange } from './lineage';
import type { OutboxRow } from './outbox-store';
import { createReplicaTx } from './replica-tx';
import type { Lineage } from './replica-meta';
import type { SyncStore } from './sync-store';

/** Largest JSON of one mutation's args; a push frame (1 MiB) must hold it with room to spare. */
export const MAX_ARGS_CHARS = 256 * 1024;

export interface EnqueueResult {
  /** Wire mid under `clientId`. */
  mid: number;
  clientId: string;
  localMid: number;
  changes: ChangeSet;
}

/**
 * Applies mutation `name` optimistically and enqueues it. A local rejection (bad args, a rule
 * the replica already shows is broken) throws MutationRejection and changes nothing.
 */
export function enqueueMutation(
  store: SyncStore,
  input: { name: string; args: unknown; actor: MutationActor; now: number },
): EnqueueResult {
  // What the server will see: JSON drops undefined fields, and the local run must match it.
  const text = input.args === undefined ? 'null' : JSON.stringify(input.args);
  // A mutation the server would refuse as too large would sit at the head of the outbox forever.
  if (text.length > MAX_ARGS_CHARS) {
    throw new MutationRejection('too_large', `This change is too large to send (${text.length} characters of data; the limit is ${MAX_ARGS_CHARS})`);
  }
  const args: unknown = JSON.parse(text);
  return store.editTransaction(() => {
    const lineages = store.meta.lineages();
    const current = lineages[lineages.length - 1];
    if (current === undefined) throw new Error('sync store has no client identity');
    const localMid = store.meta.nextLocalMid();
    const row: OutboxRow = { localMid, name: input.name, args, at: input.now, actorId: input.actor.id };
    const changes = new ChangeSet();
    const footprint = new Footprint();
    const outcome = runOne(store, current, row, input.actor, changes, footprint);
    if (outcome !== null) throw new MutationRejection(outcome.code, outcome.message, outcome.details);
    store.outbox.insert(row);
    store.footprints?.set(localMid, footprint);
    // No replica_meta write here: the new row itself advances nextLocalMid (one page fewer in
    // the commit); settleAcks records the number when it empties the outbox.
    return { mid: localMid - current.base, clientId: current.clientId, localMid, changes };
  });
}

/**
 * Applies and enqueues several mutations in ONE transaction: all of them, or (the first refusal
 * throws MutationRejection with `details.index`) none. A spreadsheet import uses it, so a file
 * cut into parts by size is never half in the replica.
 */
export function enqueueMutations(
  store: SyncStore,
  inputs: ReadonlyArray<{ name: string; args: unknown; actor: MutationActor; now: number }>,
): EnqueueResult[] {
  return store.editTransaction(() =>
    inputs.map((input, index) => {
      try {
        return enqueueMutation(store, input);
      } catch (e) {
        if (e instanceof MutationRejection) throw new MutationRejection(e.code, e.message, { ...e.details, index });
        throw e;
      }
    }),
  );
}

/**
 * Runs one outbox row against the replica in a savepoint. Returns null when applied, or the
 * rejection (its writes undone). A mutator bug (any other throw) is also undone and reported
 * as a rejection: locally the row just shows no effect; the server has the final word.
 */
function runOne(
  store: SyncStore,
  lineage: Lineage,
  row: OutboxRow,
  actor: MutationActor,
  changes: ChangeSet,
  footprint: Footprint,
): { code: string; message: string; details?: Record<string, unknown> } | null {
  const wireMid = row.localMid - lineage.base;
  const local = new ChangeSet();
  const provisionalBase = `~${lineage.clientId.slice(0, 6)}-${wireMid}`;
  let provisional = 0;
  const tx = createReplicaTx({
    rows: store.rows,
    shadow: store.shadow,
    changes: local,
    footprint,
    findOrderIdByNumber: store.findOrderIdByNumber,
    findOrderIdByExternalId: store.findOrderIdByExternalId,
    // One per order the mutation creates (an import part creates many): ~abc123-7, ~abc123-7.2...
    provisionalOrderNumber: () => (++provisional === 1 ? provisionalBase : `${provisionalBase}.${provisional}`),
  });
  // now = at: a re-run is a replay of the same local action, so it writes the same rows
  // (a fresh clock would churn updatedAt of optimistic rows on every rebase).
  const ctx = { actor, at: row.at, now: row.at, newId: mutationIdFactory(lineage.clientId, wireMid) };
  try {
    return store.savepoint(() => {
      const outcome = runMutator(tx, row.name, row.args, ctx);
      if (outcome.result === 'rejected') throw new MutationRejection(outcome.error.code, outcome.error.message, outcome.error.details);
      changes.addAll(local);
      return null;
    });
  } catch (e) {
    if (e instanceof MutationRejection) return e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details };
    return { code: 'client_error', message: `This change could not be applied locally: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Re-runs pending mutations, oldest first, on top of the replica's current state: all of them
 * (`only` undefined), or the given local mids. The caller has restored the confirmed state of
 * every row they touch and holds the transaction. Records each run's footprint.
 */
export function rerunPending(store: SyncStore, actor: MutationActor, changes: ChangeSet, only?: readonly number[]): void {
  const lineages = store.meta.lineages();
  const rows = only === undefined ? store.outbox.all() : only.map((m) => store.outbox.get(m)).filter((r) => r !== undefined);
  const footprints = only === undefined ? new Map<number, Footprint>() : (store.footprints ?? new Map<number, Footprint>());
  for (const row of rows) {
    const lineage = lineages[lineageIndexFor(lineages, row.localMid)];
    if (lineage === undefined) continue;
    const footprint = new Footprint();
    runOne(store, lineage, row, actor, changes, footprint);
    footprints.set(row.localMid, footprint);
  }
  store.footprints = footprints;
}

/** Wire mutations of identity `clientId` after wire mid `afterMid`, at most `limit`. */
export function pendingMutations(store: SyncStore, clientId: string, afterMid: number, limit: number): Mutation[] {
  const lineages = store.meta.lineages();
  const i = lineages.findIndex((l) => l.clientId === clientId);
  if (i < 0) return [];
  const { base, upTo } = lineageRange(lineages, i);
  // Only what is on disk leaves: the server must never hold an edit this desktop could lose.
  return store.outbox
    .range(Math.max(base, base + afterMid), Math.min(upTo, store.durableThrough), limit)
    .map((r) => ({ mid: r.localMid - base, name: r.name, args: r.args, at: r.at }));
}
