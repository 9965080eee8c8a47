// A form's draft of a stored value. It starts as the value and follows it when the stored
// value really changes (another console's save, one's own save coming back through sync, a
// different row chosen), but not when a refresh only brings the same value as a new object:
// every change to the settings tables re-reads the whole screen, and resetting on identity
// wiped what an admin was typing (a holiday added, then lost when their policy save synced).
import { useState } from 'react';

export function useDraft<T>(stored: T): [T, (next: T) => void] {
  const key = JSON.stringify(stored);
  const [state, setState] = useState({ key, draft: stored });
  // Adjusting state while rendering (React's pattern for "reset when a prop changes"): the
  // stale draft is never painted, unlike an effect that resets it after the paint.
  if (state.key !== key) {
    setState({ key, draft: stored });
    return [stored, (draft) => setState({ key, draft })];
  }
  return [state.draft, (draft) => setState({ key, draft })];
}
