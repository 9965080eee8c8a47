// SLA alerts and processing reminders, recorded by the server's scheduler (server/alerts) and
// synced to every desktop, which marks them acknowledged (mutation acknowledgeAlert).
// An alert is about an order (orderId set) or, for the warehouse kinds, about a warehouse
// (warehouseId set, orderId and orderNumber null). Its identity is (orderId | warehouseId,
// kind, dueAt): its id is derived from them (alertId in shared/alerts/decide-alerts.ts,
// warehouseAlertId in shared/alerts/shift-start-alert.ts) and the unique indexes make
// "recorded once" a database fact (SQLite's NULLs are distinct, so each index binds one sort).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_AUDIENCES, ALERT_KINDS, ALERT_RESOLUTIONS, ALERT_STATES, type AlertTask } from '../alerts/alert-vocabulary';

export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    /** null for a warehouse alert. */
    orderId: text('order_id'),
    /** Denormalised: lists and integrations show the number people know. null for a warehouse alert. */
    orderNumber: text('order_number'),
    /** The warehouse a warehouse alert (no_shift_start) is about; null for order alerts. */
    warehouseId: text('warehouse_id'),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    /** The SLA deadline (SLA kinds) or the reminder's threshold (reminders) this alert is about. */
    dueAt: integer('due_at').notNull(),
    /** When the threshold was crossed (warnAt, criticalAt, deadline + 1, reminder due + 1). */
    triggeredAt: integer('triggered_at').notNull(),
    /** When the server recorded it: later than triggeredAt when the server was down. */
    createdAt: integer('created_at').notNull(),
    audience: text('audience', { enum: ALERT_AUDIENCES }).notNull(),
    /** The user it is addressed to (the order's dispatcher or the supervisor); null = whoever is on duty. */
    assigneeId: text('assignee_id'),
    /** Breach: the order belongs in the priority queue until the alert is resolved. */
    priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
    customerName: text('customer_name').notNull().default(''),
    messageRu: text('message_ru').notNull(),
    messageEn: text('message_en').notNull(),
    /** JSON: AlertTask[] (call / SMS / e-mail the customer, the supervisor's task...). */
    tasks: text('tasks', { mode: 'json' }).$type<AlertTask[]>().notNull(),
    state: text('state', { enum: ALERT_STATES }).notNull(),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedByName: text('acknowledged_by_name'),
    resolvedAt: integer('resolved_at'),
    resolution: text('resolution', { enum: ALERT_RESOLUTIONS }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('alerts_identity_idx').on(t.orderId, t.kind, t.dueAt),
    uniqueIndex('alerts_warehouse_identity_idx').on(t.warehouseId, t.kind, t.dueAt),
    index('alerts_state_idx').on(t.state, t.triggeredAt),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;
