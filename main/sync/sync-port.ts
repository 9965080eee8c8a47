// What the API needs from the sync client (main/sync). A structural interface, so the API is
// tested against a fake and the real client is plugged in by the hosts (main/sync/sync-adapter.ts).
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import type { ChangesEvent, PositionFix } from '../../shared/api/events';
import type { SessionUser } from '../../shared/protocol/messages';

export type MutateOutcome =
  | { ok: true; mid: number }
  /** The local (optimistic) run refused it: nothing was queued. */
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

export interface SyncPort {
  /** Applies the mutation to the replica at once and queues it for the server. */
  mutate(name: string, args: unknown): MutateOutcome | Promise<MutateOutcome>;
  connection(): ConnectionView;
  /** The user the server welcomed us as (null before the first welcome). */
  user(): SessionUser | null;
  conflicts(): ConflictView[];
  acknowledgeConflict(id: string): boolean;
  onConnection(listener: (state: ConnectionView) => void): () => void;
  onChanges(listener: (change: ChangesEvent) => void): () => void;
  onPositions(listener: (fixes: PositionFix[]) => void): () => void;
  /** Drivers the server last said have no signal. */
  noSignalDrivers(): ReadonlySet<string>;
  onConflicts(listener: (conflicts: ConflictView[]) => void): () => void;
  stop(): Promise<void> | void;
}
