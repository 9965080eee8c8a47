// Which screen and panels are showing. Not data: nothing here talks to the API.
import { create } from 'zustand';
import type { UserRole } from '../../../shared/domain/vocabulary';

/** Top-level screens; 'carriers' and 'warehouse' are filled by their features when present. */
export type ScreenId = 'console' | 'carriers' | 'warehouse' | 'alerts' | 'reports' | 'sla-settings' | 'customer-messages' | 'admin' | 'settings';
export type RightPanel = 'card' | 'drivers' | 'driver';

export interface LayoutState {
  screen: ScreenId;
  rightPanel: RightPanel;
  problemsOpen: boolean;
  /** Bumped to ask the search box to take focus (keyboard shortcut). */
  focusSearchSeq: number;
  /** Bumped to move focus into the queue list. */
  focusQueueSeq: number;
  /** The user we last chose a landing screen for; a new sign-in lands again. */
  landedUserId: string | null;
}

export const useLayoutStore = create<LayoutState>(() => ({
  screen: 'console',
  rightPanel: 'card',
  problemsOpen: true,
  focusSearchSeq: 0,
  focusQueueSeq: 0,
  landedUserId: null,
}));

/**
 * Where a role starts its day: a storekeeper works the pick list, a logistician the carrier
 * base, the desk roles the console.
 */
export function landingScreen(role: UserRole): ScreenId {
  if (role === 'warehouse') return 'warehouse';
  if (role === 'logistician') return 'carriers';
  return 'console';
}

/**
 * Shows the user's landing screen once per signed-in user, and only while they are still on
 * the default console: a session that loads while they sit in Settings must not move them.
 */
export function landForUser(user: { id: string; role: UserRole } | null): void {
  if (user === null) return;
  useLayoutStore.setState((s) => {
    if (s.landedUserId === user.id) return {};
    return s.screen === 'console' ? { landedUserId: user.id, screen: landingScreen(user.role) } : { landedUserId: user.id };
  });
}

export function showScreen(screen: ScreenId): void {
  useLayoutStore.setState({ screen });
}

export function showRightPanel(rightPanel: RightPanel): void {
  useLayoutStore.setState({ rightPanel });
}

export function toggleProblems(): void {
  useLayoutStore.setState((s) => ({ problemsOpen: !s.problemsOpen }));
}

export function requestSearchFocus(): void {
  useLayoutStore.setState((s) => ({ screen: 'console', focusSearchSeq: s.focusSearchSeq + 1 }));
}

export function requestQueueFocus(): void {
  useLayoutStore.setState((s) => ({ focusQueueSeq: s.focusQueueSeq + 1 }));
}
