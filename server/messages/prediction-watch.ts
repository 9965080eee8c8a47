// Messages caused by a prediction rather than a change: "arriving" when the driver is
// predicted within N minutes, and "delay" when the predicted arrival falls after the deadline
// while the deadline has not passed yet (so the customer hears before it does). Each is
// queued once (per order; per order and deadline for delays) in its own transaction.
import type { Logger } from '../../platform/log/logger';
import type Database from 'better-sqlite3';
import { arrivalRisk, type PredictedArrival } from '../../shared/eta';
import { effectiveSettings, MESSAGE_SETTINGS_ID } from '../../shared/messages/message-rules';
import type { MessageSettingsRow, OrderRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import { queueForOccasion, type TriggerDeps } from './message-triggers';

export class PredictionWatch {
  private readonly open: Database.Statement<[], Record<string, unknown>>;
  private timer: NodeJS.Timeout | null = null;
  counters = { rounds: 0, arriving: 0, delay: 0 };

  constructor(
    sqlite: Database.Database,
    private readonly engine: SyncEngine,
    private readonly deps: TriggerDeps,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {
    this.open = sqlite.prepare("SELECT * FROM orders WHERE driver_id IS NOT NULL AND status IN ('at_warehouse', 'in_transit')");
  }

  start(intervalMs = 30_000): void {
    this.timer = setInterval(() => {
      try {
        this.runOnce();
      } catch (e) {
        this.log.error({ err: e }, 'prediction watch failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  runOnce(): void {
    const now = this.clock();
    this.counters.rounds++;
    const settingsRecord = this.engine.tables.message_settings.getById.get(MESSAGE_SETTINGS_ID);
    const settings = effectiveSettings(settingsRecord === undefined ? undefined : (this.engine.tables.message_settings.codec.fromRecord(settingsRecord) as MessageSettingsRow));
    for (const r of this.open.all()) {
      const order = this.engine.tables.orders.codec.fromRecord(r) as OrderRow;
      const p: PredictedArrival | null = this.deps.predict(order, now);
      if (p === null) continue;
      if (order.status === 'in_transit' && p.at - now <= settings.arrivingMinutes * 60_000) {
        if (this.queue(order, 'arriving', `${order.id}:arriving`, now)) this.counters.arriving++;
      }
      if (order.slaDeadline !== null && now < order.slaDeadline && arrivalRisk(p.at, order.slaDeadline, 0) === 'late') {
        if (this.queue(order, 'delay', `${order.id}:delay:${order.slaDeadline}`, now)) this.counters.delay++;
      }
    }
  }

  private queue(order: OrderRow, trigger: 'arriving' | 'delay', cause: string, now: number): boolean {
    let n = 0;
    this.engine.writeRows((tx) => {
      n = queueForOccasion(tx, this.deps, order, trigger, cause, now);
    });
    return n > 0;
  }
}
