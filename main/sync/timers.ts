// Time as the connection loop sees it: injected, so tests drive it with FakeTimers.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Runs fn soon, after the current I/O callbacks (setImmediate): batches bursts of frames. */
  defer(fn: () => void): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  defer: (fn) => void setImmediate(fn),
  now: () => Date.now(),
};
