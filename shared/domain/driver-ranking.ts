// Fair distribution: which drivers to suggest for an order, best first, with reasons a
// dispatcher can check at a glance. The rules (domain brief, "Fair distribution"):
// - nobody who hasn't started the day (off_shift) gets an order; if nobody has started,
//   the result says so and the supervisor is told;
// - a driver on a break gets no new client, except their own regular client;
// - among the rest, load decides: orders in work weigh most, then orders received today,
//   then (lightly) this month; distance to the pickup counts too, and a regular customer's
//   own driver gets a bonus.
// - a driver whose last fix is older than 5 minutes (or who has none) has "no signal": their
//   position is a guess, so they lose points and are marked, but are still offered.
// The score is 100 minus penalties (one active order = 10 points = 5 km), never below 0.
// Suggestions only: the dispatcher decides, the server's assign mutator enforces nothing here.
import { hasNoSignal, NO_SIGNAL_AFTER_MS } from './driver-signal';
import type { ShiftState } from './vocabulary';
import type { LatLon } from './geo';
import { distanceMeters, formatDistance } from './geo';
import { formatDuration } from './duration-format';

export interface RankableDriver {
  id: string;
  name?: string;
  shiftState: ShiftState;
  lat: number | null;
  lon: number | null;
  fixAt: number | null;
  /** The server's no-signal flag (a phone stuck on one cached fix), when known. */
  noSignal?: boolean;
  activeOrders: number;
  ordersToday: number;
  ordersThisMonth?: number;
  regularCustomerIds?: readonly string[];
}

export interface RankingWeights {
  perKm: number;
  perActiveOrder: number;
  perOrderToday: number;
  perOrderThisMonth: number;
  noSignal: number;
  /** Distance assumed for a driver with no known position at all. */
  unknownPositionKm: number;
  regularCustomerBonus: number;
  /** A fix older than this means "no signal". */
  signalMaxAgeMs: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  perKm: 2,
  perActiveOrder: 10,
  perOrderToday: 3,
  perOrderThisMonth: 0.05,
  noSignal: 30,
  unknownPositionKm: 15,
  regularCustomerBonus: 15,
  signalMaxAgeMs: NO_SIGNAL_AFTER_MS,
};

export interface RankingRequest {
  pickup: LatLon;
  customerId: string | null;
  drivers: readonly RankableDriver[];
  now: number;
  weights?: Partial<RankingWeights>;
}

export interface DriverSuggestion {
  driverId: string;
  /** 0..100, higher is better; suggestions are sorted by it. */
  score: number;
  /** Null when the driver has no position at all. */
  distanceKm: number | null;
  noSignal: boolean;
  isRegular: boolean;
  onBreak: boolean;
  reasons: string[];
}

export const EXCLUSION_REASONS = ['off_shift', 'on_break'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface RankingResult {
  suggestions: DriverSuggestion[];
  excluded: { driverId: string; reason: ExclusionReason }[];
  /** True when no driver has started the day: nobody can be suggested, tell the supervisor. */
  nobodyOnShift: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Number.isFinite, telling the compiler too: null, NaN and the infinities are not positions. */
function isFiniteNumber(x: unknown): x is number {
  return Number.isFinite(x);
}

function knownPosition(d: RankableDriver): LatLon | null {
  return isFiniteNumber(d.lat) && isFiniteNumber(d.lon) ? { lat: d.lat, lon: d.lon } : null;
}

interface Scored extends DriverSuggestion {
  penalty: number;
}

function scoreDriver(d: RankableDriver, req: RankingRequest, w: RankingWeights, isRegular: boolean): Scored {
  const pos = knownPosition(d);
  const distanceKm = pos ? distanceMeters(pos, req.pickup) / 1000 : null;
  const fixAge = d.fixAt == null ? null : req.now - d.fixAt;
  const noSignal = pos === null || hasNoSignal(d, req.now, w.signalMaxAgeMs);
  const active = Math.max(0, d.activeOrders);
  const today = Math.max(0, d.ordersToday);
  const month = Math.max(0, d.ordersThisMonth ?? 0);
  const penalty =
    (distanceKm ?? w.unknownPositionKm) * w.perKm +
    active * w.perActiveOrder +
    today * w.perOrderToday +
    month * w.perOrderThisMonth +
    (noSignal ? w.noSignal : 0) -
    (isRegular ? w.regularCustomerBonus : 0);

  const reasons: string[] = [];
  reasons.push(distanceKm === null ? 'position unknown' : `${formatDistance(distanceKm * 1000)} away`);
  reasons.push(`${plural(active, 'order', 'orders')} in work, ${today} today`);
  if (isRegular) reasons.push('regular driver for this customer');
  if (d.shiftState === 'on_break') reasons.push('on a break: offered only because this is their regular customer');
  if (noSignal && pos !== null) {
    reasons.push(fixAge === null ? 'no signal: position may be stale' : `no signal for ${formatDuration(fixAge)}: position may be stale`);
  } else if (noSignal) {
    reasons.push('no signal');
  }
  return {
    driverId: d.id,
    score: Math.round(Math.min(100, Math.max(0, 100 - penalty)) * 10) / 10,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    noSignal,
    isRegular,
    onBreak: d.shiftState === 'on_break',
    reasons,
    penalty,
  };
}

/** Ranked suggestions for assigning one order. Deterministic: ties go to the nearer, then by id. */
export function rankDrivers(req: RankingRequest): RankingResult {
  const w: RankingWeights = { ...DEFAULT_RANKING_WEIGHTS, ...req.weights };
  const excluded: RankingResult['excluded'] = [];
  const scored: Scored[] = [];
  for (const d of req.drivers) {
    // A null customer (none chosen yet) is in nobody's list.
    const isRegular = d.regularCustomerIds?.some((c) => c === req.customerId) ?? false;
    if (d.shiftState === 'off_shift') {
      excluded.push({ driverId: d.id, reason: 'off_shift' });
    } else if (d.shiftState === 'on_break' && !isRegular) {
      excluded.push({ driverId: d.id, reason: 'on_break' });
    } else {
      scored.push(scoreDriver(d, req, w, isRegular));
    }
  }
  // Full ties go by id in code-unit order: Array#sort's default, the same on every host.
  const idOrder = new Map(scored.map((s) => s.driverId).sort().map((id, i) => [id, i]));
  const idRank = (s: Scored): number => idOrder.get(s.driverId) ?? 0;
  scored.sort(
    (a, b) =>
      a.penalty - b.penalty ||
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      idRank(a) - idRank(b),
  );
  const suggestions = scored.map(({ penalty: _penalty, ...s }) => s);
  const nobodyOnShift = !req.drivers.some((d) => d.shiftState !== 'off_shift');
  return { suggestions, excluded, nobodyOnShift };
}
