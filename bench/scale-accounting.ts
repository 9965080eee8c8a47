// bench:scale's bookkeeping, pure so it can be tested: where every expected fix receipt went,
// latency quantiles from bucketed histograms, and which resource is nearest its limit.

export interface ReceiptInput {
  /** Fixes the phones had answered 200 (`${driverId}@${fixAt}`): each is expected at every desktop. */
  expected: ReadonlySet<string>;
  desktops: number;
  /** How many desktops received each fix (any key, expected or not). */
  counts: ReadonlyMap<string, number>;
  /** Per desktop: fix receipts, and its close code (null: open to the end). */
  perDesktop: ReadonlyArray<{ received: number; closedCode: number | null }>;
}

export interface ReceiptAccount {
  expected: number;
  arrived: number;
  /** Fixes no desktop received: the server never framed them (its GPS counters say why). */
  neverFramedFixes: number;
  neverFramedReceipts: number;
  /** Framed fixes missing at desktops the server (or the network) closed. */
  missingAtClosed: number;
  /** Framed fixes missing at desktops still open when the drain ended: not arrived in time. */
  notArrived: number;
  /** Receipts of fixes the phones did not see accepted (their request failed after the server took it). */
  unexpected: number;
  /** Receipts beyond one per desktop (a fix sent twice to the same desktop). */
  duplicates: number;
  /** expected - arrived - every counted reason: 0 when each receipt is accounted for. */
  unaccounted: number;
}

export function accountReceipts(input: ReceiptInput): ReceiptAccount {
  const D = input.desktops;
  let arrived = 0;
  let duplicates = 0;
  let neverFramedFixes = 0;
  for (const key of input.expected) {
    const n = input.counts.get(key) ?? 0;
    arrived += Math.min(n, D);
    duplicates += Math.max(0, n - D);
    if (n === 0) neverFramedFixes++;
  }
  let unexpected = 0;
  for (const [key, n] of input.counts) if (!input.expected.has(key)) unexpected += n;
  const framed = input.expected.size - neverFramedFixes;
  let missingAtClosed = 0;
  let notArrived = 0;
  for (const d of input.perDesktop) {
    const missing = Math.max(0, framed - d.received);
    if (d.closedCode === null) notArrived += missing;
    else missingAtClosed += missing;
  }
  const expected = input.expected.size * D;
  const neverFramedReceipts = neverFramedFixes * D;
  return {
    expected,
    arrived,
    neverFramedFixes,
    neverFramedReceipts,
    missingAtClosed,
    notArrived,
    unexpected,
    duplicates,
    unaccounted: expected - arrived - neverFramedReceipts - missingAtClosed - notArrived,
  };
}

/** Quantile q (0-1) of a histogram value -> count; NaN when it is empty. */
export function quantile(hist: ReadonlyMap<number, number>, q: number): number {
  let total = 0;
  for (const n of hist.values()) total += n;
  if (total === 0) return NaN;
  let seen = 0;
  for (const v of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(v) as number;
    if (seen >= q * total) return v;
  }
  return NaN;
}

export interface Resource {
  /** What saturates, in the words of the report. */
  name: string;
  value: number;
  /** Where it saturates, in the value's unit. */
  limit: number;
  unit: string;
}

/** Resources by their share of their limit, nearest first. */
export function byPressure(resources: readonly Resource[]): Array<Resource & { share: number }> {
  return resources.map((r) => ({ ...r, share: r.value / r.limit })).sort((a, b) => b.share - a.share);
}

/** One line naming the first limit: the resource nearest (or past) its limit, and the runner-up. */
export function firstLimitLine(resources: readonly Resource[]): string {
  const [first, second] = byPressure(resources);
  if (first === undefined) return 'first limit: nothing measured';
  const show = (r: Resource & { share: number }): string => `${r.name} at ${fmt(r.value)} ${r.unit} of ${fmt(r.limit)} ${r.unit} (${Math.round(r.share * 100)}%)`;
  const head = first.share >= 1 ? `first limit: ${show(first)}` : `first limit: none reached; nearest: ${show(first)}`;
  return second === undefined ? head : `${head}; next: ${show(second)}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 0);
}

/** The event-loop monitors' sampling interval (perf_hooks.monitorEventLoopDelay resolution). */
export const LOOP_RESOLUTION_MS = 10;

/**
 * A monitorEventLoopDelay reading (ns) as the delay in ms: the histogram records the whole
 * interval between its timer's turns, so an idle loop reads the resolution, not 0.
 */
export function loopDelayMs(ns: number): number {
  return Math.max(0, Math.round((ns / 1e6 - LOOP_RESOLUTION_MS) * 10) / 10);
}
