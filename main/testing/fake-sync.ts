// A fake sync client for API tests: records mutations, answers with scripted outcomes, and
// lets a test push connection states, changes and positions as the real client would.
import type { ConflictView, ConnectionView } from '../../shared/api/session-api';
import type { ChangesEvent, PositionFix } from '../../shared/api/events';
import type { SessionUser } from '../../shared/protocol/messages';
import type { MutateOutcome, SyncPort } from '../sync/sync-port';

export interface FakeSync extends SyncPort {
  calls: { name: string; args: unknown }[];
  /** The next mutate answers this (then back to ok). */
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
  let refusal: MutateOutcome | null = null;
  let currentUser = user;
  let lastFixes: PositionFix[] = [];
  let conn: ConnectionView = { status: 'online', pending: 0, lastSyncAt: 1, serverUrl: 'http://fake', error: null };
  const conflicts: ConflictView[] = [];
  const conListeners = new Set<(s: ConnectionView) => void>();
  const changeListeners = new Set<(c: ChangesEvent) => void>();
  const posListeners = new Set<(f: PositionFix[]) => void>();
  const conflictListeners = new Set<(c: ConflictView[]) => void>();
  const sub = <T>(set: Set<T>, l: T) => {
    set.add(l);
    return () => void set.delete(l);
  };
  const fake: FakeSync = {
    calls: [],
    stopped: false,
    mutate(name, args) {
      fake.calls.push({ name, args });
      if (refusal) {
        const r = refusal;
        refusal = null;
        return r;
      }
      return { ok: true, mid: ++mid };
    },
    connection: () => conn,
    user: () => currentUser,
    conflicts: () => conflicts.slice(),
    acknowledgeConflict(id) {
      const i = conflicts.findIndex((c) => c.id === id);
      if (i < 0) return false;
      conflicts.splice(i, 1);
      for (const l of conflictListeners) l(conflicts.slice());
      return true;
    },
    onConnection: (l) => sub(conListeners, l),
    onChanges: (l) => sub(changeListeners, l),
    onPositions: (l) => sub(posListeners, l),
    noSignalDrivers: () => new Set(lastFixes.filter((f) => f.noSignal).map((f) => f.driverId)),
    onConflicts: (l) => sub(conflictListeners, l),
    stop() {
      fake.stopped = true;
    },
    refuseNext(code, message) {
      refusal = { ok: false, code, message };
    },
    setUser(u) {
      currentUser = u;
    },
    setConnection(state) {
      conn = { ...conn, ...state };
      for (const l of conListeners) l(conn);
    },
    pushChanges(change) {
      for (const l of changeListeners) l(change);
    },
    pushPositions(fixes) {
      lastFixes = [...lastFixes.filter((f) => !fixes.some((n) => n.driverId === f.driverId)), ...fixes];
      for (const l of posListeners) l(fixes);
    },
    addConflict(c) {
      conflicts.push(c);
      for (const l of conflictListeners) l(conflicts.slice());
    },
  };
  return fake;
}
