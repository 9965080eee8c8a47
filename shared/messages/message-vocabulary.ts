// The words of messages to customers and staff: triggers, channels, languages, delivery states.
// Free of drizzle so the schema, the server, main and the renderer share the same lists.
import type { ServiceType } from '../domain/vocabulary';

/** What happened that the customer hears about. */
export const CUSTOMER_TRIGGERS = ['confirmed', 'in_transit', 'arriving', 'delivered', 'problem', 'delay'] as const;
export type CustomerTrigger = (typeof CUSTOMER_TRIGGERS)[number];

/** What staff hear about: the alert kinds (shared/alerts/alert-vocabulary.ts), order and warehouse ones. */
export const STAFF_TRIGGERS = ['sla_warning', 'sla_critical', 'sla_breach', 'not_taken', 'not_picked', 'predicted_late', 'carrier_loading', 'carrier_call', 'no_shift_start'] as const;
export type StaffTrigger = (typeof STAFF_TRIGGERS)[number];

/** How a staff member hears of their alerts outside the app. */
export const STAFF_NOTIFY_CHANNELS = ['telegram', 'email', 'both', 'none'] as const;
export type StaffNotifyChannel = (typeof STAFF_NOTIFY_CHANNELS)[number];

export const MESSAGE_TRIGGERS = [...CUSTOMER_TRIGGERS, ...STAFF_TRIGGERS] as const;
export type MessageTrigger = (typeof MESSAGE_TRIGGERS)[number];

export const MESSAGE_CHANNELS = ['sms', 'email', 'telegram'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Customers read Russian, Kazakh or English; staff Russian or English. */
export const MESSAGE_LANGUAGES = ['ru', 'kk', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * queued: waiting for its next attempt (nextAttemptAt); sending: an attempt is under way;
 * sent: the gateway took it; failed: gave up after the last retry or a permanent refusal;
 * unknown: the server stopped during an attempt, so it may or may not have gone: never resent
 * (a customer must not get it twice); suppressed: not sent on purpose (opt-out, turned off).
 */
export const MESSAGE_STATES = ['queued', 'sending', 'sent', 'failed', 'unknown', 'suppressed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const MESSAGE_AUDIENCES = ['customer', 'staff'] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export type ChannelToggles = Record<MessageChannel, boolean>;

/**
 * Per service type (SERVICE_TYPES, the ones the SLA rules use): whether a customer trigger is
 * sent for orders of that service. A service missing from a stored map is on (the shipped
 * default), so a service type added later starts on.
 */
export type ServiceToggles = Partial<Record<ServiceType, boolean>>;
export type LocalizedTexts = Partial<Record<MessageLanguage, string>>;

/** Someone else a VIP contract says is told too (a shop's manager, the recipient). */
export interface ExtraRecipient {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

/** The timeline reason when the customer opts out themselves (actorId: how, OPT_OUT_WAYS). */
export const OPTED_OUT_REASON = 'customer_opted_out';
/** The tracking page's button, or a mail program's one-click unsubscribe (RFC 8058). */
export const OPT_OUT_WAYS = ['tracking_page', 'email_one_click'] as const;
export type OptOutWay = (typeof OPT_OUT_WAYS)[number];

/** The timeline reason of a "send the tracking link again" request (sendTrackingLink). */
export const LINK_REQUESTED_REASON = 'link_requested';
