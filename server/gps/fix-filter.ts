// The GPS filter: decides, for one driver, what a decoded fix does. Pure: state in, state out,
// `now` passed in. A rejected fix changes nothing but the repeat count (which only feeds "no
// signal"). Outcomes:
// - advance: newer than the shown position; becomes it (or keeps the old point when the move
//   is parking jitter: smaller than both fixes' accuracies together).
// - late: older than the shown position but within the reorder window: goes into the track in
//   fix-time order (the track writer sorts its batch), never moves the marker backwards.
// - rejected: counted under its reason.
import type { GpsFix } from './gps-fix';
import { distanceMeters } from '../../shared/domain/geo';

export const REJECT_REASONS = [
  'invalid_coordinates',
  'null_island',
  'future',
  'stale',
  'duplicate',
  'jump',
  'poor_accuracy',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface FilterConfig {
  /** Faster than this between two fixes is a jump, not a drive. */
  maxSpeedKmh: number;
  /** How far ahead of the server clock a phone's clock may be. */
  maxFutureSkewMs: number;
  /** Fixes less accurate than this are ignored. */
  maxAccuracyM: number;
  /** What accuracy 0 (Traccar Client's "GPS fix") or no accuracy at all stands for. */
  nominalAccuracyM: number;
  /** A fix this much older than the shown one still goes into the track, in order. */
  reorderWindowMs: number;
  /** This many consecutive jump fixes that agree with each other relocate the driver. */
  jumpConfirmFixes: number;
}

export const DEFAULT_FILTER_CONFIG: FilterConfig = {
  maxSpeedKmh: 200,
  maxFutureSkewMs: 60_000,
  maxAccuracyM: 100,
  nominalAccuracyM: 10,
  reorderWindowMs: 5_000,
  jumpConfirmFixes: 3,
};

/** The driver's shown position. `lat`/`lon` may be a held point; `raw*` is what the fix said. */
export interface ShownPoint {
  fixAt: number;
  lat: number;
  lon: number;
  accuracyM: number;
  rawLat: number;
  rawLon: number;
}

export interface FilterState {
  shown: ShownPoint | null;
  /** Fix times accepted within the reorder window behind `shown` (duplicates of late fixes). */
  recentFixAts: readonly number[];
  /** Consecutive fixes rejected as jumps, oldest first. */
  jumpCandidates: readonly GpsFix[];
  /** How many fixes in a row repeated the shown fix time: a phone stuck on a cached fix. */
  repeats: number;
}

export const EMPTY_FILTER_STATE: FilterState = { shown: null, recentFixAts: [], jumpCandidates: [], repeats: 0 };

export type FilterOutcome =
  | { kind: 'advance'; held: boolean; relocated: boolean }
  | { kind: 'late' }
  | { kind: 'rejected'; reason: RejectReason };

export interface FilterStep {
  state: FilterState;
  outcome: FilterOutcome;
}

export function effectiveAccuracy(accuracyM: number | null, cfg: FilterConfig): number {
  const given = accuracyM ?? 0;
  return given > 0 ? given : cfg.nominalAccuracyM;
}

/**
 * Implied speed between two points, after granting them their accuracies. Callers settle equal
 * times first (0/0 would be NaN).
 */
function impliedSpeedKmh(a: { lat: number; lon: number; fixAt: number; acc: number }, b: typeof a): number {
  const hours = Math.abs(b.fixAt - a.fixAt) / 3_600_000;
  const metres = Math.max(0, distanceMeters(a, b) - a.acc - b.acc);
  return metres / 1000 / hours;
}

export function filterFix(state: FilterState, fix: GpsFix, now: number, cfg: FilterConfig): FilterStep {
  const reject = (reason: RejectReason, s: FilterState = state): FilterStep => ({ state: s, outcome: { kind: 'rejected', reason } });

  if (
    !fix.valid ||
    !Number.isFinite(fix.lat) ||
    !Number.isFinite(fix.lon) ||
    Math.abs(fix.lat) > 90 ||
    Math.abs(fix.lon) > 180
  ) {
    return reject('invalid_coordinates');
  }
  if (fix.lat === 0 && fix.lon === 0) return reject('null_island');
  if (fix.fixAt > now + cfg.maxFutureSkewMs) return reject('future');
  const acc = effectiveAccuracy(fix.accuracyM, cfg);
  if (acc > cfg.maxAccuracyM) return reject('poor_accuracy');

  const shown = state.shown;
  if (shown === null) return advance(state, fix, acc, null, false, cfg);

  if (fix.fixAt <= shown.fixAt) {
    if (fix.fixAt === shown.fixAt) {
      const repeated = { ...state, repeats: state.repeats + 1 };
      return reject(fix.lat === shown.rawLat && fix.lon === shown.rawLon ? 'duplicate' : 'stale', repeated);
    }
    if (state.recentFixAts.includes(fix.fixAt)) return reject('duplicate');
    if (shown.fixAt - fix.fixAt > cfg.reorderWindowMs) return reject('stale');
    // No window filter here: the shown time has not moved since advance() filtered the list.
    return { state: { ...state, recentFixAts: [...state.recentFixAts, fix.fixAt] }, outcome: { kind: 'late' } };
  }

  const from = { lat: shown.rawLat, lon: shown.rawLon, fixAt: shown.fixAt, acc: shown.accuracyM };
  if (impliedSpeedKmh(from, { lat: fix.lat, lon: fix.lon, fixAt: fix.fixAt, acc }) > cfg.maxSpeedKmh) {
    return onJump(state, fix, acc, cfg);
  }

  const jitter = distanceMeters(shown, fix) < shown.accuracyM + acc;
  return advance(state, fix, acc, jitter ? shown : null, false, cfg);
}

/** `holdAt`: the shown point to keep when the move is parking jitter, else null. */
function advance(state: FilterState, fix: GpsFix, acc: number, holdAt: ShownPoint | null, relocated: boolean, cfg: FilterConfig): FilterStep {
  const prev = state.shown;
  const shown: ShownPoint =
    holdAt !== null
      ? { ...holdAt, fixAt: fix.fixAt, rawLat: fix.lat, rawLon: fix.lon }
      : { fixAt: fix.fixAt, lat: fix.lat, lon: fix.lon, accuracyM: acc, rawLat: fix.lat, rawLon: fix.lon };
  const recent =
    prev === null
      ? // Stryker disable next-line ArrayDeclaration: the window filter below drops a non-number entry
        []
      : [...state.recentFixAts, prev.fixAt];
  const recentFixAts = recent.filter((t) => fix.fixAt - t <= cfg.reorderWindowMs);
  return {
    state: { shown, recentFixAts, jumpCandidates: [], repeats: 0 },
    outcome: { kind: 'advance', held: holdAt !== null, relocated },
  };
}

/**
 * A jump is rejected, unless it is the latest of `jumpConfirmFixes` consecutive jumps that
 * agree with each other: then the old point was the wrong one (a bad fix that slipped
 * through, or the phone was off while the truck drove), and the driver is relocated.
 */
function onJump(state: FilterState, fix: GpsFix, acc: number, cfg: FilterConfig): FilterStep {
  // Never longer than jumpConfirmFixes: a chain that long relocates, and the kept list starts over.
  const candidates = [...state.jumpCandidates, fix];
  const consistent = candidates.every((c, i) => {
    const prev = candidates[i - 1];
    if (prev === undefined) return true;
    // Stryker disable next-line EqualityOperator: at equal times the speed below is NaN (no time passed), which fails too
    if (c.fixAt <= prev.fixAt) return false;
    const a = { lat: prev.lat, lon: prev.lon, fixAt: prev.fixAt, acc: 0 };
    return impliedSpeedKmh(a, { lat: c.lat, lon: c.lon, fixAt: c.fixAt, acc: 0 }) <= cfg.maxSpeedKmh;
  });
  if (consistent && candidates.length >= cfg.jumpConfirmFixes) {
    // With no shown point advance() starts the recent fix times afresh.
    return advance({ ...state, shown: null }, fix, acc, null, true, cfg);
  }
  const kept = consistent ? candidates : [fix];
  return { state: { ...state, jumpCandidates: kept }, outcome: { kind: 'rejected', reason: 'jump' } };
}
