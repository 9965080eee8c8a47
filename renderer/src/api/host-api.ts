// The one place the renderer gets its API: the Electron preload's object when present,
// otherwise the browser host's WebSocket transport. Nothing else knows which host it runs in.
import type { MarshrutApi } from '../../../shared/api/contract';
import { createWebSocketApi } from './web-transport';

declare global {
  interface Window {
    /** Exposed by preload/index.ts under Electron. */
    marshrut?: MarshrutApi;
  }
}

let api: MarshrutApi | null = null;

export function getApi(): MarshrutApi {
  api ??= window.marshrut ?? createWebSocketApi();
  return api;
}
