// A fixed-window counter per key (a device, or an address before sign-in): the phone page is
// public ground, so floods are answered 429 with Retry-After instead of reaching the database.
export interface RateLimitConfig {
  /** Requests allowed per key per window. */
  limit: number;
  windowMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly cfg: RateLimitConfig,
    private readonly clock: () => number,
  ) {}

  take(key: string): RateDecision {
    const now = this.clock();
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.cfg.windowMs) {
      // Forget finished windows now and then, so a spray of keys can't grow the map forever.
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count > this.cfg.limit) return { ok: false, retryAfterMs: w.start + this.cfg.windowMs - now };
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.cfg.windowMs) this.windows.delete(k);
  }
}
