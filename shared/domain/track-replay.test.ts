import { describe, expect, it } from 'vitest';
import { advanceReplay, replayPosition, type ReplayFix } from './track-replay';

const T0 = Date.UTC(2026, 11, 2, 5, 0, 0);
const track: ReplayFix[] = [
  { fixAt: T0, lat: 43.2, lon: 76.9 },
  { fixAt: T0 + 10_000, lat: 43.3, lon: 76.9 },
  { fixAt: T0 + 40_000, lat: 43.3, lon: 77.2 },
];

describe('replayPosition', () => {
  it('is null for an empty track', () => {
    expect(replayPosition([], T0)).toBeNull();
  });

  it('stands on the first fix before the track and on the last after it', () => {
    expect(replayPosition(track, T0 - 5_000)).toEqual({ lat: 43.2, lon: 76.9, index: 0, headingDeg: null });
    expect(replayPosition(track, T0 + 99_000)).toEqual({ lat: 43.3, lon: 77.2, index: 2, headingDeg: null });
  });

  it('walks evenly between the two fixes around the moment', () => {
    const quarter = replayPosition(track, T0 + 2_500);
    expect(quarter?.lat).toBeCloseTo(43.225, 10);
    expect(quarter?.lon).toBeCloseTo(76.9, 10);
    expect(quarter?.index).toBe(0);
    // Second leg: 30 s long, 10 s in = a third of the way east.
    const third = replayPosition(track, T0 + 20_000);
    expect(third?.lat).toBeCloseTo(43.3, 10);
    expect(third?.lon).toBeCloseTo(77.0, 10);
    expect(third?.index).toBe(1);
  });

  it('is exactly on a fix at its time, and heads along the leg', () => {
    const at = replayPosition(track, T0 + 10_000);
    expect(at).toMatchObject({ lat: 43.3, lon: 76.9, index: 1 });
    // toBeCloseTo reads null as 0, so the heading's presence is checked on its own.
    expect(replayPosition(track, T0 + 1)?.headingDeg).not.toBeNull();
    expect(replayPosition(track, T0 + 1)?.headingDeg).toBeCloseTo(0, 5); // north
    expect(replayPosition(track, T0 + 11_000)?.headingDeg).toBeCloseTo(90, 0); // east
  });

  it('finds the leg in a long track (binary search), including repeated fix times', () => {
    const long: ReplayFix[] = Array.from({ length: 1001 }, (_, i) => ({ fixAt: T0 + i * 1000, lat: 43 + i * 0.001, lon: 77 }));
    const p = replayPosition(long, T0 + 500_500);
    expect(p?.index).toBe(500);
    expect(p?.lat).toBeCloseTo(43.5005, 10);
    const twice: ReplayFix[] = [track[0] as ReplayFix, { fixAt: T0, lat: 43.25, lon: 76.9 }, track[1] as ReplayFix];
    expect(replayPosition(twice, T0 + 5_000)?.lat).toBeCloseTo(43.275, 10);
  });
});

describe('replayPosition at the edges of a leg', () => {
  it('stands still, without a heading, exactly at the first and the last fix', () => {
    expect(replayPosition(track, T0)).toEqual({ lat: 43.2, lon: 76.9, index: 0, headingDeg: null });
    expect(replayPosition(track, T0 + 40_000)).toEqual({ lat: 43.3, lon: 77.2, index: 2, headingDeg: null });
  });

  it('walks a track of only two fixes', () => {
    const two = track.slice(0, 2);
    expect(replayPosition(two, T0 + 5_000)).toMatchObject({ index: 0, lon: 76.9 });
    expect(replayPosition(two, T0 + 5_000)?.lat).toBeCloseTo(43.25, 10);
  });

  it('gives no heading on a leg where the phone did not move', () => {
    const parked: ReplayFix[] = [track[0] as ReplayFix, { ...(track[0] as ReplayFix), fixAt: T0 + 60_000 }, { fixAt: T0 + 70_000, lat: 43.2, lon: 77 }];
    expect(replayPosition(parked, T0 + 30_000)).toEqual({ lat: 43.2, lon: 76.9, index: 0, headingDeg: null });
    expect(replayPosition(parked, T0 + 65_000)?.headingDeg).toBeCloseTo(90, 0);
  });

  it('follows the great circle off the equator (the same bearing as the map)', () => {
    const north: ReplayFix[] = [
      { fixAt: T0, lat: 60, lon: 0 },
      { fixAt: T0 + 1_000, lat: 60, lon: 10 },
    ];
    expect(replayPosition(north, T0 + 500)?.headingDeg).toBeCloseTo(85.667126, 5);
  });
});

describe('advanceReplay', () => {
  it('is done when it lands exactly on the end', () => {
    expect(advanceReplay(T0, 1_000, 60, T0 + 60_000)).toEqual({ at: T0 + 60_000, done: true });
  });

  it('moves track time by wall time x speed and stops at the end', () => {
    expect(advanceReplay(T0, 100, 60, T0 + 60_000)).toEqual({ at: T0 + 6_000, done: false });
    expect(advanceReplay(T0, 2_000, 60, T0 + 60_000)).toEqual({ at: T0 + 60_000, done: true });
    expect(advanceReplay(T0, -50, 10, T0 + 60_000)).toEqual({ at: T0, done: false });
  });
});
