// How much of a catch-up one turn of the event loop serves. A first sync of a big history is
// thousands of reads; each turn serves one slice (read, serialize, hand to the socket) and
// then yields, so the other desktops' live frames, pushes and the phones' fixes wait for at
// most one slice, never the snapshot. A slice is sized in change-log entries examined: a
// windowed snapshot pays a few lookups per entry whether the entry is sent or lies outside
// the window, so entries (not rows sent) are what a slice's time follows. The size follows how
// long the last slice took, because an entry's cost differs a hundredfold between a warm small
// database and a cold 1,000,000-order one on a busy machine: under the budget it grows (at
// most doubling), over it shrinks in proportion, always within [minEntries, maxEntries].
import { CHANGES_FRAME_ROWS } from '../../shared/protocol';

export interface CatchUpPacing {
  /** What one slice (one turn's work) should take at most, in ms of wall time. */
  sliceMs: number;
  /** Entries a slice examines at least (also the first slice's size: it starts small and grows). */
  minEntries: number;
  /** Entries a slice examines at most. */
  maxEntries: number;
  /** Rows a slice sends at most: a frame's worth. */
  maxRows: number;
}

export const DEFAULT_CATCH_UP_PACING: CatchUpPacing = {
  sliceMs: 10,
  minEntries: 25,
  maxEntries: 20_000,
  maxRows: CHANGES_FRAME_ROWS,
};

export class CatchUpPacer {
  private size: number;

  constructor(private readonly pacing: CatchUpPacing = DEFAULT_CATCH_UP_PACING) {
    this.size = pacing.minEntries;
  }

  /** Change-log entries the next slice may examine. */
  get entries(): number {
    return this.size;
  }

  /** Rows the next slice may send (every entry examined may be a row). */
  get rows(): number {
    return Math.min(this.size, this.pacing.maxRows);
  }

  /** The slice just served took `ms`: size the next one so that it takes about sliceMs. */
  took(ms: number): void {
    const { sliceMs, minEntries, maxEntries } = this.pacing;
    const factor = Math.min(2, sliceMs / Math.max(ms, 0.001));
    this.size = Math.max(minEntries, Math.min(maxEntries, Math.floor(this.size * factor)));
  }
}
