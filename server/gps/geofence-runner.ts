// Runs the geofence machines for each accepted position: finds the driver's orders a fence
// watches (in_transit: delivery circle; at_warehouse: warehouse circle), steps each machine,
// and when one fires asks the server mutator path for the mark (source gps, event time = the
// fix time), so it gets change-log rows and reaches every desktop like any other change.
// Machine state is in memory: after a restart a driver must dwell again, which is harmless
// because planAutoMark is idempotent.
// Marks need a continuous track: the fixes that put a driver inside a circle and the ones that
// complete the mark must come from the same device with no gap over maxTrackGapMs (and no
// relocation between them). Another device's first fix (a fresh binding, or someone sending
// with a known device id while the real phone also reports) restarts the machines instead of
// finishing what the other device's fixes began.
import type { Logger } from '../../platform/log/logger';
import type Database from 'better-sqlite3';
import type { MutationActor, MutationOutcome } from '../../shared/mutators/mutator-tx';
import type { OrderStatus, SubMark } from '../../shared/domain/vocabulary';
import { planAutoMark, fenceKindFor, type FenceKind } from './auto-mark';
import {
  ARRIVAL_START,
  DEPARTURE_START,
  stepArrival,
  stepDeparture,
  type ArrivalState,
  type DepartureState,
  type FencePoint,
  type GeofenceConfig,
} from './geofence-machine';
import type { GpsCounters } from './gps-counters';

export type RunMutation = (name: string, args: unknown, actor: MutationActor, at: number) => MutationOutcome;

interface WatchedOrder {
  id: string;
  status: OrderStatus;
  sub_mark: SubMark | null;
  driver_id: string | null;
  delivery_lat: number;
  delivery_lon: number;
  center_lat: number;
  center_lon: number;
}

type FenceState = { kind: 'arrival'; s: ArrivalState } | { kind: 'departure'; s: DepartureState };

/** An order that changed: its id and the driver it names now (null: none, or deleted). */
export interface ChangedOrder {
  id: string;
  driverId: string | null;
}

export class GeofenceRunner {
  /** Per driver: orderId -> machine. Orders that drop out of the watch lose their machine. */
  private readonly machines = new Map<string, Map<string, FenceState>>();
  /** Per driver: the device and fix time of the continuous track the machines follow. */
  private readonly tracks = new Map<string, { deviceId: string; lastFixAt: number }>();
  /** Watched orders per driver; a driver's list is dropped when one of its orders changes (ordersChanged). */
  private readonly watchedCache = new Map<string, WatchedOrder[]>();
  /** Order id -> the driver whose cached list holds it. */
  private readonly cachedBy = new Map<string, string>();
  private readonly stmts;

  constructor(
    sqlite: Database.Database,
    private readonly cfg: GeofenceConfig,
    private readonly runMutation: RunMutation,
    private readonly counters: GpsCounters,
    private readonly log: Logger,
    /** Only when the host calls ordersChanged() on every order change; else a query per fix. */
    private readonly cacheWatched: boolean,
  ) {
    this.stmts = {
      watched: sqlite.prepare<[string], WatchedOrder>(
        `SELECT o.id, o.status, o.sub_mark, o.driver_id, o.delivery_lat, o.delivery_lon,
                coalesce(w.lat, o.pickup_lat) AS center_lat, coalesce(w.lon, o.pickup_lon) AS center_lon
         FROM orders o LEFT JOIN warehouses w ON w.id = o.warehouse_id
         WHERE o.driver_id = ? AND o.status IN ('at_warehouse', 'in_transit')`,
      ),
      order: sqlite.prepare<[string], WatchedOrder>(
        `SELECT o.id, o.status, o.sub_mark, o.driver_id, o.delivery_lat, o.delivery_lon, 0 AS center_lat, 0 AS center_lon
         FROM orders o WHERE o.id = ?`,
      ),
      lastManual: sqlite.prepare<[string], { at: number | null }>(
        `SELECT max(at) AS at FROM order_events WHERE order_id = ? AND source <> 'gps'`,
      ),
    };
  }

  /**
   * Orders changed (any cause): forget the watch lists they can change. A driver's list
   * changes only when an order enters it (the order names the driver now) or one in it
   * changes or leaves (the list holds it), so only those drivers' lists go; the others stay,
   * since with 800 phones and a shop's order every few seconds, dropping every list on every
   * order change meant a query per fix again (1.5 ms each over 1,000,000 orders).
   */
  ordersChanged(changed: readonly ChangedOrder[]): void {
    for (const o of changed) {
      if (o.driverId !== null) this.forget(o.driverId);
      const holder = this.cachedBy.get(o.id);
      if (holder !== undefined) this.forget(holder);
    }
  }

  private forget(driverId: string): void {
    const list = this.watchedCache.get(driverId);
    if (list === undefined) return;
    this.watchedCache.delete(driverId);
    for (const o of list) if (this.cachedBy.get(o.id) === driverId) this.cachedBy.delete(o.id);
  }

  private watched(driverId: string): WatchedOrder[] {
    if (!this.cacheWatched) return this.stmts.watched.all(driverId);
    let list = this.watchedCache.get(driverId);
    if (list === undefined) {
      list = this.stmts.watched.all(driverId);
      this.watchedCache.set(driverId, list);
      for (const o of list) this.cachedBy.set(o.id, driverId);
    }
    return list;
  }

  /** An accepted fix. `relocated`: the filter moved the driver (the track is broken there). */
  onPosition(driverId: string, deviceId: string, p: FencePoint, relocated = false): void {
    const track = this.tracks.get(driverId);
    const continuous = track !== undefined && track.deviceId === deviceId && p.fixAt - track.lastFixAt <= this.cfg.maxTrackGapMs && !relocated;
    this.tracks.set(driverId, { deviceId, lastFixAt: p.fixAt });
    if (!continuous) this.machines.delete(driverId);
    const orders = this.watched(driverId);
    let mine = this.machines.get(driverId);
    if (orders.length === 0) {
      if (mine !== undefined) this.machines.delete(driverId);
      return;
    }
    if (mine === undefined) {
      mine = new Map();
      this.machines.set(driverId, mine);
    }
    const seen = new Set<string>();
    for (const o of orders) {
      const kind = fenceKindFor({ id: o.id, status: o.status, subMark: o.sub_mark, driverId: o.driver_id });
      if (kind === null) continue;
      seen.add(o.id);
      const prev = mine.get(o.id);
      const fired = this.step(kind, prev?.kind === kind ? prev : undefined, o, p, mine);
      if (fired) this.fire(kind, o.id, driverId, deviceId, p.fixAt);
    }
    for (const id of mine.keys()) if (!seen.has(id)) mine.delete(id);
  }

  private step(kind: FenceKind, prev: FenceState | undefined, o: WatchedOrder, p: FencePoint, mine: Map<string, FenceState>): boolean {
    if (kind === 'arrival') {
      const s = prev?.kind === 'arrival' ? prev.s : ARRIVAL_START;
      const r = stepArrival(s, p, { lat: o.delivery_lat, lon: o.delivery_lon }, this.cfg);
      mine.set(o.id, { kind, s: r.state });
      return r.fire;
    }
    const s = prev?.kind === 'departure' ? prev.s : DEPARTURE_START;
    const r = stepDeparture(s, p, { lat: o.center_lat, lon: o.center_lon }, this.cfg);
    mine.set(o.id, { kind, s: r.state });
    return r.fire;
  }

  private fire(kind: FenceKind, orderId: string, driverId: string, deviceId: string, fixAt: number): void {
    const o = this.stmts.order.get(orderId);
    if (o === undefined) return;
    const lastManualAt = this.stmts.lastManual.get(orderId)?.at ?? null;
    const plan = planAutoMark(kind, { id: o.id, status: o.status, subMark: o.sub_mark, driverId: o.driver_id }, driverId, fixAt, lastManualAt);
    if (!plan.ok) {
      this.counters.autoMarks.skipped++;
      return;
    }
    const actor: MutationActor = { id: deviceId, name: 'GPS', actor: 'gps', role: null };
    const outcome = this.runMutation(plan.mutation, plan.args, actor, fixAt);
    if (outcome.result === 'applied') {
      if (kind === 'arrival') this.counters.autoMarks.arrived++;
      else this.counters.autoMarks.leftWarehouse++;
    } else {
      this.counters.autoMarks.rejected++;
      this.log.warn({ mutation: plan.mutation, orderId, reason: outcome.error.message }, 'GPS status change was rejected');
    }
  }
}
