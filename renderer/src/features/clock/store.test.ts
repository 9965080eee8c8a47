import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockNow, setClockSkew, startTicker, useClockStore } from './store';

afterEach(() => vi.useRealTimers());

describe('shared ticker', () => {
  it('ticks once a second on the whole second, with main’s skew applied', () => {
    vi.useFakeTimers();
    let t = 1_000_000_400;
    const stop = startTicker(() => t);
    setClockSkew(t + 5_000, t);
    expect(useClockStore.getState().now).toBe(t + 5_000);
    const seen: number[] = [];
    const unsub = useClockStore.subscribe((s) => seen.push(s.now));
    t += 605;
    vi.advanceTimersByTime(605);
    expect(seen).toHaveLength(1);
    t += 1000;
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2);
    expect(clockNow()).toBe(t + 5_000);
    stop();
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(2);
    unsub();
  });
});
