// One simulated driver: what they do next and where they are. Pure given its inputs (the
// orders they carry, the clocks, a seeded random source), so it is testable without a server.
// A day looks like: drive to the warehouse of a picked order, load, drive to the delivery
// address, stay for the hand-over (long enough for the server's arrival geofence), mark it
// delivered (sometimes a problem), next order; with nothing to carry, roam near home.
// Two clocks: `sim` (scaled by speedup: driving and dwell times) and `real` (fix timestamps,
// and the hand-over, which must last the server's real dwell time whatever the speedup).
import { distanceMeters, type LatLon } from '../shared/domain/geo';
import type { Rng } from '../shared/demo/prng';
import type { ProblemReason, ShiftState } from '../shared/domain/vocabulary';
import type { FleetOrder } from './fleet-api';
import { around, midWaypoint, moveToward } from './motion';

export interface DriverSimConfig {
  speedup: number;
  /** What the server may see at most (its jump filter rejects > 200 km/h). */
  maxApparentKmh: number;
  /** Real time at the delivery address; above the server's 60 s arrival dwell. */
  handoverRealMs: number;
  problemChance: number;
  roamRadiusM: number;
}

export const DEFAULT_DRIVER_SIM: DriverSimConfig = {
  speedup: 1,
  maxApparentKmh: 150,
  handoverRealMs: 80_000,
  problemChance: 0.06,
  roamRadiusM: 4000,
};

type Task =
  | { kind: 'rest'; untilSim: number }
  | { kind: 'drive'; waypoints: LatLon[]; purpose: 'pickup' | 'deliver' | 'roam'; orderId: string | null; speedKmh: number }
  | { kind: 'load'; orderId: string; untilSim: number }
  | { kind: 'handover'; orderId: string; untilSim: number; untilReal: number };

export interface SimDriver {
  id: string;
  deviceId: string;
  shift: ShiftState;
  pos: LatLon;
  headingDeg: number;
  /** Current speed, sim km/h (0 when standing). */
  speedKmh: number;
  home: LatLon;
  task: Task;
  battery: number;
  /** Orders this driver finished; kept until the server's list no longer shows them. */
  done: Set<string>;
}

export type DriverIntent =
  | { kind: 'mark'; order: FleetOrder; status: 'in_transit' | 'delivered' }
  | { kind: 'mark'; order: FleetOrder; status: 'problem'; reason: ProblemReason };

const PROBLEM_REASONS_SEEN: readonly ProblemReason[] = ['recipient_unreachable', 'refused', 'address_not_found', 'damaged'];

export function newSimDriver(id: string, shift: ShiftState, pos: LatLon, home: LatLon, simNow: number, rng: Rng): SimDriver {
  return {
    id,
    deviceId: `sim-${id}`,
    shift,
    pos,
    headingDeg: 0,
    speedKmh: 0,
    home,
    task: { kind: 'rest', untilSim: simNow + rng.int(0, 90) * 1000 },
    battery: rng.int(35, 100),
    done: new Set(),
  };
}

/** Whether this driver's phone sends fixes (off-shift phones are silent). */
export function isReporting(d: SimDriver): boolean {
  return d.shift !== 'off_shift';
}

/** Advances one driver by `dtSim` of simulated time; returns the marks to send. */
export function stepDriver(
  d: SimDriver,
  mine: readonly FleetOrder[],
  clocks: { sim: number; real: number; dtSim: number },
  cfg: DriverSimConfig,
  rng: Rng,
): DriverIntent[] {
  if (d.shift !== 'on_shift') {
    d.speedKmh = 0;
    return [];
  }
  const intents: DriverIntent[] = [];
  const t = d.task;
  switch (t.kind) {
    case 'rest':
      d.speedKmh = 0;
      if (clocks.sim >= t.untilSim) d.task = chooseNext(d, mine, clocks.sim, cfg, rng);
      break;
    case 'drive': {
      let budget = (t.speedKmh / 3.6) * (clocks.dtSim / 1000);
      d.speedKmh = t.speedKmh;
      while (budget > 0 && t.waypoints.length > 0) {
        const target = t.waypoints[0] as LatLon;
        const step = moveToward(d.pos, target, budget);
        budget -= distanceMeters(d.pos, step.pos);
        d.pos = step.pos;
        if (!step.arrived) d.headingDeg = step.headingDeg;
        if (step.arrived) t.waypoints.shift();
        else break;
      }
      if (t.waypoints.length === 0) d.task = arrive(t, clocks, cfg, rng);
      break;
    }
    case 'load': {
      d.speedKmh = 0;
      if (clocks.sim < t.untilSim) break;
      const order = mine.find((o) => o.id === t.orderId);
      d.task = order === undefined ? chooseNext(d, mine, clocks.sim, cfg, rng) : driveTo(d, { lat: order.deliveryLat, lon: order.deliveryLon }, 'deliver', order.id, cfg, rng);
      break;
    }
    case 'handover': {
      d.speedKmh = 0;
      if (clocks.sim < t.untilSim || clocks.real < t.untilReal) break;
      const order = mine.find((o) => o.id === t.orderId);
      if (order !== undefined && !d.done.has(order.id)) {
        // Drivers forget the departure mark; the app sends it with the hand-over if GPS missed it.
        if (order.status === 'at_warehouse') intents.push({ kind: 'mark', order, status: 'in_transit' });
        if (rng.chance(cfg.problemChance)) intents.push({ kind: 'mark', order, status: 'problem', reason: rng.pick(PROBLEM_REASONS_SEEN) });
        else intents.push({ kind: 'mark', order, status: 'delivered' });
        d.done.add(order.id);
      }
      d.task = chooseNext(d, mine, clocks.sim, cfg, rng);
      break;
    }
  }
  return intents;
}

function arrive(t: Extract<Task, { kind: 'drive' }>, clocks: { sim: number; real: number }, cfg: DriverSimConfig, rng: Rng): Task {
  if (t.purpose === 'pickup' && t.orderId !== null) return { kind: 'load', orderId: t.orderId, untilSim: clocks.sim + rng.int(120, 360) * 1000 };
  if (t.purpose === 'deliver' && t.orderId !== null) {
    return { kind: 'handover', orderId: t.orderId, untilSim: clocks.sim + rng.int(120, 300) * 1000, untilReal: clocks.real + cfg.handoverRealMs };
  }
  return { kind: 'rest', untilSim: clocks.sim + rng.int(60, 300) * 1000 };
}

/** In-transit orders first (the goods are in the van), then picked ones; else roam. */
function chooseNext(d: SimDriver, mine: readonly FleetOrder[], simNow: number, cfg: DriverSimConfig, rng: Rng): Task {
  const open = mine.filter((o) => !d.done.has(o.id));
  const carrying = open.find((o) => o.status === 'in_transit');
  if (carrying !== undefined) return driveTo(d, { lat: carrying.deliveryLat, lon: carrying.deliveryLon }, 'deliver', carrying.id, cfg, rng);
  const picked = open.find((o) => o.status === 'at_warehouse');
  if (picked !== undefined) return driveTo(d, { lat: picked.pickupLat, lon: picked.pickupLon }, 'pickup', picked.id, cfg, rng);
  if (rng.chance(0.3)) return { kind: 'rest', untilSim: simNow + rng.int(60, 240) * 1000 };
  return driveTo(d, around(d.home, cfg.roamRadiusM, rng), 'roam', null, cfg, rng);
}

function driveTo(d: SimDriver, target: LatLon, purpose: 'pickup' | 'deliver' | 'roam', orderId: string | null, cfg: DriverSimConfig, rng: Rng): Task {
  // City traffic; the speedup must not make the server see a jet.
  const speedKmh = Math.min(rng.float(25, 55), cfg.maxApparentKmh / cfg.speedup);
  return { kind: 'drive', waypoints: [midWaypoint(d.pos, target, rng), target], purpose, orderId, speedKmh };
}
