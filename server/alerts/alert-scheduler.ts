// The SLA alert scheduler: the server's one source of truth for warnings, supervisor warnings,
// breaches and processing reminders. It evaluates orders with the shared SLA engine
// (shared/alerts/decide-alerts.ts) and records each alert once, as synced rows through the
// change log, so every desktop gets the same list.
//
// When it looks: an order is evaluated when it changes (change-log listener), when its own next
// moment comes (nextChangeAt / nextReminderAt in a due queue), and in a periodic full scan that
// makes it correct even if a moment was missed (clock jumps, a lost timer, another process's
// writes). Recording is idempotent (alert ids are (order, kind, dueAt)), so a full scan or a
// restart can't repeat an alert; a start-up scan records what came due while the server was down.
//
// Warehouses are checked too (issue 18): "nobody has started the day by the warehouse's time"
// (shared/alerts/shift-start-alert.ts), when a driver's shift, a warehouse or a calendar
// changes and when a warehouse's next moment comes (its check time, or local midnight).
import type { ChangeRow } from '../../shared/protocol';
import type { MutatorTx } from '../../shared/mutators';
import type { ReminderThresholds } from '../../shared/domain/processing-reminders';
import { nextAlertCheckAt, planAlerts, type AlertEnv } from '../../shared/alerts/decide-alerts';
import { localDayStart, nextShiftStartCheckAt, planShiftStartAlerts } from '../../shared/alerts/shift-start-alert';
import type { AlertRow, OrderRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import type { Logger } from '../../platform/log/logger';
import { AlertSource, type PeopleOptions } from './alert-source';
import { DueQueue } from './due-queue';
import { DeadlineRecompute } from './recompute-deadlines';

export interface SchedulerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realSchedulerTimers: SchedulerTimers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface AlertSchedulerOptions extends PeopleOptions {
  engine: SyncEngine;
  clock: () => number;
  timers?: SchedulerTimers;
  /** Full scan period. Default 5 min. */
  fullScanIntervalMs?: number;
  /** Longest sleep between ticks, so a wall-clock jump is noticed. Default 60 s. */
  maxSleepMs?: number;
  reminders?: ReminderThresholds;
  logger: Logger;
  /** The predicted arrival of an assigned order (server/eta/arrival-service.ts), for predicted_late alerts. */
  predict?: ArrivalPredictor;
}

/** Predicted arrival time (ms) of an order, or null when it cannot be predicted now. */
export type ArrivalPredictor = (order: OrderRow, now: number) => number | null;

/** Told of alerts just recorded, inside the transaction that records them. */
export type AlertsRecordedHook = (tx: MutatorTx, created: readonly AlertRow[], now: number) => void;

const PREDICTED_STATUSES: ReadonlySet<string> = new Set(['confirmed', 'at_warehouse', 'in_transit']);

export interface TickResult {
  evaluated: number;
  created: number;
  resolved: number;
  recomputed: number;
}

const BATCH = 500;
const NO_PEOPLE = { dispatcherId: null, dispatcherName: null, supervisorId: null, supervisorName: null, directorPhone: null };
const CONFIG_TABLES = new Set(['sla_policies', 'regions', 'customers']);
/** Changes that can change a warehouse's "nobody started the day" answer. */
const SHIFT_TABLES = new Set(['drivers', 'warehouses', 'regions']);

export class AlertScheduler {
  readonly source: AlertSource;
  private readonly recompute: DeadlineRecompute;
  private readonly due = new DueQueue();
  private readonly dirty = new Set<string>();
  private configDirty = true;
  private nextFullScanAt = 0;
  private shiftDirty = true;
  private nextShiftCheckAt = 0;
  private timer: unknown = null;
  private running = false;
  private unsubscribe: (() => void) | null = null;
  private predict: ArrivalPredictor | null;
  private readonly recordedHooks: AlertsRecordedHook[] = [];
  /** Totals since start, for /health. */
  readonly counters = { ticks: 0, evaluated: 0, created: 0, resolved: 0, recomputed: 0, fullScans: 0, errors: 0 };

  constructor(private readonly opts: AlertSchedulerOptions) {
    const { engine } = opts;
    this.source = new AlertSource(engine.sqlite, engine.tables, opts);
    this.predict = opts.predict ?? null;
    this.recompute = new DeadlineRecompute(engine.sqlite, engine, this.source, opts.clock);
    this.recompute.init();
  }

  /** Subscribes to changes, runs the start-up pass (recompute + full scan) and arms the timer. */
  start(): TickResult {
    if (this.running) return { evaluated: 0, created: 0, resolved: 0, recomputed: 0 };
    this.running = true;
    this.unsubscribe = this.opts.engine.onChanges((rows) => this.onChanges(rows));
    return this.tick();
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) this.timers().clear(this.timer);
    this.timer = null;
  }

  /**
   * Does everything that is due at clock(): config recompute, changed orders, orders whose
   * moment came, and the full scan when its period is up. Tests call it after moving the clock.
   */
  tick(): TickResult {
    const now = this.opts.clock();
    const result: TickResult = { evaluated: 0, created: 0, resolved: 0, recomputed: 0 };
    try {
      if (this.configDirty) {
        this.configDirty = false;
        const r = this.recompute.run();
        result.recomputed = r.orderIds.length;
        for (const id of r.orderIds) this.dirty.add(id);
        // Policies or calendars changed: every open order's moments may have moved.
        if (r.configChanges > 0) this.nextFullScanAt = now;
      }
      let ids: string[];
      if (now >= this.nextFullScanAt) {
        ids = this.source.scanOrderIds();
        this.due.clear();
        this.dirty.clear();
        this.nextFullScanAt = now + (this.opts.fullScanIntervalMs ?? 5 * 60_000);
        this.counters.fullScans++;
      } else {
        ids = [...new Set([...this.dirty, ...this.due.popDue(now)])];
        this.dirty.clear();
      }
      for (let i = 0; i < ids.length; i += BATCH) this.evaluate(ids.slice(i, i + BATCH), now, result);
      if (this.shiftDirty || now >= this.nextShiftCheckAt) this.checkShiftStarts(now, result);
    } catch (e) {
      this.counters.errors++;
      this.opts.logger.error({ err: e }, 'alert tick failed');
    }
    this.counters.ticks++;
    this.counters.evaluated += result.evaluated;
    this.counters.created += result.created;
    this.counters.resolved += result.resolved;
    this.counters.recomputed += result.recomputed;
    this.arm();
    return result;
  }

  /**
   * Predicted arrivals come from the messages module, attached after the alerts: from now on
   * assigned orders are predicted, and looked at again every minute while their deadline stands.
   */
  /**
   * Called inside the transaction that records new alerts (with them), so what it writes (the
   * staff notices, server/messages/staff-notify.ts) commits with the alerts or not at all.
   */
  onRecorded(hook: AlertsRecordedHook): void {
    this.recordedHooks.push(hook);
  }

  usePredictions(predict: ArrivalPredictor): void {
    this.predict = predict;
    this.requestFullScan();
  }

  /** Forces a full scan on the next tick. */
  requestFullScan(): void {
    this.nextFullScanAt = 0;
  }

  /** When the next tick would find something due (tests and /health). */
  nextDueAt(): number | null {
    return this.due.peek();
  }

  private evaluate(ids: readonly string[], now: number, result: TickResult): void {
    const policies = this.source.policies();
    const reminders = this.opts.reminders;
    const writes: AlertRow[] = [];
    const created: AlertRow[] = [];
    const orders = this.source.ordersByIds(ids);
    const alertsByOrder = this.source.alertsOfOrders(ids);
    for (const id of ids) {
      const row = orders.get(id);
      const recorded = alertsByOrder.get(id) ?? [];
      if (row === undefined) {
        // Deleted: its unresolved alerts are closed as finished.
        const plan = planAlerts(null, recorded, now, { policies, calendar: this.source.calendar('') }, () => NO_PEOPLE);
        writes.push(...plan.resolve);
        result.resolved += plan.resolve.length;
        this.due.set(id, null);
        continue;
      }
      const base = this.source.alertOrder(row);
      const order = this.predict !== null && row.driverId !== null && PREDICTED_STATUSES.has(row.status) ? { ...base, predictedAt: this.predict(row, now) } : base;
      const env: AlertEnv = { policies, calendar: this.source.calendar(row.regionId), ...(reminders ? { reminders } : {}) };
      const plan = planAlerts(order, recorded, now, env, () => this.source.peopleFor(row));
      writes.push(...plan.create, ...plan.resolve);
      created.push(...plan.create);
      result.created += plan.create.length;
      result.resolved += plan.resolve.length;
      // The carrier calls go on from the last recorded one: the recorded rows after this plan.
      const after = plan.create.length === 0 && plan.resolve.length === 0 ? recorded : mergeRows(recorded, [...plan.create, ...plan.resolve]);
      this.due.set(id, nextAlertCheckAt(order, now, env, after));
    }
    result.evaluated += ids.length;
    if (writes.length > 0) {
      this.opts.engine.writeRows((tx) => {
        for (const a of writes) tx.put('alerts', a);
        if (created.length > 0) for (const hook of this.recordedHooks) hook(tx, created, now);
      });
    }
  }

  /** Plans every warehouse's no_shift_start alert at `now` and notes when to look again. */
  private checkShiftStarts(now: number, result: TickResult): void {
    this.shiftDirty = false;
    let next = Number.POSITIVE_INFINITY;
    const writes: AlertRow[] = [];
    for (const w of this.source.warehouses()) {
      const cal = this.source.calendar(w.regionId);
      const recorded = this.source.warehouseAlerts(w.id, 'no_shift_start', localDayStart(cal, now));
      const plan = planShiftStartAlerts(w, this.source.driversOfWarehouse(w.id), recorded, now, cal);
      writes.push(...plan.create, ...plan.resolve);
      result.created += plan.create.length;
      result.resolved += plan.resolve.length;
      next = Math.min(next, nextShiftStartCheckAt(w, cal, now));
    }
    this.nextShiftCheckAt = next;
    if (writes.length > 0) {
      this.opts.engine.writeRows((tx) => {
        for (const a of writes) tx.put('alerts', a);
      });
    }
  }

  /** Called synchronously after every commit: only note what changed, work on the next tick. */
  private onChanges(rows: ChangeRow[]): void {
    let touched = false;
    for (const r of rows) {
      if (SHIFT_TABLES.has(r.table)) {
        this.shiftDirty = true;
        touched = true;
      }
      if (r.table === 'orders') {
        this.dirty.add(r.id);
        touched = true;
      } else if (CONFIG_TABLES.has(r.table)) {
        this.configDirty = true;
        touched = true;
      } else if (r.table === 'users') {
        touched = true; // a new supervisor: later alerts go to them; nothing to redo now
      }
    }
    if (touched && this.running) this.armSoon();
  }

  private armSoon(): void {
    if (this.timer !== null) this.timers().clear(this.timer);
    this.timer = this.timers().set(() => {
      this.timer = null;
      if (this.running) this.tick();
    }, 0);
  }

  private arm(): void {
    if (!this.running) return;
    if (this.timer !== null) this.timers().clear(this.timer);
    const now = this.opts.clock();
    const wake = Math.min(this.due.peek() ?? Number.POSITIVE_INFINITY, this.nextFullScanAt, this.nextShiftCheckAt);
    const sleep = Math.max(0, Math.min(wake - now, this.opts.maxSleepMs ?? 60_000));
    this.timer = this.timers().set(() => {
      this.timer = null;
      if (this.running) this.tick();
    }, sleep);
  }

  private timers(): SchedulerTimers {
    return this.opts.timers ?? realSchedulerTimers;
  }

}

/** `rows` with `updates` put over them by id. */
function mergeRows(rows: readonly AlertRow[], updates: readonly AlertRow[]): AlertRow[] {
  const byId = new Map(rows.map((a) => [a.id, a]));
  for (const a of updates) byId.set(a.id, a);
  return [...byId.values()];
}
