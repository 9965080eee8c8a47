// How much of a catch-up one turn of the event loop serves. A first sync of a big history is
// thousands of reads; each turn serves one slice (read, serialize, hand to the socket) and
// then yields, so the other desktops' live frames, pushes and the phones' fixes wait for at
// most one slice, never the snapshot. A slice's size follows how long the last one took,
// because the cost of a row differs a hundredfold between a warm small database and a cold
// 1,000,000-order one on a busy machine: under the budget it grows (at most doubling), over
// it shrinks in proportion, always within [minRows, maxRows].
import { CHANGES_FRAME_ROWS } from '../../shared/protocol';

export interface CatchUpPacing {
  /** What one slice (one turn's work) should take at most, in ms of wall time. */
  sliceMs: number;
  /** Rows a slice sends at least (also the first slice's size: it starts small and grows). */
  minRows: number;
  /** Rows a slice sends at most: a frame's worth. */
  maxRows: number;
  /**
   * Change-log seqs a windowed slice examines per row it may send: a stretch of history
   * outside the window costs a few lookups per seq and sends nothing, so it is sized too.
   */
  scanPerRow: number;
}

export const DEFAULT_CATCH_UP_PACING: CatchUpPacing = {
  sliceMs: 10,
  minRows: 25,
  maxRows: CHANGES_FRAME_ROWS,
  scanPerRow: 20,
};

export class CatchUpPacer {
  private size: number;

  constructor(private readonly pacing: CatchUpPacing = DEFAULT_CATCH_UP_PACING) {
    this.size = pacing.minRows;
  }

  /** Rows the next slice may send. */
  get rows(): number {
    return this.size;
  }

  /** Change-log seqs the next windowed slice may examine. */
  get scanSeqs(): number {
    return this.size * this.pacing.scanPerRow;
  }

  /** The slice just served took `ms`: size the next one so that it takes about sliceMs. */
  took(ms: number): void {
    const { sliceMs, minRows, maxRows } = this.pacing;
    const factor = Math.min(2, sliceMs / Math.max(ms, 0.001));
    this.size = Math.max(minRows, Math.min(maxRows, Math.floor(this.size * factor)));
  }
}
