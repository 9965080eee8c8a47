// The server process's memory, for GET /health (admin) -> `process` and /metrics
// (`marshrut_process_rss_bytes`, ...), and the one place that hands memory back to the system
// after a burst (the demo seed, a catch-up of many desktops). After a burst the live heap is
// small again but the process keeps what it grew to: SQLite's page caches (every connection's
// up to its cache_size, plus the seed's dirty pages) and V8's emptied pages. `PRAGMA
// shrink_memory` frees SQLite's caches at once; V8 gives its pages back at its next full GC,
// which an idle server may not run for a long time, so a burst ends with one (when the process
// was started with --expose-gc, as the production commands do: `npm run server`).
import type Database from 'better-sqlite3';
import type { Logger } from '../platform/log/logger';

export interface ProcessMemory {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  /** Whether this process runs built JavaScript (out/node) or TypeScript through the tsx loader. */
  built: boolean;
  /** Times memory was handed back after a burst, and the RSS before and after the last time. */
  releases: number;
  lastRelease: { at: number; rssBeforeBytes: number; rssAfterBytes: number } | null;
}

export class MemoryKeeper {
  private releases = 0;
  private lastRelease: ProcessMemory['lastRelease'] = null;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly databases: () => readonly Database.Database[],
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  report(): ProcessMemory {
    const m = process.memoryUsage();
    return {
      rssBytes: m.rss,
      heapUsedBytes: m.heapUsed,
      heapTotalBytes: m.heapTotal,
      externalBytes: m.external,
      built: __filename.endsWith('.js'),
      releases: this.releases,
      lastRelease: this.lastRelease,
    };
  }

  /** Hands memory back now: SQLite's caches on every connection, then a full GC if allowed. */
  release(reason: string): void {
    const before = process.memoryUsage.rss();
    for (const db of this.databases()) {
      if (db.open) db.pragma('shrink_memory');
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc === 'function') gc();
    const after = process.memoryUsage.rss();
    this.releases += 1;
    this.lastRelease = { at: this.clock(), rssBeforeBytes: before, rssAfterBytes: after };
    this.logger.info({ reason, rssBeforeMb: Math.round(before / 1e6), rssAfterMb: Math.round(after / 1e6), gc: typeof gc === 'function' }, 'memory handed back');
  }

  /** A burst is over once nothing asked again for `quietMs`: then release once (catch-ups come in waves). */
  releaseWhenQuiet(reason: string, quietMs = 2000): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      this.release(reason);
    }, quietMs);
    this.pending.unref();
  }

  close(): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
  }
}
