// Admin-editable SLA policies, one row per policy key (express, standard, intercity, vip).
// A missing row means the shipped default (DEFAULT_SLA_POLICIES): read them through
// slaPoliciesFromRows (shared/alerts/sla-policy-rows.ts). VIP contracts live on customers
// (customers.vipNormMinutes) and working calendars on regions (./fleet.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SLA_POLICY_KEYS, SLA_TIME_BASES, type SlaBreachAction } from '../domain/sla-policy';

export const slaPolicies = sqliteTable('sla_policies', {
  /** The policy key: a service type or 'vip'. */
  id: text('id', { enum: SLA_POLICY_KEYS }).primaryKey(),
  /** Null for vip (the norm comes from the customer's contract). */
  normMinutes: integer('norm_minutes'),
  warnBeforeMinutes: integer('warn_before_minutes').notNull(),
  supervisorWarnBeforeMinutes: integer('supervisor_warn_before_minutes').notNull(),
  timeBasis: text('time_basis', { enum: [...SLA_TIME_BASES, 'inherit'] }).notNull(),
  /** JSON: SlaBreachAction[]. */
  breachActions: text('breach_actions', { mode: 'json' }).$type<SlaBreachAction[]>().notNull(),
  /** Call a carrier in transit every N minutes (issue 16); null = no calls. */
  carrierCallMinutes: integer('carrier_call_minutes'),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
