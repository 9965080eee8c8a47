// The replica's answer to "which open orders are at risk by their predicted arrival" (the rule:
// shared/eta/arrival-risk.ts): every assigned order still ahead in a driver's work, from the
// drivers' last fixes and the synced learned speeds. The queue's SQL takes the ids as a JSON
// parameter (@predictedRisk), so the at-risk filter, counts and problem queue agree with the card.
import { FLEET_LOCATOR, fleetArrivalRisks, SpeedTable, type FleetOrder, type PredictedRisk } from '../../../shared/eta';
import { speedProfiles } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';

const WORK_SQL = `SELECT id, status, pickup_lat AS pickupLat, pickup_lon AS pickupLon, delivery_lat AS deliveryLat, delivery_lon AS deliveryLon,
  status_changed_at AS statusChangedAt, assigned_at AS assignedAt, driver_id AS driverId, sla_deadline AS slaDeadline
  FROM orders WHERE driver_id IS NOT NULL AND status IN ('confirmed', 'at_warehouse', 'in_transit')`;
const DRIVERS_SQL = `SELECT id, lat, lon, fix_at AS fixAt FROM drivers WHERE lat IS NOT NULL AND lon IS NOT NULL AND fix_at IS NOT NULL`;

// One refresh of the console asks the queue, its counts and the problem queue at once: they
// share one computation while nothing was written to the replica (by this or another
// connection) and the clock is in the same second.
const VERSION_SQL = 'SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS dataVersion';
const memo = new WeakMap<ReadonlyReplica, { key: string; risks: Map<string, PredictedRisk> }>();

export function predictedRisks(replica: ReadonlyReplica, now: number): ReadonlyMap<string, PredictedRisk> {
  const v = replica.prepareRead(VERSION_SQL).get() as { changes: number; dataVersion: number };
  const key = `${v.changes}:${v.dataVersion}:${Math.floor(now / 1000)}`;
  const hit = memo.get(replica);
  if (hit !== undefined && hit.key === key) return hit.risks;
  const risks = computeRisks(replica, now);
  memo.set(replica, { key, risks });
  return risks;
}

function computeRisks(replica: ReadonlyReplica, now: number): Map<string, PredictedRisk> {
  const work = replica.prepareRead(WORK_SQL).all() as FleetOrder[];
  if (work.length === 0) return new Map();
  const drivers = replica.prepareRead(DRIVERS_SQL).all() as { id: string; lat: number; lon: number; fixAt: number }[];
  const speeds = new SpeedTable(replica.db.select().from(speedProfiles).all());
  return fleetArrivalRisks(work, drivers, speeds, FLEET_LOCATOR, now);
}

/** The @predictedRisk parameter: the ids as a JSON array. */
export function predictedRiskParam(risks: ReadonlyMap<string, PredictedRisk>): string {
  return JSON.stringify([...risks.keys()]);
}
