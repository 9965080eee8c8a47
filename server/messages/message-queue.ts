// Queueing customer and staff messages into the outbox (the synced `messages` table) inside
// the caller's transaction. Each row's id is derived from its cause, channel and recipient,
// so queueing the same thing twice (a retried mutation, two geofence hits, a restarted
// watcher) adds nothing: exactly-once starts here.
import { createHash } from 'node:crypto';
import type { MutatorTx } from '../../shared/mutators';
import { afterQuietHours, customerMessageGoes, effectiveSettings, MESSAGE_SETTINGS_ID } from '../../shared/messages/message-rules';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../../shared/messages/customer-words';
import { composeMessage, type TemplateValues } from '../../shared/messages/templates';
import type { MessageChannel, MessageLanguage, MessageTrigger } from '../../shared/messages/message-vocabulary';
import type { MessageRow, OrderRow } from '../../shared/schema';
import { prefsIdOf, smsNumber } from '../../shared/messages/customer-prefs';

export interface Recipient {
  channel: MessageChannel;
  to: string;
  name: string;
}

/** Channels the server has settings for: nothing is queued for the others. */
export type ConfiguredChannels = ReadonlySet<MessageChannel>;

export function messageId(cause: string, r: Pick<Recipient, 'channel' | 'to'>): string {
  // The recipient is hashed: ids show up in logs and gateway ids, phone numbers must not.
  const who = createHash('sha256').update(`${r.channel}\u0000${r.to}`).digest('base64url').slice(0, 16);
  return `msg:${cause}:${r.channel}:${who}`;
}

/** The order's customer and, for a VIP contract, the others it lists; by channel. */
export function customerRecipients(tx: MutatorTx, order: OrderRow): { recipients: Recipient[]; language: MessageLanguage; optOut: boolean } {
  const prefs = tx.get('customer_prefs', prefsIdOf(order));
  const customer = order.customerId === null ? undefined : tx.get('customers', order.customerId);
  const out: Recipient[] = [];
  const phone = smsNumber(order.customerPhone);
  if (phone !== null) out.push({ channel: 'sms', to: phone, name: order.customerName });
  if (order.customerEmail) out.push({ channel: 'email', to: order.customerEmail, name: order.customerName });
  if (prefs?.telegramChatId) out.push({ channel: 'telegram', to: prefs.telegramChatId, name: order.customerName });
  const vip = (customer?.vipNormMinutes ?? order.vipNormMinutes) !== null;
  if (vip && prefs !== undefined) {
    for (const extra of prefs.alsoNotify) {
      const p = extra.phone === undefined ? null : smsNumber(extra.phone);
      if (p !== null) out.push({ channel: 'sms', to: p, name: extra.name });
      if (extra.email !== undefined) out.push({ channel: 'email', to: extra.email, name: extra.name });
    }
  }
  return { recipients: out, language: prefs?.language ?? 'ru', optOut: prefs?.optOut === true };
}

export interface QueueRequest {
  /** What caused it, unique per occasion: an event id, `${orderId}:arriving`, ... */
  cause: string;
  trigger: MessageTrigger;
  order: OrderRow;
  values: (language: MessageLanguage) => TemplateValues;
  now: number;
  channels: ConfiguredChannels;
  /** A person asked for it (send the link again), rather than an occasion by itself. */
  requested?: boolean;
}

/** Queues the customer's messages for one occasion; returns the rows written. */
export function queueCustomerMessages(tx: MutatorTx, req: QueueRequest): MessageRow[] {
  const rule = tx.get('message_rules', req.trigger);
  const settings = effectiveSettings(tx.get('message_settings', MESSAGE_SETTINGS_ID));
  const { recipients, language, optOut } = customerRecipients(tx, req.order);
  const values = req.values(language);
  const written: MessageRow[] = [];
  for (const r of recipients) {
    const occasion = { trigger: req.trigger, serviceType: req.order.serviceType, channel: r.channel, requested: req.requested === true };
    if (!customerMessageGoes(occasion, rule, req.channels)) continue;
    const id = messageId(req.cause, r);
    if (tx.get('messages', id) !== undefined) continue;
    const { subject, body } = composeMessage(req.trigger, language, rule?.texts, values, r.channel === 'email');
    const row: MessageRow = {
      id,
      audience: 'customer',
      orderId: req.order.id,
      alertId: null,
      trigger: req.trigger,
      channel: r.channel,
      recipient: r.to,
      recipientName: r.name,
      language,
      subject,
      body,
      state: optOut ? 'suppressed' : 'queued',
      attempts: 0,
      nextAttemptAt: afterQuietHours(req.now, settings.quietStartMinute, settings.quietEndMinute, DEFAULT_UTC_OFFSET_MINUTES),
      lastError: optOut ? 'opted_out' : null,
      providerId: null,
      createdAt: req.now,
      sentAt: null,
      updatedAt: req.now,
    };
    tx.put('messages', row);
    written.push(row);
  }
  return written;
}
