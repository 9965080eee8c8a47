// Geofences that turn a driver's fixes into order marks, as pure state machines per order.
// Hysteresis: a driver is "in" a circle once within `radiusM` and "out" again only beyond
// `radiusM * exitFactor`; between the two nothing changes, so GPS jitter at the edge cannot
// make a storm of enter/leave events. Fixes less accurate than `maxAccuracyM` are ignored
// entirely (they neither enter, leave, nor count towards the dwell).
//
// - arrival (order in_transit, its delivery circle): fires once after the driver has stayed
//   in for `dwellMs` of fix time -> sub-mark "arrived".
// - departure (order at_warehouse, its warehouse circle): fires once when a driver who was
//   seen in the circle goes out -> in_transit. A driver never seen inside (still on the way
//   to pick up) cannot "leave".
import { distanceMeters, type LatLon } from '../../shared/domain/geo';

export interface GeofenceConfig {
  /** Delivery circle ("arrived" inside it). */
  arrivalRadiusM: number;
  /** Warehouse circle (leaving it means in_transit). */
  warehouseRadiusM: number;
  /** Exit radius = radius * exitFactor. */
  exitFactor: number;
  /** Time inside the delivery circle before "arrived". */
  dwellMs: number;
  /** Fixes less accurate than this don't move the machine. */
  maxAccuracyM: number;
  /**
   * A fence counts only fixes of one continuous track: from one device, each within this long
   * of the one before. A longer gap, another device or a relocation starts the machines again.
   */
  maxTrackGapMs: number;
}

export const DEFAULT_GEOFENCE_CONFIG: GeofenceConfig = {
  arrivalRadiusM: 100,
  warehouseRadiusM: 150,
  exitFactor: 1.5,
  dwellMs: 60_000,
  maxAccuracyM: 50,
  maxTrackGapMs: 600_000,
};

export interface FencePoint extends LatLon {
  fixAt: number;
  /** Effective accuracy in metres (Traccar Client's 0 already replaced by a nominal value). */
  accuracyM: number;
}

export type ArrivalState = { phase: 'out' } | { phase: 'in'; since: number } | { phase: 'fired'; at: number };
export type DepartureState = { phase: 'unseen' } | { phase: 'in' } | { phase: 'fired'; at: number };

export const ARRIVAL_START: ArrivalState = { phase: 'out' };
export const DEPARTURE_START: DepartureState = { phase: 'unseen' };

export interface FenceStep<S> {
  state: S;
  /** True exactly once per order: the step that should produce the mark. */
  fire: boolean;
}

type Zone = 'in' | 'between' | 'out' | 'ignored';

function zoneOf(p: FencePoint, center: LatLon, radiusM: number, cfg: GeofenceConfig): Zone {
  if (p.accuracyM > cfg.maxAccuracyM) return 'ignored';
  const d = distanceMeters(p, center);
  if (d <= radiusM) return 'in';
  if (d > radiusM * cfg.exitFactor) return 'out';
  // Stryker disable next-line StringLiteral: 'between' is never compared, it only means "neither in nor out"
  return 'between';
}

export function stepArrival(state: ArrivalState, p: FencePoint, target: LatLon, cfg: GeofenceConfig): FenceStep<ArrivalState> {
  if (state.phase === 'fired') return { state, fire: false };
  const zone = zoneOf(p, target, cfg.arrivalRadiusM, cfg);
  if (zone === 'ignored') return { state, fire: false };
  if (state.phase === 'out') {
    if (zone !== 'in') return { state, fire: false };
    if (cfg.dwellMs <= 0) return { state: { phase: 'fired', at: p.fixAt }, fire: true };
    return { state: { phase: 'in', since: p.fixAt }, fire: false };
  }
  if (zone === 'out') return { state: ARRIVAL_START, fire: false };
  if (p.fixAt - state.since >= cfg.dwellMs) return { state: { phase: 'fired', at: p.fixAt }, fire: true };
  return { state, fire: false };
}

export function stepDeparture(
  state: DepartureState,
  p: FencePoint,
  warehouse: LatLon,
  cfg: GeofenceConfig,
): FenceStep<DepartureState> {
  if (state.phase === 'fired') return { state, fire: false };
  // An inaccurate fix ('ignored') is neither 'in' nor 'out', so it leaves the state as it is.
  const zone = zoneOf(p, warehouse, cfg.warehouseRadiusM, cfg);
  if (state.phase === 'unseen') return { state: zone === 'in' ? { phase: 'in' } : state, fire: false };
  if (zone === 'out') return { state: { phase: 'fired', at: p.fixAt }, fire: true };
  return { state, fire: false };
}
