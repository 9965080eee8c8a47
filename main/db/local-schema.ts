// Tables only the desktop replica has: its sync bookkeeping, the outbox of mutations the
// server has not acknowledged yet, and the conflicts the server rejected. Never synced.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Keys the sync client keeps in `replica_meta`; values are text (numbers as decimal strings). */
export const REPLICA_META_KEYS = ['clientId', 'nextMid', 'cursor', 'epoch', 'schemaVersion'] as const;
export type ReplicaMetaKey = (typeof REPLICA_META_KEYS)[number];

export const replicaMeta = sqliteTable('replica_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Mutations applied locally and waiting for the server; `mid` grows per client and is never reused. */
export const outbox = sqliteTable('outbox', {
  mid: integer('mid').primaryKey(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).$type<unknown>().notNull(),
  createdAt: integer('created_at').notNull(),
  actorId: text('actor_id'),
});

/** Mutations the server refused, kept so the user sees why their change did not stick. */
export const conflicts = sqliteTable('conflicts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mid: integer('mid').notNull(),
  name: text('name').notNull(),
  args: text('args', { mode: 'json' }).$type<unknown>().notNull(),
  code: text('code').notNull(),
  message: text('message').notNull(),
  /** The refused field the server named (details.field: "windowEnd", "kinds.2"), if it named one. */
  field: text('field'),
  at: integer('at').notNull(),
  acknowledged: integer('acknowledged', { mode: 'boolean' }).notNull().default(false),
});

export type ReplicaMetaRow = typeof replicaMeta.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type ConflictRow = typeof conflicts.$inferSelect;
