// The API object every store action calls. Under Electron it is the preload's `window.marshrut`;
// in the browser host it is the WebSocket transport (web-transport.ts). Tests and the dev
// preview install a fake with `installApi`. Components never call this: actions do.
import type { MarshrutApi } from '../../../shared/api/contract';
import { createWebSocketApi } from './web-transport';
import './host-api'; // declares window.marshrut

let current: MarshrutApi | null = null;
let hostLinkUp = true;
const hostLinkListeners = new Set<(up: boolean) => void>();

/**
 * Listeners hear changes only. The link starts out "up" (start-up loads are already queued on
 * the socket), so its first open is not news: reporting it made every start-up query run twice.
 */
export function setHostLink(up: boolean): void {
  if (up === hostLinkUp) return;
  hostLinkUp = up;
  for (const l of hostLinkListeners) l(up);
}

export function api(): MarshrutApi {
  current ??= window.marshrut ?? createWebSocketApi({ onHostLink: setHostLink });
  return current;
}

/** Replaces the API (tests, the fake dev preview). */
export function installApi(next: MarshrutApi): void {
  current = next;
  hostLinkUp = true;
}

/**
 * The browser host's own socket (not the central server): when it drops, nothing can answer,
 * so the status bar must say offline even though main's last word was "online".
 */
export function onHostLink(listener: (up: boolean) => void): () => void {
  hostLinkListeners.add(listener);
  return () => hostLinkListeners.delete(listener);
}

export function isHostLinkUp(): boolean {
  return hostLinkUp;
}

/** A message for the user from anything a call threw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
