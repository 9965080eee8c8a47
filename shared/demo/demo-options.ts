// Size and seed of a demo data set. `now` is required: the generator never reads the clock,
// so the same options always give the same rows (tests and benchmarks rely on it).

export interface DemoOptions {
  /** The instant the data set is "as of" (ms): SLA states and fix ages are relative to it. */
  now: number;
  seed?: number;
  orders?: number;
  carriers?: number;
  drivers?: number;
  /** Defaults to one customer per ~6 orders (at least 40). */
  customers?: number;
}

export type ResolvedDemoOptions = Required<DemoOptions>;

export const DEMO_DEFAULTS = { seed: 1, orders: 600, carriers: 5000, drivers: 60 } as const;

/** Upper bounds that keep a typo from filling the disk; benchmarks need 100k of each. */
export const DEMO_LIMITS = { orders: 2_000_000, carriers: 1_000_000, drivers: 10_000, customers: 1_000_000 } as const;

function count(name: keyof typeof DEMO_LIMITS, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > DEMO_LIMITS[name]) {
    throw new RangeError(`Demo option "${name}" must be an integer from 0 to ${DEMO_LIMITS[name]}, got ${String(value)}`);
  }
  return n;
}

/** Fills defaults and checks every number; throws RangeError with the offending option. */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  if (typeof options.now !== 'number' || !Number.isFinite(options.now) || options.now < 0) {
    throw new RangeError(`Demo option "now" must be a time in ms, got ${String(options.now)}`);
  }
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`Demo option "seed" must be an integer from 0 to 4294967295, got ${String(options.seed)}`);
  }
  const orders = count('orders', options.orders, DEMO_DEFAULTS.orders);
  return {
    now: Math.floor(options.now),
    seed,
    orders,
    carriers: count('carriers', options.carriers, DEMO_DEFAULTS.carriers),
    drivers: count('drivers', options.drivers, DEMO_DEFAULTS.drivers),
    customers: count('customers', options.customers, Math.max(40, Math.round(orders / 6))),
  };
}
