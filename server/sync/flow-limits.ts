// How much one sync connection may cost the server: connections per user, how long a
// catch-up page may wait for the reader to drain, how much of a catch-up one turn of the
// event loop serves (./catch-up-pacer.ts), how far a live reader may fall behind.
// A reader that breaks a limit is dropped with a close code of its own (and counted), never
// buffered for: 30 catch-ups that stop reading must not grow the server by hundreds of MB.
import { DEFAULT_CATCH_UP_PACING, type CatchUpPacing } from './catch-up-pacer';

export interface SyncFlowLimits {
  /** Open sync connections one user may hold (desktops, browser host); the next is closed with 4006. */
  maxConnectionsPerUser: number;
  /** A catch-up page not handed to the network within this long drops the reader (4005). */
  slowReaderMs: number;
  /** A catch-up is served in slices of bounded work, one per turn of the event loop. */
  catchUp: CatchUpPacing;
  /** A live reader with more than this many bytes still queued is dropped (4005). */
  liveMaxBufferedBytes: number;
  /** After the close frame is queued, the socket is destroyed this much later at the latest. */
  closeGraceMs: number;
}

export const DEFAULT_SYNC_FLOW_LIMITS: SyncFlowLimits = {
  maxConnectionsPerUser: 10,
  slowReaderMs: 30_000,
  catchUp: DEFAULT_CATCH_UP_PACING,
  liveMaxBufferedBytes: 8 * 1024 * 1024,
  closeGraceMs: 5_000,
};

/** Why connections were refused or dropped, for GET /health -> sync.flow and /metrics. */
export class SyncFlowCounters {
  refusedPerUserLimit = 0;
  droppedSlowCatchUp = 0;
  droppedSlowLive = 0;

  snapshot(): { refusedPerUserLimit: number; droppedSlowCatchUp: number; droppedSlowLive: number } {
    return { refusedPerUserLimit: this.refusedPerUserLimit, droppedSlowCatchUp: this.droppedSlowCatchUp, droppedSlowLive: this.droppedSlowLive };
  }
}

/** Validates a --max-connections-per-user value; a message naming the flag when it is wrong. */
export function parseMaxConnectionsPerUser(text: string): number | string {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 10_000) {
    return `--max-connections-per-user must be a whole number from 1 to 10000, got "${text}"`;
  }
  return n;
}
