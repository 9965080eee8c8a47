// The admin's customer-message screen read from the replica: each customer trigger's channels,
// service switches and texts (the admin's own or the shipped ones), quiet hours, and a preview of a text on a
// real order, rendered by the same shared functions the server's queue sends with
// (shared/messages: orderValues + composeMessage), so what the admin sees is what goes out.
import { desc, eq, inArray } from 'drizzle-orm';
import type { CustomerMessagePrefsView, MessagePreview, MessageRuleView, MessageSettingsView, MyNotifyPrefsView, PreviewOrderOption } from '../../../shared/api/messages-api';
import type { Actor, OrderStatus } from '../../../shared/domain/vocabulary';
import { setCustomerMessagePrefs, setMyNotifyPrefs } from '../../../shared/messages/message-mutators';
import { effectiveChannels, effectiveServices, effectiveSettings, MESSAGE_SETTINGS_ID } from '../../../shared/messages/message-rules';
import { CUSTOMER_TRIGGERS, MESSAGE_LANGUAGES, type CustomerTrigger, type MessageLanguage } from '../../../shared/messages/message-vocabulary';
import { orderValues } from '../../../shared/messages/order-values';
import { composeMessage, templateProblems, DEFAULT_TEXTS, MAX_TEMPLATE_CHARS, PLACEHOLDERS } from '../../../shared/messages/templates';
import { customerPrefs, customers, drivers, messageRules, messageSettings, orders, staffNotifyPrefs, trackingLinks } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';
import { predictedArrival } from './order-detail';

/** Orders whose status suits a trigger's preview: a delivered order for "delivered", ... */
const PREVIEW_STATUSES: Readonly<Record<CustomerTrigger, readonly OrderStatus[]>> = {
  confirmed: ['confirmed', 'at_warehouse'],
  in_transit: ['in_transit'],
  arriving: ['in_transit'],
  delivered: ['delivered', 'closed'],
  problem: ['problem'],
  delay: ['in_transit', 'confirmed', 'at_warehouse'],
};

/** Shown for {{link}} on an order that has no tracking link yet (it is made when confirmed). */
const NO_LINK_YET = 'https://…/t/…';

export function messageSettingsView(replica: ReadonlyReplica, actor: Actor | null): MessageSettingsView {
  const db = replica.db;
  const rows = new Map(db.select().from(messageRules).all().map((r) => [r.id, r]));
  const rules: MessageRuleView[] = CUSTOMER_TRIGGERS.map((trigger) => {
    const row = rows.get(trigger);
    const texts = {} as Record<MessageLanguage, string | null>;
    const defaults = {} as Record<MessageLanguage, string>;
    for (const lang of MESSAGE_LANGUAGES) {
      const own = row !== undefined && Object.hasOwn(row.texts, lang) ? row.texts[lang] : undefined;
      texts[lang] = typeof own === 'string' && own.trim() !== '' ? own : null;
      defaults[lang] = DEFAULT_TEXTS[lang][trigger];
    }
    return { trigger, channels: effectiveChannels(trigger, row), services: effectiveServices(row), texts, defaults, customized: row !== undefined };
  });
  const settings = effectiveSettings(db.select().from(messageSettings).where(eq(messageSettings.id, MESSAGE_SETTINGS_ID)).get());
  return { rules, settings, placeholders: PLACEHOLDERS, maxChars: MAX_TEMPLATE_CHARS, canEdit: actor === 'admin' };
}

export function previewOrders(replica: ReadonlyReplica, trigger: CustomerTrigger, limit = 30): PreviewOrderOption[] {
  const pick = (statuses: readonly OrderStatus[] | null) => {
    const q = replica.db
      .select({ id: orders.id, number: orders.number, status: orders.status, customerName: orders.customerName })
      .from(orders)
      .$dynamic();
    return (statuses === null ? q : q.where(inArray(orders.status, [...statuses]))).orderBy(desc(orders.updatedAt), desc(orders.id)).limit(limit).all();
  };
  const fitting = pick(PREVIEW_STATUSES[trigger]);
  // A young replica may have no order in that status yet: any real order still shows the text.
  return fitting.length > 0 ? fitting : pick(null);
}

export interface PreviewRequest {
  trigger: CustomerTrigger;
  language: MessageLanguage;
  /** As typed (unsaved); undefined = the rule's current text. */
  text?: string | undefined;
  orderId?: string | undefined;
}

export function previewMessage(replica: ReadonlyReplica, req: PreviewRequest, now: number): MessagePreview | null {
  const db = replica.db;
  const orderId = req.orderId ?? previewOrders(replica, req.trigger, 1)[0]?.id;
  if (orderId === undefined) return null;
  const order = db.select().from(orders).where(eq(orders.id, orderId)).get();
  if (order === undefined) return null;
  const driver = order.driverId === null ? null : (db.select().from(drivers).where(eq(drivers.id, order.driverId)).get() ?? null);
  const link = db.select().from(trackingLinks).where(eq(trackingLinks.id, order.id)).get();
  const values = orderValues(order, req.language, now, link?.url ?? NO_LINK_YET, driver?.name ?? null, predictedArrival(replica, order, driver, now));
  const rule = db.select().from(messageRules).where(eq(messageRules.id, req.trigger)).get();
  // The typed text stands in for the admin's saved one; an empty box previews the shipped text.
  const overrides = req.text === undefined ? rule?.texts : { [req.language]: req.text };
  const composed = composeMessage(req.trigger, req.language, overrides, values, true);
  return {
    orderId: order.id,
    orderNumber: order.number,
    subject: composed.subject,
    body: composed.body,
    problems: req.text === undefined ? [] : templateProblems(req.text),
    chars: composed.body.length,
  };
}

/** The user's own notification choice, or the defaults (nothing sent) before they saved one. */
export function myNotifyPrefs(replica: ReadonlyReplica, userId: string | null, actor: Actor | null, systemLanguage: 'ru' | 'en'): MyNotifyPrefsView {
  const row = userId === null ? undefined : replica.db.select().from(staffNotifyPrefs).where(eq(staffNotifyPrefs.id, userId)).get();
  // Who may save them is the mutator's own actor list, not a second copy of it.
  const canSet = actor !== null && setMyNotifyPrefs.actors.includes(actor);
  if (row === undefined) {
    return { channel: 'none', kinds: [], email: null, telegramChatId: null, language: systemLanguage, quietStartMinute: 22 * 60, quietEndMinute: 8 * 60, saved: false, canSet };
  }
  const { channel, kinds, email, telegramChatId, language, quietStartMinute, quietEndMinute } = row;
  return { channel, kinds, email, telegramChatId, language, quietStartMinute, quietEndMinute, saved: true, canSet };
}

/** The order card's "Customer messages": the stored choices, or the defaults the queue uses (Russian, not opted out). */
export function customerMessagePrefs(replica: ReadonlyReplica, customerId: string, actor: Actor | null): CustomerMessagePrefsView | null {
  const customer = replica.db.select().from(customers).where(eq(customers.id, customerId)).get();
  if (customer === undefined) return null;
  const row = replica.db.select().from(customerPrefs).where(eq(customerPrefs.id, customerId)).get();
  const vip = customer.vipNormMinutes !== null;
  const canEdit = actor !== null && setCustomerMessagePrefs.actors.includes(actor);
  return {
    customerId,
    language: row?.language ?? 'ru',
    optOut: row?.optOut === true,
    // A contract that ended keeps its old list in the row; the queue ignores it, so the card does too.
    alsoNotify: vip ? (row?.alsoNotify ?? []) : [],
    vip,
    saved: row !== undefined,
    canEdit,
  };
}
