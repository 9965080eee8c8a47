// "At risk" by prediction, in one place: the queue's at-risk bucket and counts, the problem
// queue, the SLA alerts and the order card all ask this. An open order is at risk by its
// prediction when its deadline still stands and the predicted arrival is after it (late) or
// within the warning margin of it (tight); the time-left window (slaStatus) is the other half.
import { driverWorkSequence, stopsThrough, type WorkOrder } from './driver-work';
import { arrivalRisk, predictDeliveries, type PredictedArrival } from './predict-arrival';
import type { CityLocator, SpeedTable } from './speed-profile';

export type PredictedRisk = 'late' | 'tight';

/** Null when the prediction gives no reason to worry (or there is none, or the deadline passed: that is a breach). */
export function predictedRisk(predicted: Pick<PredictedArrival, 'at'> | null, deadline: number | null, now: number): PredictedRisk | null {
  if (predicted === null || deadline === null || deadline < now) return null;
  const r = arrivalRisk(predicted.at, deadline);
  return r === 'ok' ? null : r;
}

export interface FleetOrder extends WorkOrder {
  driverId: string | null;
  slaDeadline: number | null;
}

export interface FleetDriver {
  id: string;
  lat: number | null;
  lon: number | null;
  fixAt: number | null;
}

/**
 * The predicted risk of every assigned open order whose driver has a position: one prediction
 * per order through the stops ahead of it in its driver's work, as the card shows it.
 */
export function fleetArrivalRisks(
  orders: readonly FleetOrder[],
  drivers: readonly FleetDriver[],
  speeds: SpeedTable,
  locator: CityLocator,
  now: number,
): Map<string, PredictedRisk> {
  const byDriver = new Map<string, FleetOrder[]>();
  for (const o of orders) {
    if (o.driverId === null) continue;
    const list = byDriver.get(o.driverId);
    if (list === undefined) byDriver.set(o.driverId, [o]);
    else list.push(o);
  }
  const out = new Map<string, PredictedRisk>();
  for (const d of drivers) {
    const work = byDriver.get(d.id);
    if (work === undefined || d.lat === null || d.lon === null || d.fixAt === null) continue;
    const seq = driverWorkSequence(work);
    const last = seq[seq.length - 1];
    if (last === undefined) continue;
    // One walk through the whole day: each order's arrival is its point on it.
    const stops = stopsThrough(seq, last.id) ?? [];
    const arrivals = predictDeliveries({ now, driver: { lat: d.lat, lon: d.lon, fixAt: d.fixAt }, stops, speeds, locator });
    for (const o of seq) {
      const at = arrivals.get(o.id);
      const risk = predictedRisk(at === undefined ? null : { at }, o.slaDeadline, now);
      if (risk !== null) out.set(o.id, risk);
    }
  }
  return out;
}
