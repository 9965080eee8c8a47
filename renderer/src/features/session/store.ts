// Who is signed in and what their role may do. Loaded at start and again whenever the
// connection changes (the server's welcome is what tells main who we are).
import { create } from 'zustand';
import type { SessionView } from '../../../../shared/api/session-api';
import { api, errorMessage } from '../../api/client';
import { landForUser } from '../../app/layout-store';

export interface SessionState {
  session: SessionView | null;
  error: string | null;
}

export const useSessionStore = create<SessionState>(() => ({ session: null, error: null }));

export async function loadSession(): Promise<void> {
  try {
    const session = await api().session();
    useSessionStore.setState({ session, error: null });
    landForUser(session.user);
  } catch (err) {
    useSessionStore.setState({ error: errorMessage(err) });
  }
}
