// Under Electron the preload exposes the typed API as `window.marshrut`; client.ts picks it up
// (or the browser host's WebSocket transport when it is absent).
import type { MarshrutApi } from '../../../shared/api/contract';

declare global {
  interface Window {
    /** Exposed by preload/index.ts under Electron. */
    marshrut?: MarshrutApi;
  }
}

export {};
