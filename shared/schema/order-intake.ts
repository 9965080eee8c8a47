// Admin settings for taking orders in: which confirmation checklist items each service
// requires. A missing row means DEFAULT_REQUIRED_CHECKLIST (shared/domain/order-intake.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ChecklistItem } from '../domain/order-intake';
import { SERVICE_TYPES } from '../domain/vocabulary';

export const checklistPolicies = sqliteTable('checklist_policies', {
  /** The service type. */
  id: text('id', { enum: SERVICE_TYPES }).primaryKey(),
  /** JSON ChecklistItem[]: the items a confirmation must have ticked. */
  required: text('required', { mode: 'json' }).$type<ChecklistItem[]>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

export type ChecklistPolicyRow = typeof checklistPolicies.$inferSelect;
