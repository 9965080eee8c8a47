// The rules as they apply: a stored row (admin-edited) or the shipped default, and quiet hours.
import { SERVICE_TYPES, type ServiceType } from '../domain/vocabulary';
import type { MessageRuleRow, MessageSettingsRow } from '../schema';
import { CUSTOMER_TRIGGERS, type ChannelToggles, type MessageChannel, type MessageTrigger, type ServiceToggles } from './message-vocabulary';

export interface EffectiveSettings {
  quietStartMinute: number;
  quietEndMinute: number;
  arrivingMinutes: number;
  linkDays: number;
}

/** 22:00-08:00 quiet, "arriving" 15 minutes ahead, links live 7 days after the order finishes. */
export const DEFAULT_MESSAGE_SETTINGS: EffectiveSettings = { quietStartMinute: 22 * 60, quietEndMinute: 8 * 60, arrivingMinutes: 15, linkDays: 7 };
export const MESSAGE_SETTINGS_ID = 'customer';

const ALL_ON: ChannelToggles = { sms: true, email: true, telegram: true };

export function effectiveSettings(row: MessageSettingsRow | undefined): EffectiveSettings {
  if (row === undefined) return DEFAULT_MESSAGE_SETTINGS;
  return { quietStartMinute: row.quietStartMinute, quietEndMinute: row.quietEndMinute, arrivingMinutes: row.arrivingMinutes, linkDays: row.linkDays };
}

/** Channels a trigger goes out on: the admin's row, else every channel for customer triggers. */
export function effectiveChannels(trigger: MessageTrigger, row: MessageRuleRow | undefined): ChannelToggles {
  if (row !== undefined) return { sms: row.channels.sms === true, email: row.channels.email === true, telegram: row.channels.telegram === true };
  return (CUSTOMER_TRIGGERS as readonly string[]).includes(trigger) ? ALL_ON : { sms: false, email: true, telegram: true };
}

/** Whether a trigger is sent for orders of each service type: a service the row leaves out is on. */
export function effectiveServices(row: Pick<MessageRuleRow, 'services'> | undefined): Record<ServiceType, boolean> {
  const stored: ServiceToggles = row?.services ?? {};
  const out = {} as Record<ServiceType, boolean>;
  for (const s of SERVICE_TYPES) out[s] = !Object.hasOwn(stored, s) || stored[s] !== false;
  return out;
}

export interface MessageOccasion {
  trigger: MessageTrigger;
  /** The order's service type (orders.serviceType). */
  serviceType: ServiceType;
  channel: MessageChannel;
  /**
   * A person asked for this message (a dispatcher's "send the link again"): the service switch
   * is about what goes out by itself, so it does not hold back an explicit request.
   */
  requested: boolean;
}

/**
 * THE decision whether a customer message goes out: the trigger is on for the order's service
 * type, its rule has the channel on, and the server has settings for that channel. Every queue
 * path asks this and nothing else (server/messages/message-queue.ts).
 */
export function customerMessageGoes(o: MessageOccasion, rule: MessageRuleRow | undefined, configured: ReadonlySet<MessageChannel>): boolean {
  if (!configured.has(o.channel)) return false;
  if (!effectiveChannels(o.trigger, rule)[o.channel]) return false;
  return o.requested || effectiveServices(rule)[o.serviceType] === true;
}

/**
 * When a message due at `at` may go out: `at` itself outside quiet hours, else the end of
 * them (local time at `utcOffsetMinutes`). Quiet hours may wrap midnight (22:00-08:00).
 */
export function afterQuietHours(at: number, quietStartMinute: number, quietEndMinute: number, utcOffsetMinutes: number): number {
  if (quietStartMinute === quietEndMinute) return at;
  const local = at + utcOffsetMinutes * 60_000;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const minute = Math.floor((local - dayStart) / 60_000);
  const wraps = quietStartMinute > quietEndMinute;
  const inside = wraps ? minute >= quietStartMinute || minute < quietEndMinute : minute >= quietStartMinute && minute < quietEndMinute;
  if (!inside) return at;
  let endLocal = dayStart + quietEndMinute * 60_000;
  if (endLocal <= local) endLocal += 86_400_000;
  return endLocal - utcOffsetMinutes * 60_000;
}
