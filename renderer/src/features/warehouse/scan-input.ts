// Turning keystrokes into scans. USB barcode scanners are keyboards: they type the label's
// characters within a few milliseconds each and press Enter. The screen listens to keys
// anywhere in the view (not only in the scan box), so a scan lands even when focus wandered
// to a button; keys typed slowly by a person outside the scan box are not mistaken for a scan.
// Pure: time is passed in.
import { cleanScannedNumber, MAX_SCANNED_NUMBER_LENGTH } from '../../../../shared/domain/scanned-number';

export interface ScanBufferOptions {
  /** A pause longer than this (ms) starts a new burst. Default 300. */
  maxGapMs?: number;
  /**
   * Slowest average pace (ms per key) of a burst that still counts as a scan. Scanners type a
   * key every few ms, people every 100+ ms; one delayed key (a busy machine) must not split a
   * scan, so the average decides, not each gap. Default 60.
   */
  maxAverageMs?: number;
  /** Shortest scan that counts. Default 3. */
  minLength?: number;
  /** Longest scan kept (a stuck key can't grow it forever). Default 64. */
  maxLength?: number;
}

export type ScanFeed = { kind: 'none' } | { kind: 'scan'; value: string };

const NONE: ScanFeed = { kind: 'none' };

export class ScanBuffer {
  private chars = '';
  private firstAt = 0;
  private lastAt = Number.NEGATIVE_INFINITY;
  private readonly maxGapMs: number;
  private readonly maxAverageMs: number;
  private readonly minLength: number;
  private readonly maxLength: number;

  constructor(opts: ScanBufferOptions = {}) {
    this.maxGapMs = opts.maxGapMs ?? 300;
    this.maxAverageMs = opts.maxAverageMs ?? 60;
    this.minLength = opts.minLength ?? 3;
    this.maxLength = opts.maxLength ?? MAX_SCANNED_NUMBER_LENGTH;
  }

  /** One keydown's `key` at `at` ms. Returns the scan when Enter completes one. */
  feed(key: string, at: number): ScanFeed {
    const gap = at - this.lastAt;
    this.lastAt = at;
    if (key === 'Enter') {
      const value = this.chars;
      this.chars = '';
      // Enter after a pause, or after keys typed at a person's pace, is not the end of a scan.
      if (gap > this.maxGapMs || value.length < this.minLength) return NONE;
      if ((at - this.firstAt) / value.length > this.maxAverageMs) return NONE;
      return { kind: 'scan', value };
    }
    if (key === 'Escape') {
      this.chars = '';
      return NONE;
    }
    // Shift, Control, F-keys, arrows...: a scanner's own Shift for capitals must not reset it.
    if (key.length !== 1) return NONE;
    if (gap > this.maxGapMs || this.chars.length === 0) {
      this.chars = '';
      this.firstAt = at;
    }
    if (this.chars.length < this.maxLength) this.chars += key;
    return NONE;
  }

  /** Characters collected so far (for tests and a live echo). */
  get pending(): string {
    return this.chars;
  }

  reset(): void {
    this.chars = '';
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}

/** What a scan box submission (typed or scanned into the box itself) becomes; null = ignore. */
export const cleanScan = cleanScannedNumber;

/** Keys typed into other inputs (a comment, the search box) belong to them, not to the scanner. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; dataset?: Record<string, string | undefined> } | null): boolean {
  if (!target) return false;
  if (target.dataset?.['scanInput'] !== undefined) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}
