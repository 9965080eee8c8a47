// What people change about messages: an admin's rules, texts and quiet hours; a customer's
// language, opt-out and the others a VIP contract tells; a user's own notification channel; and
// a dispatcher's "send the tracking link again" (a timeline event the server answers by
// queueing the link message). Texts are checked here, on both sides, before anything is stored.
import { z } from 'zod';
import { isOpenStatus } from '../domain/order-status';
import { reject } from '../mutators/mutator-tx';
import { defineMutator, DESK } from '../mutators/define-mutator';
import { SERVICE_TYPES, type ServiceType } from '../domain/vocabulary';
import { effectiveChannels, effectiveServices, MESSAGE_SETTINGS_ID } from './message-rules';
import { mayReceiveAlertKind } from '../alerts/alert-recipient';
import { ALERT_KINDS } from '../alerts/alert-vocabulary';
import { CUSTOMER_TRIGGERS, LINK_REQUESTED_REASON, MESSAGE_LANGUAGES, MESSAGE_TRIGGERS, STAFF_NOTIFY_CHANNELS } from './message-vocabulary';
import { checkTemplate } from './templates';
import { messageEvent } from './message-event';
import { smsNumber } from './customer-prefs';

const ADMIN = ['admin'] as const;
const text = z.string().max(2000);
const minuteOfDay = z.number().int().min(0).max(1439);

export const updateMessageRule = defineMutator({
  args: z
    .object({
      trigger: z.enum(MESSAGE_TRIGGERS),
      channels: z.object({ sms: z.boolean(), email: z.boolean(), telegram: z.boolean() }).strict(),
      texts: z.object({ ru: text.optional(), kk: text.optional(), en: text.optional() }).strict(),
    })
    .strict(),
  actors: ADMIN,
  label: 'edit customer messages',
  run(tx, args, ctx) {
    for (const lang of MESSAGE_LANGUAGES) {
      const t = args.texts[lang];
      if (t === undefined) continue;
      const problems = checkTemplate(t);
      if (problems.length > 0) reject('bad_template', `The ${lang} text: ${problems.join('; ')}`, { field: `texts.${lang}`, problems });
    }
    const texts: Partial<Record<(typeof MESSAGE_LANGUAGES)[number], string>> = {};
    for (const lang of MESSAGE_LANGUAGES) {
      const t = args.texts[lang]?.trim();
      if (t !== undefined && t !== '') texts[lang] = t;
    }
    // The service switches are their own edit (setMessageServices): kept as they are.
    const services = tx.get('message_rules', args.trigger)?.services ?? {};
    tx.put('message_rules', { id: args.trigger, channels: args.channels, services, texts, updatedBy: ctx.actor.id, updatedAt: ctx.now });
  },
});

/** One switch per service type; strict, so `__proto__` or a service the company lacks is refused by name. */
const serviceSwitches = z.object(Object.fromEntries(SERVICE_TYPES.map((s) => [s, z.boolean().optional()])) as Record<ServiceType, z.ZodOptional<z.ZodBoolean>>).strict();

/**
 * Turns a customer trigger on or off per service type (the matrix on the admin's screen). Only
 * the services given change; the trigger's channels and texts stay as they are.
 */
export const setMessageServices = defineMutator({
  args: z.object({ trigger: z.enum(CUSTOMER_TRIGGERS), services: serviceSwitches }).strict(),
  actors: ADMIN,
  label: 'edit customer messages',
  run(tx, args, ctx) {
    const given = SERVICE_TYPES.filter((s) => args.services[s] !== undefined);
    if (given.length === 0) reject('bad_args', 'Name at least one service type to turn on or off', { field: 'services' });
    const old = tx.get('message_rules', args.trigger);
    const services = effectiveServices(old);
    for (const s of given) services[s] = args.services[s] === true;
    tx.put('message_rules', {
      id: args.trigger,
      channels: effectiveChannels(args.trigger, old),
      services,
      texts: old?.texts ?? {},
      updatedBy: ctx.actor.id,
      updatedAt: ctx.now,
    });
  },
});

export const updateMessageSettings = defineMutator({
  args: z
    .object({
      quietStartMinute: minuteOfDay,
      quietEndMinute: minuteOfDay,
      arrivingMinutes: z.number().int().min(1).max(180),
      linkDays: z.number().int().min(1).max(90),
    })
    .strict(),
  actors: ADMIN,
  label: 'edit customer messages',
  run(tx, args, ctx) {
    tx.put('message_settings', { id: MESSAGE_SETTINGS_ID, ...args, updatedBy: ctx.actor.id, updatedAt: ctx.now });
  },
});

const extraRecipient = z
  .object({
    name: z.string().trim().min(1).max(200),
    // The queue's own rule: a number it would drop is refused here, where someone can fix it.
    phone: z.string().max(40).refine((p) => smsNumber(p) !== null, { message: 'not a phone number an SMS can go to' }).optional(),
    email: z.email().max(320).optional(),
  })
  .strict()
  .refine((r) => r.phone !== undefined || r.email !== undefined, { message: 'give a phone or an e-mail' });

export const setCustomerMessagePrefs = defineMutator({
  args: z
    .object({
      customerId: z.string().min(1).max(200),
      language: z.enum(MESSAGE_LANGUAGES),
      optOut: z.boolean(),
      alsoNotify: z.array(extraRecipient).max(10).default([]),
    })
    .strict(),
  actors: DESK,
  label: "change a customer's message settings",
  run(tx, args, ctx) {
    const customer = tx.get('customers', args.customerId);
    if (customer === undefined) reject('not_found', `No customer ${args.customerId}`, { field: 'customerId' });
    if (args.alsoNotify.length > 0 && customer.vipNormMinutes === null) {
      reject('not_vip', `${customer.name} has no VIP contract: only a VIP contract lists others to tell`, { field: 'alsoNotify' });
    }
    const old = tx.get('customer_prefs', args.customerId);
    tx.put('customer_prefs', {
      id: args.customerId,
      language: args.language,
      optOut: args.optOut,
      telegramChatId: old?.telegramChatId ?? null,
      alsoNotify: args.alsoNotify,
      updatedAt: ctx.now,
    });
  },
});

export const setMyNotifyPrefs = defineMutator({
  args: z
    .object({
      channel: z.enum(STAFF_NOTIFY_CHANNELS),
      /** The alert kinds to hear of; each once. */
      kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length),
      email: z.email().max(320).nullable(),
      telegramChatId: z.string().regex(/^-?\d{1,20}$/, 'a Telegram chat id is a number').nullable(),
      language: z.enum(['ru', 'en']),
      quietStartMinute: minuteOfDay,
      quietEndMinute: minuteOfDay,
    })
    .strict(),
  // Whoever may receive some alert (shared/alerts/alert-recipient.ts): the desk, and logisticians for their carriers.
  actors: [...DESK, 'logistician'],
  label: 'change notification settings',
  run(tx, args, ctx) {
    const wantsEmail = args.channel === 'email' || args.channel === 'both';
    const wantsTelegram = args.channel === 'telegram' || args.channel === 'both';
    if (wantsEmail && args.email === null) reject('bad_args', 'E-mail notifications need an address', { field: 'email' });
    if (wantsTelegram && args.telegramChatId === null) reject('bad_args', 'Telegram notifications need a chat id', { field: 'telegramChatId' });
    if (new Set(args.kinds).size !== args.kinds.length) reject('bad_args', 'An alert kind is listed twice', { field: 'kinds' });
    // A kind the person can never be sent would sit in their row and mislead them (an old or hostile client).
    const foreign = args.kinds.findIndex((k) => !mayReceiveAlertKind(ctx.actor.role, k));
    if (foreign >= 0) reject('kind_not_for_role', `A ${ctx.actor.actor} gets no ${args.kinds[foreign]} alerts`, { field: `kinds.${foreign}`, kind: args.kinds[foreign] });
    // Always the signed-in user's own row: nobody sets another person's address.
    tx.put('staff_notify_prefs', { id: ctx.actor.id, ...args, kinds: ALERT_KINDS.filter((k) => args.kinds.includes(k)), updatedAt: ctx.now });
  },
});

export const sendTrackingLink = defineMutator({
  args: z.object({ orderId: z.string().min(1).max(200) }).strict(),
  actors: DESK,
  label: 'send the tracking link',
  run(tx, args, ctx) {
    const order = tx.get('orders', args.orderId);
    if (order === undefined) reject('not_found', `No order ${args.orderId}`, { field: 'orderId' });
    if (!isOpenStatus(order.status)) reject('order_finished', `Order ${order.number} is finished: no link to send`, { orderId: order.id });
    tx.put('order_events', messageEvent({
      id: ctx.newId(),
      orderId: order.id,
      at: ctx.at,
      actor: ctx.actor.actor,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      source: 'manual',
      reason: LINK_REQUESTED_REASON,
      comment: null,
    }));
  },
});
