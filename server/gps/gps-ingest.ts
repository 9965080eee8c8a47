// One decoded fix through the pipeline: device -> driver, filter, then (if accepted) the
// positions channel, the track batch and the geofences. A rejected fix changes nothing but
// its counter (and a repeat count feeding "no signal"). Synchronous: better-sqlite3 reads
// are microseconds, and a fix never waits for the disk (writes are batched in GpsStore).
import { effectiveAccuracy, EMPTY_FILTER_STATE, filterFix, type FilterConfig, type FilterState, type RejectReason } from './fix-filter';
import type { GeofenceRunner } from './geofence-runner';
import type { GpsCounters } from './gps-counters';
import type { GpsFix } from './gps-fix';
import { dropOutOfRange } from './fix-ranges';
import type { GpsStore, StoredPosition } from './gps-store';
import type { PositionsHub } from './positions-hub';

export type IngestOutcome =
  | { kind: 'accepted'; driverId: string; held: boolean }
  | { kind: 'late'; driverId: string }
  | { kind: 'rejected'; driverId: string; reason: RejectReason }
  | { kind: 'unknown_device'; deviceId: string };

export class GpsIngest {
  private readonly states = new Map<string, FilterState>();

  constructor(
    private readonly store: GpsStore,
    private readonly hub: PositionsHub,
    private readonly geofences: GeofenceRunner,
    private readonly counters: GpsCounters,
    private readonly cfg: FilterConfig,
  ) {}

  /** Seeds the filter with stored positions, so a restart doesn't accept a stale or wild fix. */
  restore(positions: readonly StoredPosition[], now: number): void {
    for (const p of positions) {
      const acc = effectiveAccuracy(p.accuracyM, this.cfg);
      this.states.set(p.driverId, {
        ...EMPTY_FILTER_STATE,
        shown: { fixAt: p.fixAt, lat: p.lat, lon: p.lon, accuracyM: acc, rawLat: p.lat, rawLon: p.lon },
      });
      this.hub.restore(p, now);
    }
  }

  ingest(wireFix: GpsFix, receivedAt: number): IngestOutcome {
    this.counters.received++;
    const { fix, dropped } = dropOutOfRange(wireFix);
    for (const field of dropped) this.counters.droppedFields[field]++;
    const driverId = this.store.driverFor(fix.deviceId, receivedAt);
    if (driverId === null) {
      this.counters.unknownDevice++;
      this.store.queueUnknown(fix.deviceId, fix, receivedAt);
      return { kind: 'unknown_device', deviceId: fix.deviceId };
    }
    const before = this.states.get(driverId) ?? EMPTY_FILTER_STATE;
    const { state, outcome } = filterFix(before, fix, receivedAt, this.cfg);
    this.states.set(driverId, state);

    if (outcome.kind === 'rejected') {
      this.counters.rejected[outcome.reason]++;
      if (state.repeats !== before.repeats) this.hub.noteRepeat(driverId, state.repeats);
      return { kind: 'rejected', driverId, reason: outcome.reason };
    }
    if (outcome.kind === 'late') {
      this.counters.late++;
      this.store.queueTrack(trackRow(driverId, fix, receivedAt));
      return { kind: 'late', driverId };
    }

    this.counters.accepted++;
    if (outcome.held) this.counters.jitterHeld++;
    if (outcome.relocated) this.counters.relocated++;
    const shown = state.shown;
    if (shown === null) throw new Error('filter accepted a fix without a shown point'); // unreachable: advance sets it
    const position: StoredPosition = {
      driverId,
      lat: shown.lat,
      lon: shown.lon,
      headingDeg: fix.headingDeg,
      speedKmh: outcome.held ? 0 : fix.speedKmh,
      accuracyM: fix.accuracyM,
      battery: fix.battery,
      charging: fix.charging,
      fixAt: shown.fixAt,
    };
    this.hub.update(position, state.repeats);
    this.store.queuePosition(position);
    // A held fix is the same point again: the track keeps the first one of the stop.
    if (!outcome.held) this.store.queueTrack(trackRow(driverId, fix, receivedAt));
    this.geofences.onPosition(driverId, fix.deviceId, {
      lat: shown.lat,
      lon: shown.lon,
      fixAt: shown.fixAt,
      accuracyM: effectiveAccuracy(fix.accuracyM, this.cfg),
    }, outcome.relocated);
    return { kind: 'accepted', driverId, held: outcome.held };
  }
}

function trackRow(driverId: string, fix: GpsFix, receivedAt: number) {
  return {
    driverId,
    fixAt: fix.fixAt,
    lat: fix.lat,
    lon: fix.lon,
    speedKmh: fix.speedKmh,
    headingDeg: fix.headingDeg,
    accuracyM: fix.accuracyM,
    altitudeM: fix.altitudeM,
    battery: fix.battery,
    deviceId: fix.deviceId,
    receivedAt,
  };
}
