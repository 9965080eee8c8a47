// The positions channel: latest position per driver in memory, streamed to desktops apart
// from the change log. Framing rules:
// - a driver appears at most once per `perDriverIntervalMs` (default 1 s): a phone sending
//   ten fixes a second still moves its marker once a second;
// - a frame holds only drivers that moved (or whose no-signal state flipped, or whose fix time
//   advanced while parked, refreshed every `parkedRefreshMs`);
// - frames go out `flushDelayMs` after the first pending change (default 25 ms), so a fix
//   reaches the map within tens of milliseconds, not up to a second later; set flushDelayMs
//   to 1000 for strictly one frame per second;
// - a desktop that connects gets the full snapshot.
// No-signal: the last fix is older than `noSignalAfterMs` (5 min) or the phone repeated the
// same fix time `repeatsForNoSignal` times (stuck on a cached fix): never shown as online.
import { NO_SIGNAL_AFTER_MS, REPEATS_FOR_NO_SIGNAL } from '../../shared/domain/driver-signal';
import type { DriverPosition, Positions } from '../../shared/protocol';

export interface PositionsHubConfig {
  perDriverIntervalMs: number;
  flushDelayMs: number;
  parkedRefreshMs: number;
  noSignalAfterMs: number;
  repeatsForNoSignal: number;
}

export const DEFAULT_POSITIONS_CONFIG: PositionsHubConfig = {
  perDriverIntervalMs: 1000,
  flushDelayMs: 25,
  parkedRefreshMs: 30_000,
  noSignalAfterMs: NO_SIGNAL_AFTER_MS,
  repeatsForNoSignal: REPEATS_FOR_NO_SIGNAL,
};

export type PositionInput = Omit<DriverPosition, 'noSignal'>;

interface Entry {
  pos: PositionInput;
  repeats: number;
  /** What desktops were last sent (null: never). */
  sent: DriverPosition | null;
  sentAt: number;
}

export function isNoSignal(fixAt: number, repeats: number, now: number, cfg: PositionsHubConfig): boolean {
  return now - fixAt > cfg.noSignalAfterMs || repeats >= cfg.repeatsForNoSignal;
}

export class PositionsHub {
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cfg: PositionsHubConfig,
    private readonly send: (frame: Positions) => void,
    private readonly clock: () => number,
  ) {}

  /** Starts the once-a-second sweep that notices drivers going silent. */
  start(): void {
    this.sweepTimer ??= setInterval(() => this.sweep(), 1000);
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer);
    this.timer = null;
    this.sweepTimer = null;
  }

  /** A restored position (from the database at start-up): known, in snapshots, but not news. */
  restore(pos: PositionInput, now: number): void {
    const e: Entry = { pos, repeats: 0, sent: null, sentAt: 0 };
    e.sent = this.view(e, now);
    this.entries.set(pos.driverId, e);
  }

  update(pos: PositionInput, repeats: number): void {
    const e = this.entries.get(pos.driverId);
    if (e === undefined) this.entries.set(pos.driverId, { pos, repeats, sent: null, sentAt: 0 });
    else {
      e.pos = pos;
      e.repeats = repeats;
    }
    this.markDirty(pos.driverId);
  }

  /** The phone repeated its last fix time (a rejected fix): only no-signal may change. */
  noteRepeat(driverId: string, repeats: number): void {
    const e = this.entries.get(driverId);
    if (e === undefined || e.repeats === repeats) return;
    e.repeats = repeats;
    this.markDirty(driverId);
  }

  get(driverId: string, now: number): DriverPosition | null {
    const e = this.entries.get(driverId);
    return e === undefined ? null : this.view(e, now);
  }

  /** Every known driver, for a desktop that just connected. */
  snapshot(now: number): Positions {
    return { type: 'positions', drivers: [...this.entries.values()].map((e) => this.view(e, now)) };
  }

  /** Sends the drivers that are due now; returns the frame (null when nothing was due). */
  flush(now: number): Positions | null {
    this.timer = null;
    const due: DriverPosition[] = [];
    let nextDue = Infinity;
    for (const id of this.dirty) {
      const e = this.entries.get(id);
      if (e === undefined) {
        this.dirty.delete(id);
        continue;
      }
      // Throttled drivers wait without building their view: at thousands of fixes a second
      // most dirty drivers are in this branch on every flush.
      const readyAt = e.sentAt + this.cfg.perDriverIntervalMs;
      if (e.sent !== null && readyAt > now) {
        nextDue = Math.min(nextDue, readyAt);
        continue;
      }
      const view = this.view(e, now);
      if (!this.isNews(e, view, now)) {
        this.dirty.delete(id);
        continue;
      }
      due.push(view);
      e.sent = view;
      e.sentAt = now;
      this.dirty.delete(id);
    }
    if (nextDue !== Infinity) this.schedule(nextDue - now);
    if (due.length === 0) return null;
    const frame: Positions = { type: 'positions', drivers: due };
    this.send(frame);
    return frame;
  }

  private view(e: Entry, now: number): DriverPosition {
    return { ...e.pos, noSignal: isNoSignal(e.pos.fixAt, e.repeats, now, this.cfg) };
  }

  private isNews(e: Entry, view: DriverPosition, now: number): boolean {
    const s = e.sent;
    if (s === null) return true;
    if (s.lat !== view.lat || s.lon !== view.lon || s.noSignal !== view.noSignal) return true;
    return view.fixAt !== s.fixAt && now - e.sentAt >= this.cfg.parkedRefreshMs;
  }

  private markDirty(driverId: string): void {
    this.dirty.add(driverId);
    if (this.timer === null) this.schedule(this.cfg.flushDelayMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(this.clock()), Math.max(0, delayMs));
    this.timer.unref();
  }

  /** Drivers whose no-signal state flipped by the passing of time, and parked refreshes. */
  private sweep(): void {
    const now = this.clock();
    for (const [id, e] of this.entries) {
      if (!this.dirty.has(id) && this.isNews(e, this.view(e, now), now)) this.markDirty(id);
    }
  }
}
