// Guards every write endpoint runs before a body reaches a schema: how big, how deep, how
// often. Each refusal is a clear 4xx and is counted (GET /health -> ordersApi).

/** Deepest nesting a body may have; the order body itself is 3 levels deep. */
export const MAX_JSON_DEPTH = 8;
/** Most keys and array items in one body, across all levels. */
export const MAX_JSON_NODES = 2000;

/** Null when `value` is within the limits, else what is wrong. */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, maxNodes = MAX_JSON_NODES): string | null {
  let nodes = 0;
  // Iterative, so a 100,000-deep array can't overflow the stack while being measured.
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `the body is nested deeper than ${maxDepth} levels`;
    const children = Array.isArray(v) ? v : Object.values(v);
    nodes += children.length;
    if (nodes > maxNodes) return `the body has more than ${maxNodes} values`;
    for (const c of children) stack.push({ v: c, depth: depth + 1 });
  }
  return null;
}

export interface RateLimitOptions {
  /** Requests per second a token may keep up. */
  perSecond: number;
  /** How many it may send at once after a quiet spell. */
  burst: number;
}

/** A token bucket per key (the token's user id); the caller answers 429 when take() is false. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly clock: () => number,
  ) {}

  /** Takes one request's worth; returns the ms until one is available when none is. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: now };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((now - b.at) / 1000) * this.opts.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - b.tokens) / this.opts.perSecond) * 1000) };
  }
}

/** Counters by outcome for /health: created, duplicate, and each refusal reason. */
export class Counters {
  private readonly counts = new Map<string, number>();

  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
