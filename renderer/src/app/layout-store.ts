// Which screen and panels are showing. Not data: nothing here talks to the API.
import { create } from 'zustand';

/** Top-level screens; 'carriers' and 'warehouse' are filled by their features when present. */
export type ScreenId = 'console' | 'carriers' | 'warehouse' | 'alerts' | 'sla-settings' | 'settings';
export type RightPanel = 'card' | 'drivers';

export interface LayoutState {
  screen: ScreenId;
  rightPanel: RightPanel;
  problemsOpen: boolean;
  /** Bumped to ask the search box to take focus (keyboard shortcut). */
  focusSearchSeq: number;
  /** Bumped to move focus into the queue list. */
  focusQueueSeq: number;
}

export const useLayoutStore = create<LayoutState>(() => ({
  screen: 'console',
  rightPanel: 'card',
  problemsOpen: true,
  focusSearchSeq: 0,
  focusQueueSeq: 0,
}));

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
