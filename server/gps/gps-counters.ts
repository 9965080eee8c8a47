// What the GPS pipeline did since start, for /health: every fix ends in exactly one of
// accepted / late / rejected.<reason> / unknownDevice / malformed, so nothing vanishes uncounted.
import { REJECT_REASONS, type RejectReason } from './fix-filter';
import { RANGED_FIELDS, type RangedField } from './fix-ranges';

export interface GpsCounters {
  /** Requests on the GPS port (and positions forwarded by Traccar). */
  received: number;
  /** Became the driver's shown position (including held parking jitter and relocations). */
  accepted: number;
  /** Accepted but the old point kept: parking jitter. */
  jitterHeld: number;
  /** Accepted after consecutive consistent jumps proved the old point wrong. */
  relocated: number;
  /** Late but within the reorder window: stored in the track, marker unchanged. */
  late: number;
  rejected: Record<RejectReason, number>;
  /** From a device bound to no driver (kept in unknown_devices, never applied). */
  unknownDevice: number;
  /** Unreadable requests (no device id, a device id over 128 characters, bad numbers, bad JSON). */
  malformed: number;
  /** Requests refused (429) because their source address sent too many. */
  rateLimited: number;
  /** Out-of-range optional fields dropped from fixes that were otherwise kept (per field). */
  droppedFields: Record<RangedField, number>;
  /** Unknown devices pushed out of the capped list (oldest first) or never let in. */
  unknownDevicesDropped: number;
  trackRowsWritten: number;
  positionFrames: number;
  /** Automatic marks from geofences. */
  autoMarks: { arrived: number; leftWarehouse: number; skipped: number; rejected: number };
}

export function newGpsCounters(): GpsCounters {
  const rejected = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  return {
    received: 0,
    accepted: 0,
    jitterHeld: 0,
    relocated: 0,
    late: 0,
    rejected,
    unknownDevice: 0,
    malformed: 0,
    rateLimited: 0,
    droppedFields: Object.fromEntries(RANGED_FIELDS.map((f) => [f, 0])) as Record<RangedField, number>,
    unknownDevicesDropped: 0,
    trackRowsWritten: 0,
    positionFrames: 0,
    autoMarks: { arrived: 0, leftWarehouse: 0, skipped: 0, rejected: 0 },
  };
}
