// Customer communication: learned speeds (for predicted arrivals), tracking links, message
// rules and settings (admin-edited), customers' and staff's contact preferences, and the
// message outbox itself. All synced: desktops show predictions, links, the outbox's progress
// and the settings editor; only the server writes speeds, links and the outbox.
import { integer, index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AlertKind } from '../alerts/alert-vocabulary';
import {
  MESSAGE_AUDIENCES,
  MESSAGE_CHANNELS,
  MESSAGE_LANGUAGES,
  MESSAGE_STATES,
  MESSAGE_TRIGGERS,
  STAFF_NOTIFY_CHANNELS,
  type ChannelToggles,
  type ExtraRecipient,
  type LocalizedTexts,
  type ServiceToggles,
} from '../messages/message-vocabulary';

/** Approach speed per city and local hour, learned by the server from GPS tracks (shared/eta). */
export const speedProfiles = sqliteTable('speed_profiles', {
  /** `${city}|${hour}`. */
  id: text('id').primaryKey(),
  city: text('city').notNull(),
  hour: integer('hour').notNull(),
  kmh: real('kmh').notNull(),
  /** Seconds of driving the figure rests on. */
  seconds: integer('seconds').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One unguessable public tracking link per order (id = order id). */
export const trackingLinks = sqliteTable('tracking_links', {
  id: text('id').primaryKey(),
  token: text('token').notNull().unique(),
  url: text('url').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The page answers 410 after this; set when the order finishes (delivered + N days). */
  expiresAt: integer('expires_at'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Per trigger: on or off per channel, on or off per service type (customer triggers), and texts
 * that replace the shipped ones (per language).
 */
export const messageRules = sqliteTable('message_rules', {
  /** The trigger (MESSAGE_TRIGGERS). */
  id: text('id', { enum: MESSAGE_TRIGGERS }).primaryKey(),
  channels: text('channels', { mode: 'json' }).$type<ChannelToggles>().notNull(),
  /** Whether the trigger is sent for each service type; a service left out is on. */
  services: text('services', { mode: 'json' }).$type<ServiceToggles>().notNull().default({}),
  texts: text('texts', { mode: 'json' }).$type<LocalizedTexts>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/** One row, id 'customer': quiet hours and timings for customer messages. */
export const messageSettings = sqliteTable('message_settings', {
  id: text('id').primaryKey(),
  /** Local minutes after midnight; start == end means no quiet hours. */
  quietStartMinute: integer('quiet_start_minute').notNull(),
  quietEndMinute: integer('quiet_end_minute').notNull(),
  /** "Arriving" when the driver is predicted within this many minutes. */
  arrivingMinutes: integer('arriving_minutes').notNull(),
  /** Tracking links expire this many days after the order finishes. */
  linkDays: integer('link_days').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/** A customer's choices (id = customer id): language, opt-out, Telegram chat, VIP's others to tell. */
export const customerPrefs = sqliteTable('customer_prefs', {
  id: text('id').primaryKey(),
  language: text('language', { enum: MESSAGE_LANGUAGES }).notNull().default('ru'),
  optOut: integer('opt_out', { mode: 'boolean' }).notNull().default(false),
  /** Set when the customer starts the bot from their tracking link. */
  telegramChatId: text('telegram_chat_id'),
  alsoNotify: text('also_notify', { mode: 'json' }).$type<ExtraRecipient[]>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * How a staff member (id = user id) wants their alerts outside the app: which alert kinds, by
 * Telegram, e-mail or both, with quiet hours (a notice due inside them is skipped and recorded
 * as skipped: an alert is about now, it is not sent hours later).
 */
export const staffNotifyPrefs = sqliteTable('staff_notify_prefs', {
  id: text('id').primaryKey(),
  channel: text('channel', { enum: STAFF_NOTIFY_CHANNELS }).notNull(),
  /** The alert kinds to be told of (ALERT_KINDS); none = nothing is sent. */
  kinds: text('kinds', { mode: 'json' }).$type<AlertKind[]>().notNull().default([]),
  telegramChatId: text('telegram_chat_id'),
  email: text('email'),
  language: text('language', { enum: ['ru', 'en'] }).notNull().default('ru'),
  quietStartMinute: integer('quiet_start_minute').notNull().default(0),
  quietEndMinute: integer('quiet_end_minute').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * The outbox: one row per message to one recipient over one channel. Its id is derived from
 * what caused it (order or alert, trigger, channel, recipient), so queueing twice is a no-op;
 * it is written in the same transaction as the cause. Only the server's sender moves it on.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    audience: text('audience', { enum: MESSAGE_AUDIENCES }).notNull(),
    orderId: text('order_id'),
    alertId: text('alert_id'),
    trigger: text('trigger', { enum: MESSAGE_TRIGGERS }).notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    /** Phone, e-mail address or Telegram chat id. */
    recipient: text('recipient').notNull(),
    recipientName: text('recipient_name').notNull().default(''),
    language: text('language', { enum: MESSAGE_LANGUAGES }).notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    state: text('state', { enum: MESSAGE_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** The gateway's id for the sent message, when it gives one. */
    providerId: text('provider_id'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('messages_due_idx').on(t.state, t.nextAttemptAt), index('messages_order_idx').on(t.orderId), index('messages_alert_idx').on(t.alertId)],
);

/**
 * One row, id 'company': the supervisors' daily summary by e-mail (server/reports/daily-summary.ts).
 * Off until an admin turns it on; sent at `sendMinute` of the company's clock (the reports' day),
 * to the chosen supervisors and admins at the e-mail of their own notification settings.
 */
export const dailySummarySettings = sqliteTable('daily_summary_settings', {
  id: text('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  /** Minutes after local midnight (0-1439). */
  sendMinute: integer('send_minute').notNull(),
  /** User ids (supervisors and admins), each once. */
  recipientIds: text('recipient_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

export type SpeedProfileRow = typeof speedProfiles.$inferSelect;
export type TrackingLinkRow = typeof trackingLinks.$inferSelect;
export type MessageRuleRow = typeof messageRules.$inferSelect;
export type MessageSettingsRow = typeof messageSettings.$inferSelect;
export type CustomerPrefsRow = typeof customerPrefs.$inferSelect;
export type StaffNotifyPrefsRow = typeof staffNotifyPrefs.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type DailySummarySettingsRow = typeof dailySummarySettings.$inferSelect;
