// The rules as they apply: a stored row (admin-edited) or the shipped default, and quiet hours.
import type { MessageRuleRow, MessageSettingsRow } from '../schema';
import { CUSTOMER_TRIGGERS, type ChannelToggles, type MessageTrigger } from './message-vocabulary';

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
