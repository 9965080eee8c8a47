// One shared 1 s ticker for every countdown on screen. A timer per row would be 20,000 timers;
// one store value means only the rows that are rendered (the virtualised window) re-render.
// `skewMs` lines our clock up with main's, so a countdown agrees with main's SLA queries.
import { create } from 'zustand';

export interface ClockState {
  /** Current time (ms) as main sees it, refreshed once a second. */
  now: number;
  skewMs: number;
  /** The local clock the ticker reads (a fake one in tests). */
  source: TimeSource;
}

export type TimeSource = () => number;

export const useClockStore = create<ClockState>(() => ({ now: Date.now(), skewMs: 0, source: () => Date.now() }));

/** Reads the clock now (for actions, outside React). */
export function clockNow(): number {
  const { source, skewMs } = useClockStore.getState();
  return source() + skewMs;
}

/** Sets the offset between main's clock and ours, measured once at start-up. */
export function setClockSkew(mainNow: number, localNow: number = useClockStore.getState().source()): void {
  const skewMs = mainNow - localNow;
  useClockStore.setState({ skewMs, now: localNow + skewMs });
}

/**
 * Starts the ticker; returns a function that stops it. Ticks land just after each whole second
 * so every countdown on screen changes together.
 */
export function startTicker(timeSource: TimeSource = () => Date.now(), periodMs = 1000): () => void {
  useClockStore.setState({ source: timeSource });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    const local = timeSource();
    useClockStore.setState({ now: local + useClockStore.getState().skewMs });
    timer = setTimeout(tick, periodMs - (local % periodMs) + 5);
  };
  tick();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
