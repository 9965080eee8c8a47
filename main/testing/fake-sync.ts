// A fake sync client for API tests: records mutations, answers with scripted outcomes, and
// lets a test push connection states, changes and positions as the real client would.
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import type { ChangesEvent, PositionFix } from '../../shared/api/events';
import { MutationRejection } from '../../shared/mutators/mutator-tx';
import type { SessionUser } from '../../shared/protocol/messages';
import { refusal as refusalOf } from '../sync/client-views';
import type { MutateResult } from '../sync/sync-client';
import { createSyncEvents } from '../sync/sync-events';
import type { LinkedSync } from '../sync/sync-link';

export interface FakeSync extends LinkedSync {
  calls: { name: string; args: unknown }[];
  /** The next mutate is refused by the mutator with this code (then back to ok). */
  refuseNext(code: string, message: string): void;
  setUser(user: SessionUser | null): void;
  setConnection(state: Partial<ConnectionView>): void;
  pushChanges(change: ChangesEvent): void;
  pushPositions(fixes: PositionFix[]): void;
  addConflict(c: ConflictView): void;
  stopped: boolean;
}

export function createFakeSync(user: SessionUser | null = { id: 'u-disp', name: 'Aigerim', role: 'dispatcher' }): FakeSync {
  let mid = 0;
  let refusal: MutateResult | null = null;
  let currentUser = user;
  let lastFixes: PositionFix[] = [];
  let conn: ConnectionView = { status: 'online', pending: 0, lastSyncAt: 1, serverUrl: 'http://fake', error: null };
  const conflicts: ConflictView[] = [];
  const events = createSyncEvents();
  const fake: FakeSync = {
    calls: [],
    stopped: false,
    durable: () => Promise.resolve(),
    mutate(name, args) {
      fake.calls.push({ name, args });
      if (refusal) {
        const r = refusal;
        refusal = null;
        return r;
      }
      return { ok: true, mid: ++mid, clientId: 'fake-client' };
    },
    mutateAll(list) {
      const mids: number[] = [];
      for (const [index, c] of list.entries()) {
        const r = fake.mutate(c.name, c.args as never);
        if (!r.ok) return { ...r, details: { ...r.details, index } };
        mids.push(r.mid);
      }
      return { ok: true, mids, clientId: 'fake-client' };
    },
    on: events.on,
    connection: () => conn,
    user: () => currentUser,
    conflicts: () => conflicts.slice(),
    acknowledgeConflict(id) {
      const i = conflicts.findIndex((c) => c.id === id);
      if (i < 0) return false;
      conflicts.splice(i, 1);
      events.emit('conflicts', conflicts.slice());
      return true;
    },
    // The fake server takes every part at once: nothing pending, nothing refused.
    importProgress: () => ({ pending: 0, held: 0, refusal: null }),
    noSignalDrivers: () => new Set(lastFixes.filter((f) => f.noSignal).map((f) => f.driverId)),
    stop() {
      fake.stopped = true;
    },
    refuseNext(code, message) {
      refusal = refusalOf(new MutationRejection(code, message));
    },
    setUser(u) {
      currentUser = u;
    },
    setConnection(state) {
      conn = { ...conn, ...state };
      events.emit('connection', conn);
    },
    pushChanges(change) {
      events.emit('changes', change);
    },
    pushPositions(fixes) {
      lastFixes = [...lastFixes.filter((f) => !fixes.some((n) => n.driverId === f.driverId)), ...fixes];
      events.emit('positions', { fixes });
    },
    addConflict(c) {
      conflicts.push(c);
      events.emit('conflicts', conflicts.slice());
    },
  };
  return fake;
}
