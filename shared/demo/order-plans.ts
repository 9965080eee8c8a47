// What each demo order should look like before any times are drawn: status, service type,
// where its SLA should stand at `now`, and who carries it. The first orders follow a fixed
// list so that even a small data set shows every status, service type, SLA state and
// reminder; the rest are drawn by weight.
import type { OrderStatus, ServiceType } from '../domain/vocabulary';
import type { Rng } from './prng';

/** Where the SLA should stand: the engine's states for open orders, met/late for finished ones. */
export type SlaTarget = 'ok' | 'warning' | 'critical' | 'breached' | 'met' | 'late';
export type Handling = 'driver' | 'courier' | 'carrier';
export type WorkingStatus = 'confirmed' | 'at_warehouse' | 'in_transit';

export interface OrderPlan {
  status: OrderStatus;
  service: ServiceType;
  /** null for new and cancelled orders. */
  sla: SlaTarget | null;
  handling: Handling;
  /** Stuck before the SLA matters: new for > 2 h, or confirmed for > 1 day and not picked. */
  stale: boolean;
  /** For problem orders: the status it was in when the problem was reported. */
  problemFrom: WorkingStatus | null;
  /** For cancelled orders: the status it was cancelled from. */
  cancelFrom: 'new' | 'confirmed' | null;
  /** A direct pickup: the driver collects from the sender, no warehouse step. */
  direct: boolean;
  vip: boolean;
}

const BASE: OrderPlan = {
  status: 'new', service: 'standard', sla: null, handling: 'driver', stale: false,
  problemFrom: null, cancelFrom: null, direct: false, vip: false,
};

function plan(p: Partial<OrderPlan>): OrderPlan {
  return { ...BASE, ...p };
}

/**
 * The coverage list. Every SLA state appears on an intercity order too: intercity counts
 * calendar time, so its state at `now` is exact whatever weekday or hour `now` falls on.
 */
export const COVERAGE_PLANS: readonly OrderPlan[] = [
  plan({ status: 'new', service: 'standard' }),
  plan({ status: 'new', service: 'express', stale: true }),
  plan({ status: 'confirmed', service: 'standard', sla: 'ok' }),
  plan({ status: 'confirmed', service: 'intercity', sla: 'ok', stale: true }),
  plan({ status: 'confirmed', service: 'intercity', sla: 'warning' }),
  plan({ status: 'at_warehouse', service: 'intercity', sla: 'critical' }),
  plan({ status: 'at_warehouse', service: 'express', sla: 'ok', vip: true }),
  plan({ status: 'in_transit', service: 'intercity', sla: 'breached' }),
  plan({ status: 'in_transit', service: 'express', sla: 'critical' }),
  plan({ status: 'in_transit', service: 'standard', sla: 'warning' }),
  plan({ status: 'in_transit', service: 'intercity', sla: 'ok', handling: 'courier' }),
  plan({ status: 'in_transit', service: 'intercity', sla: 'ok', handling: 'carrier' }),
  plan({ status: 'in_transit', service: 'standard', sla: 'ok', direct: true }),
  plan({ status: 'problem', service: 'standard', sla: 'breached', problemFrom: 'in_transit' }),
  plan({ status: 'problem', service: 'express', sla: 'ok', problemFrom: 'at_warehouse' }),
  plan({ status: 'problem', service: 'intercity', sla: 'warning', problemFrom: 'confirmed' }),
  plan({ status: 'delivered', service: 'intercity', sla: 'met' }),
  plan({ status: 'delivered', service: 'intercity', sla: 'late' }),
  plan({ status: 'delivered', service: 'express', sla: 'met' }),
  plan({ status: 'delivered', service: 'intercity', sla: 'met', handling: 'courier' }),
  plan({ status: 'closed', service: 'standard', sla: 'met' }),
  plan({ status: 'closed', service: 'intercity', sla: 'late' }),
  plan({ status: 'cancelled', service: 'standard', cancelFrom: 'confirmed' }),
  plan({ status: 'cancelled', service: 'express', cancelFrom: 'new' }),
];

// A normal working day: most open orders on time, a handful at risk, a few breached, a few
// problems, so the problem queue and the alerts mean something when the demo opens.
const STATUS_WEIGHTS: readonly (readonly [OrderStatus, number])[] = [
  ['new', 6], ['confirmed', 9], ['at_warehouse', 8], ['in_transit', 14], ['problem', 1],
  ['delivered', 20], ['closed', 35], ['cancelled', 7],
];
const SERVICE_WEIGHTS: readonly (readonly [ServiceType, number])[] = [['express', 25], ['standard', 50], ['intercity', 25]];
const OPEN_SLA_WEIGHTS: readonly (readonly [SlaTarget, number])[] = [['ok', 90], ['warning', 5], ['critical', 2], ['breached', 3]];
const DONE_SLA_WEIGHTS: readonly (readonly [SlaTarget, number])[] = [['met', 88], ['late', 12]];

export function randomPlan(rng: Rng, carriersAvailable: boolean): OrderPlan {
  const status = rng.weighted(STATUS_WEIGHTS);
  const service = rng.weighted(SERVICE_WEIGHTS);
  let handling: Handling = 'driver';
  if (service === 'intercity') {
    handling = rng.weighted([['driver', 50], ['courier', 30], ['carrier', carriersAvailable ? 20 : 0]] as const);
  } else if (rng.chance(0.05)) {
    handling = 'courier';
  }
  const finished = status === 'delivered' || status === 'closed';
  const open = status !== 'new' && status !== 'cancelled' && !finished;
  const sla = finished ? rng.weighted(DONE_SLA_WEIGHTS) : open ? rng.weighted(OPEN_SLA_WEIGHTS) : null;
  const problemFrom = status === 'problem' ? rng.weighted([['confirmed', 2], ['at_warehouse', 3], ['in_transit', 5]] as const) : null;
  // A direct pickup never passes a warehouse, so it can't be (or have been) at_warehouse.
  const directPossible = handling === 'driver' && service !== 'intercity' && status !== 'at_warehouse' && problemFrom !== 'at_warehouse';
  return {
    status,
    service,
    sla,
    handling,
    stale: (status === 'new' && rng.chance(0.08)) || (status === 'confirmed' && sla === 'ok' && rng.chance(0.05)),
    problemFrom,
    cancelFrom: status === 'cancelled' ? (rng.chance(0.5) ? 'new' : 'confirmed') : null,
    direct: directPossible && rng.chance(0.06),
    vip: false,
  };
}
