// Client identities. A clientId is minted each time the replica is opened by a sync client,
// and the pending mutations of earlier identities are sent first under their own clientId
// (Replicache's "mutation recovery"). Why per open and not once per file: a replica restored
// from a backup (or a copy of the file) holds an old clientId whose next mids the server may
// already have seen from the original; new mutations under it would be "acknowledged again"
// and silently lost. A fresh id per open can never collide, and old pending rows keep the
// id the server may know them by, so the server's lastMid check makes them exactly-once.
import type { Lineage, MetaStore } from './replica-meta';
import type { OutboxStore } from './outbox-store';

/** Which lineage owns outbox row `localMid`: the last one whose base is below it. */
export function lineageIndexFor(lineages: readonly Lineage[], localMid: number): number {
  for (let i = lineages.length - 1; i >= 0; i--) {
    const l = lineages[i];
    if (l !== undefined && l.base < localMid) return i;
  }
  throw new Error(`outbox row ${localMid} belongs to no client identity`);
}

/** Local outbox numbers owned by lineage i: (base, upTo]. */
export function lineageRange(lineages: readonly Lineage[], i: number): { base: number; upTo: number } {
  const l = lineages[i];
  if (l === undefined) throw new Error(`no lineage ${i}`);
  const next = lineages[i + 1];
  return { base: l.base, upTo: next === undefined ? Number.MAX_SAFE_INTEGER : next.base };
}

/**
 * Starts a session: forgets identities with nothing left to send and mints the current one.
 * Run in one transaction with the caller's other start-up writes.
 */
export function startLineageSession(meta: MetaStore, outbox: OutboxStore, mintClientId: () => string): Lineage[] {
  const old = meta.lineages();
  const kept = old.filter((_, i) => {
    const r = lineageRange(old, i);
    return outbox.countRange(r.base, r.upTo) > 0;
  });
  // Rows from before any lineage existed (none in practice) would be orphaned: refuse loudly.
  const firstRow = outbox.firstLocalMid();
  if (firstRow !== undefined && (kept[0] === undefined || kept[0].base >= firstRow)) {
    throw new Error(`outbox row ${firstRow} has no client identity; the replica's sync state is damaged`);
  }
  const current: Lineage = { clientId: mintClientId(), base: meta.nextLocalMid() - 1, lastAcked: 0 };
  const lineages = [...kept, current];
  meta.setLineages(lineages);
  return lineages;
}

/**
 * Gives lineage `clientId` a fresh id for its still-pending rows, numbered from 1 again.
 * For when the server no longer knows what this id sent (its database was restored from a
 * backup: lastMid below what it acknowledged) or claims mids this id never sent.
 */
export function rekeyLineage(meta: MetaStore, outbox: OutboxStore, clientId: string, mintClientId: () => string): Lineage[] {
  const lineages = meta.lineages();
  const i = lineages.findIndex((l) => l.clientId === clientId);
  if (i < 0) return lineages;
  const r = lineageRange(lineages, i);
  const first = outbox.firstLocalMidInRange(r.base, r.upTo) ?? meta.nextLocalMid();
  const updated = lineages.map((l, j) => (j === i ? { clientId: mintClientId(), base: first - 1, lastAcked: 0 } : l));
  meta.setLineages(updated);
  return updated;
}
