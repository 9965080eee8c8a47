// Replaying a driver's GPS track: where the driver was at a moment between two stored fixes.
// Fixes are minutes apart when the phone is parked and a second apart when it moves, so the
// replay marker walks in a straight line at even speed between the two fixes around the
// moment (what Traccar's replay does), and stands on the first or last fix outside the track.

import { bearingDegrees } from './geo';

export interface ReplayFix {
  fixAt: number;
  lat: number;
  lon: number;
}

export interface ReplayPosition {
  lat: number;
  lon: number;
  /** Index of the fix at or before the moment (the track drawn so far ends there). */
  index: number;
  /** Degrees clockwise from north along the current leg; null when standing. */
  headingDeg: number | null;
}

/** The last index whose fix is at or before `t` (binary search; fixes are oldest first). */
function indexAtOrBefore(points: readonly ReplayFix[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((points[mid] as ReplayFix).fixAt <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Heading along a leg; null when the phone did not move (a parked car points nowhere). */
function legHeading(a: ReplayFix, b: ReplayFix): number | null {
  return a.lat === b.lat && a.lon === b.lon ? null : bearingDegrees(a, b);
}

/**
 * The driver's position at `t` along `points` (oldest first), or null for an empty track.
 * Before the first fix: the first fix; after the last: the last.
 */
export function replayPosition(points: readonly ReplayFix[], t: number): ReplayPosition | null {
  const first = points[0];
  if (first === undefined) return null;
  const last = points[points.length - 1] as ReplayFix;
  if (t <= first.fixAt) return { lat: first.lat, lon: first.lon, index: 0, headingDeg: null };
  if (t >= last.fixAt) return { lat: last.lat, lon: last.lon, index: points.length - 1, headingDeg: null };
  const i = indexAtOrBefore(points, t);
  const a = points[i] as ReplayFix;
  const b = points[i + 1] as ReplayFix;
  // b is the first fix after t and a the last at or before it, so b.fixAt > a.fixAt.
  const f = (t - a.fixAt) / (b.fixAt - a.fixAt);
  return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f, index: i, headingDeg: legHeading(a, b) };
}

/** Replay speeds offered (track time per wall-clock second). */
export const REPLAY_SPEEDS = [1, 10, 60, 300] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/**
 * The next replay moment after `elapsedMs` of wall-clock time at `speed`, never past the end;
 * `done` once the end is reached (the player stops there).
 */
export function advanceReplay(at: number, elapsedMs: number, speed: ReplaySpeed, end: number): { at: number; done: boolean } {
  const next = at + Math.max(0, elapsedMs) * speed;
  return next >= end ? { at: end, done: true } : { at: next, done: false };
}
