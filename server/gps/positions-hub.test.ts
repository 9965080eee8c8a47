import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Positions } from '../../shared/protocol';
import { DEFAULT_POSITIONS_CONFIG, PositionsHub, type PositionInput } from './positions-hub';

const T0 = Date.UTC(2024, 6, 1, 10, 0, 0);
const pos = (driverId: string, north: number, fixAt: number): PositionInput => ({
  driverId,
  lat: 51 + north / 111_195,
  lon: 71,
  headingDeg: null,
  speedKmh: 30,
  accuracyM: 5,
  battery: 80,
  charging: false,
  fixAt,
});

const hubs: PositionsHub[] = [];
function hub(): { h: PositionsHub; frames: Positions[] } {
  const frames: Positions[] = [];
  const h = new PositionsHub(DEFAULT_POSITIONS_CONFIG, (f) => frames.push(f), () => T0);
  hubs.push(h);
  return { h, frames };
}
afterEach(() => {
  for (const h of hubs.splice(0)) h.stop();
  vi.useRealTimers();
});

describe('PositionsHub', () => {
  it('sends a driver at most once a second, with the latest position, and only drivers that moved', () => {
    const { h } = hub();
    h.update(pos('a', 0, T0), 0);
    h.update(pos('b', 0, T0), 0);
    expect(h.flush(T0)?.drivers.map((d) => d.driverId)).toEqual(['a', 'b']);
    h.update(pos('a', 30, T0 + 200), 0);
    h.update(pos('a', 60, T0 + 400), 0);
    expect(h.flush(T0 + 500)).toBeNull(); // a was sent 500 ms ago
    const later = h.flush(T0 + 1000);
    expect(later?.drivers).toEqual([expect.objectContaining({ driverId: 'a', fixAt: T0 + 400 })]);
    h.update(pos('b', 0, T0 + 1000), 0); // same point, newer time: parked, not news yet
    expect(h.flush(T0 + 2500)).toBeNull();
  });

  it('flags no signal after 5 minutes, or after the phone repeats its fix time', () => {
    const { h } = hub();
    h.update(pos('a', 0, T0), 0);
    h.flush(T0);
    expect(h.get('a', T0 + 299_000)?.noSignal).toBe(false);
    expect(h.get('a', T0 + 301_000)?.noSignal).toBe(true);
    expect(h.flush(T0 + 301_000)).toBeNull(); // not dirty: the sweep marks it (the sweep test below)
    h.noteRepeat('a', 3);
    expect(h.flush(T0 + 2000)?.drivers[0]).toMatchObject({ driverId: 'a', noSignal: true });
  });

  it('gives a connecting desktop every known driver, restored ones too', () => {
    const { h } = hub();
    h.restore(pos('old', 0, T0 - 3_600_000), T0);
    h.update(pos('a', 0, T0), 0);
    expect(h.snapshot(T0).drivers.map((d) => [d.driverId, d.noSignal])).toEqual([
      ['old', true],
      ['a', false],
    ]);
  });

  it('the sweep sends a driver who went silent once, with no new fix, and again when the signal is back', () => {
    vi.useFakeTimers({ now: T0 });
    const frames: Positions[] = [];
    const h = new PositionsHub(DEFAULT_POSITIONS_CONFIG, (f) => frames.push(f), () => Date.now());
    hubs.push(h);
    h.start();
    h.update(pos('quiet', 0, T0), 0);
    h.update(pos('chatty', 0, T0), 0);
    vi.advanceTimersByTime(100);
    expect(frames.map((f) => f.drivers.map((d) => [d.driverId, d.noSignal]))).toEqual([[['quiet', false], ['chatty', false]]]);
    frames.length = 0;
    // chatty keeps sending a fix every 20 s as it drives; quiet's phone says nothing.
    for (let s = 20; s <= 300; s += 20) {
      vi.setSystemTime(T0 + s * 1000);
      h.update(pos('chatty', s, T0 + s * 1000), 0);
      vi.advanceTimersByTime(1);
    }
    expect(frames.flatMap((f) => f.drivers).every((d) => d.driverId === 'chatty' && !d.noSignal)).toBe(true);
    frames.length = 0;
    // 5 min and a bit after quiet's last fix: the next sweep (within a second) flags it.
    vi.advanceTimersByTime(2000);
    const silent = frames.flatMap((f) => f.drivers).filter((d) => d.driverId === 'quiet');
    expect(silent).toEqual([expect.objectContaining({ driverId: 'quiet', noSignal: true, fixAt: T0 })]);
    // Later sweeps do not repeat the news.
    frames.length = 0;
    vi.advanceTimersByTime(10_000);
    expect(frames.flatMap((f) => f.drivers).filter((d) => d.driverId === 'quiet')).toEqual([]);
    // A fresh fix brings it back online.
    h.update(pos('quiet', 0, Date.now()), 0);
    vi.advanceTimersByTime(100);
    expect(frames.flatMap((f) => f.drivers).filter((d) => d.driverId === 'quiet')).toEqual([expect.objectContaining({ noSignal: false })]);
  });

  it('the sweep refreshes a parked driver whose fix time advanced, at most every parkedRefreshMs', () => {
    vi.useFakeTimers({ now: T0 });
    const frames: Positions[] = [];
    const h = new PositionsHub(DEFAULT_POSITIONS_CONFIG, (f) => frames.push(f), () => Date.now());
    hubs.push(h);
    h.start();
    h.update(pos('parked', 0, T0), 0);
    vi.advanceTimersByTime(100);
    frames.length = 0;
    // Same point, newer fix times: not news until 30 s after the last send.
    for (let s = 5; s <= 25; s += 5) {
      vi.setSystemTime(T0 + s * 1000);
      h.update(pos('parked', 0, T0 + s * 1000), 0);
      vi.advanceTimersByTime(1);
    }
    expect(frames).toEqual([]);
    vi.advanceTimersByTime(6000); // past 30 s: the sweep notices the newer fix time
    expect(frames.flatMap((f) => f.drivers)).toEqual([expect.objectContaining({ driverId: 'parked', fixAt: T0 + 25_000, noSignal: false })]);
  });
});
