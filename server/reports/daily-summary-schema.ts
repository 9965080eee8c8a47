// Server-only outbox of the supervisors' daily summary (daily-summary.ts). One row per day and
// recipient, id `daily-summary:YYYY-MM-DD:<userId>`: the row is written (INSERT OR IGNORE) before
// anything is sent, so a restart, a second tick or a second process finds it and never composes
// or sends that day's summary to that person again. Not synced: the company's figures go to the
// people chosen for them, not into every desktop's replica.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * queued → sending → sent; a refused or expired attempt → failed; an attempt cut off by a
 * restart or lost after DATA → unknown (never resent: the person may have it); a recipient
 * without an e-mail address → skipped (written so it is counted once, not every tick).
 */
export const DAILY_SUMMARY_STATES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const;
export type DailySummaryState = (typeof DAILY_SUMMARY_STATES)[number];

export const dailySummaryOutbox = sqliteTable(
  'daily_summary_outbox',
  {
    id: text('id').primaryKey(),
    /** The company day the figures are for (YYYY-MM-DD). */
    day: text('day').notNull(),
    userId: text('user_id').notNull(),
    email: text('email'),
    language: text('language', { enum: ['ru', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    state: text('state', { enum: DAILY_SUMMARY_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('daily_summary_outbox_due_idx').on(t.state, t.nextAttemptAt)],
);
export type DailySummaryOutboxRow = typeof dailySummaryOutbox.$inferSelect;
