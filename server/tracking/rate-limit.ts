// A token bucket per client address for the public pages: bursts of a page load pass, a
// flood gets 429. Buckets are forgotten after a quiet while so the map can't grow forever.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  rejected = 0;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: () => number,
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string): boolean {
    const now = this.clock();
    let b = this.buckets.get(key);
    if (b === undefined) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    if (b.tokens < 1) {
      this.rejected++;
      return false;
    }
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (now - b.at > 10 * 60_000) this.buckets.delete(k);
    // Still full (a spread-out flood): start over rather than grow.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
