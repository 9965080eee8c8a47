// The link to the central server as main reports it, the browser host's own socket, and the
// edits the server rejected. Offline is a normal state: the app keeps working on the replica.
import { create } from 'zustand';
import type { ConflictView, ConnectionView } from '../../../../shared/api/session-api';
import { api, errorMessage, isHostLinkUp } from '../../api/client';

export type ShownConnection = 'online' | 'offline' | 'catching_up' | 'connecting';

export interface ConnectionState {
  view: ConnectionView | null;
  /** The browser host's socket; always true under Electron. */
  hostLinkUp: boolean;
  conflicts: ConflictView[];
  error: string | null;
}

export const useConnectionStore = create<ConnectionState>(() => ({
  view: null,
  hostLinkUp: true,
  conflicts: [],
  error: null,
}));

/** What the status bar shows: the host link going down trumps main's last report. */
export function shownConnection(s: Pick<ConnectionState, 'view' | 'hostLinkUp'>): ShownConnection {
  if (!s.hostLinkUp) return 'offline';
  if (!s.view) return 'connecting';
  return s.view.status;
}

export function applyConnection(view: ConnectionView): void {
  useConnectionStore.setState({ view, error: null });
}

export function applyHostLink(up: boolean): void {
  useConnectionStore.setState({ hostLinkUp: up });
}

export function applyConflicts(conflicts: ConflictView[]): void {
  useConnectionStore.setState({ conflicts });
}

export async function loadConnection(): Promise<void> {
  try {
    const [view, conflicts] = await Promise.all([api().connectionState(), api().listConflicts()]);
    useConnectionStore.setState({ view, conflicts, hostLinkUp: isHostLinkUp(), error: null });
  } catch (err) {
    useConnectionStore.setState({ error: errorMessage(err) });
  }
}

export async function acknowledgeConflict(id: string): Promise<void> {
  // Hide it at once; main's conflicts event confirms (or brings it back if the call failed).
  useConnectionStore.setState((s) => ({ conflicts: s.conflicts.filter((c) => c.id !== id) }));
  try {
    await api().acknowledgeConflict({ id });
  } catch (err) {
    useConnectionStore.setState({ error: errorMessage(err) });
    await loadConnection();
  }
}
