// An admin's change to SLA policies, a region's calendar or a customer's VIP contract moves the
// deadlines of open orders. Mutators see single rows, so the server does it here: it follows
// the change log for those tables from a cursor kept in server_meta, and writes the new
// deadlines and the cursor in ONE transaction, so a crash in between redoes the work at
// start-up instead of losing it. Orders of a customer follow their new VIP contract.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { OPEN_STATUSES } from '../../shared/domain/order-status';
import { orderDeadline } from '../../shared/domain/order-intake';
import { formatLocalTime } from '../../shared/alerts/alert-templates';
import type { OrderEventRow, OrderRow } from '../../shared/schema';
import type { SyncEngine } from '../sync/sync-engine';
import type { AlertSource } from './alert-source';

export const CONFIG_CURSOR_KEY = 'alerts.config_seq';
const CONFIG_TABLES = ['sla_policies', 'regions', 'customers'] as const;
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export interface RecomputeResult {
  /** Config rows seen since the cursor. */
  configChanges: number;
  /** Orders whose deadline (or VIP norm) changed. */
  orderIds: string[];
}

export class DeadlineRecompute {
  private readonly stmts;
  private readonly eventPrefix = `sla-${randomUUID()}`;
  private eventSeq = 0;

  constructor(
    sqlite: Database.Database,
    private readonly engine: SyncEngine,
    private readonly source: AlertSource,
    private readonly clock: () => number,
  ) {
    this.stmts = {
      head: sqlite.prepare<[], { s: number | null }>('SELECT max(seq) AS s FROM change_log'),
      configChanges: sqlite.prepare<[number], { seq: number; tbl: string; rowId: string }>(
        `SELECT seq, tbl, row_id AS rowId FROM change_log WHERE seq > ? AND tbl IN (${CONFIG_TABLES.map((t) => `'${t}'`).join(', ')}) ORDER BY seq`,
      ),
      openOrders: sqlite.prepare<[number, string, string], Record<string, unknown>>(
        `SELECT * FROM orders WHERE status IN (${OPEN_SQL}) AND confirmed_at IS NOT NULL
           AND (? = 1 OR region_id IN (SELECT value FROM json_each(?)) OR customer_id IN (SELECT value FROM json_each(?)))`,
      ),
      customerVip: sqlite.prepare<[string], { v: number | null }>('SELECT vip_norm_minutes AS v FROM customers WHERE id = ?'),
    };
  }

  /** A database that never had a cursor starts at the head: seeding is not an admin's change. */
  init(): void {
    if (this.engine.meta.get(CONFIG_CURSOR_KEY) === undefined) {
      this.engine.meta.set(CONFIG_CURSOR_KEY, String(this.stmts.head.get()?.s ?? 0));
    }
  }

  run(): RecomputeResult {
    const cursor = Number(this.engine.meta.get(CONFIG_CURSOR_KEY) ?? 0);
    const changes = this.stmts.configChanges.all(cursor);
    if (changes.length === 0) return { configChanges: 0, orderIds: [] };
    this.source.invalidateConfig();
    const everything = changes.some((c) => c.tbl === 'sla_policies');
    const regions = changes.filter((c) => c.tbl === 'regions').map((c) => c.rowId);
    const customers = new Set(changes.filter((c) => c.tbl === 'customers').map((c) => c.rowId));
    const records = this.stmts.openOrders.all(everything ? 1 : 0, JSON.stringify(regions), JSON.stringify([...customers]));
    const now = this.clock();
    const policies = this.source.policies();
    const updates: Array<{ order: OrderRow; event: OrderEventRow }> = [];
    for (const record of records) {
      const order = this.engine.tables.orders.codec.fromRecord(record) as OrderRow;
      const customerVip = order.customerId === null ? null : (this.stmts.customerVip.get(order.customerId)?.v ?? null);
      // A changed contract applies to the customer's open orders (they copied the old norm).
      const vipNormMinutes = order.customerId !== null && customers.has(order.customerId) ? customerVip : order.vipNormMinutes;
      const calendar = this.source.calendar(order.regionId);
      // A chosen delivery window stays the promise whatever the norms say (orderDeadline).
      const deadline = orderDeadline(
        { serviceType: order.serviceType, vipNormMinutes, customerVipNormMinutes: customerVip, confirmedAt: order.confirmedAt, windowEnd: order.windowEnd },
        policies,
        calendar,
      );
      if (deadline === order.slaDeadline && vipNormMinutes === order.vipNormMinutes) continue;
      const fmt = (ms: number | null): string => (ms === null ? '—' : formatLocalTime(ms, calendar.utcOffsetMinutes).en);
      updates.push({
        order: { ...order, slaDeadline: deadline, vipNormMinutes, version: order.version + 1, updatedAt: now },
        event: {
          id: `${this.eventPrefix}:${this.eventSeq++}`,
          orderId: order.id,
          kind: 'edit',
          at: now,
          fromStatus: null,
          toStatus: null,
          subMark: null,
          actor: 'system',
          actorId: 'sla-rules',
          actorName: 'SLA rules',
          source: 'system',
          reason: 'sla_rules_changed',
          comment: `SLA deadline recomputed after an SLA rules change: ${fmt(order.slaDeadline)} -> ${fmt(deadline)}`,
          driverId: null,
          changes: [{ field: 'slaDeadline', old: order.slaDeadline, new: deadline }],
          handover: null,
        },
      });
    }
    const last = changes[changes.length - 1] as { seq: number };
    this.engine.writeRows((tx) => {
      for (const u of updates) {
        tx.put('orders', u.order);
        tx.put('order_events', u.event);
      }
      this.engine.meta.set(CONFIG_CURSOR_KEY, String(last.seq));
    });
    return { configChanges: changes.length, orderIds: updates.map((u) => u.order.id) };
  }
}
