// A token bucket per source address for the OsmAnd port, which anyone can reach and which
// has no credentials. A phone sends a fix every few seconds, and a burst of queued ones when
// it comes back online; a flood from one address gets 429 instead of the database's time.
// Several phones behind one carrier NAT share an address, so the default is generous.

export interface RateLimitConfig {
  /** Sustained requests per second per address. */
  perSecond: number;
  /** Requests an address may send at once (a phone catching up after a tunnel). */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perSecond: 50, burst: 500 };

/** Addresses remembered at most; idle ones (full buckets) are forgotten first. */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class SourceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly cfg: RateLimitConfig) {}

  /** True when `address` may make one more request at `now` (and takes the token). */
  take(address: string, now: number): boolean {
    let b = this.buckets.get(address);
    if (b === undefined) {
      if (this.buckets.size >= MAX_TRACKED) this.forgetIdle(now);
      b = { tokens: this.cfg.burst, at: now };
      this.buckets.set(address, b);
    } else {
      // A clock that steps back (NTP) must not drain the bucket.
      const elapsed = Math.max(0, now - b.at);
      b.tokens = Math.min(this.cfg.burst, b.tokens + (elapsed / 1000) * this.cfg.perSecond);
      b.at = Math.max(b.at, now);
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Seconds until `address` has a token again (for Retry-After). */
  retryAfterS(address: string): number {
    const b = this.buckets.get(address);
    if (b === undefined || b.tokens >= 1) return 0;
    return Math.ceil((1 - b.tokens) / this.cfg.perSecond);
  }

  tracked(): number {
    return this.buckets.size;
  }

  private forgetIdle(now: number): void {
    const full = (this.cfg.burst / this.cfg.perSecond) * 1000;
    for (const [address, b] of this.buckets) if (now - b.at >= full) this.buckets.delete(address);
    // Still full of busy addresses: forget the oldest half rather than grow.
    if (this.buckets.size >= MAX_TRACKED) {
      let n = 0;
      for (const address of this.buckets.keys()) {
        if (n++ >= MAX_TRACKED / 2) break;
        this.buckets.delete(address);
      }
    }
  }
}
