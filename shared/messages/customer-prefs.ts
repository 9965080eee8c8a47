// Whose message choices an order follows, and which phone numbers an SMS can go to. One rule
// for the queue (server), the tracking page's opt-out, the VIP recipients' check (mutator) and
// the order card.
import type { CustomerPrefsRow, OrderRow } from '../schema';

/**
 * The customer_prefs row an order follows: its customer's, or, for an order without a customer
 * record (a shop's order over REST), the order's own, so an opt-out from its tracking page holds.
 */
export function prefsIdOf(order: Pick<OrderRow, 'id' | 'customerId'>): string {
  return order.customerId ?? `order:${order.id}`;
}

const SMS_NUMBER = /^\+?\d{10,15}$/;

/** The number an SMS goes to (spaces, brackets and dashes dropped), or null when it is not one. */
export function smsNumber(raw: string): string | null {
  const p = raw.replace(/[\s()-]/g, '');
  return SMS_NUMBER.test(p) ? p : null;
}

/** The row after the customer said "don't send me messages": everything else kept. */
export function optedOutPrefs(id: string, old: CustomerPrefsRow | undefined, now: number): CustomerPrefsRow {
  return { id, language: old?.language ?? 'ru', optOut: true, telegramChatId: old?.telegramChatId ?? null, alsoNotify: old?.alsoNotify ?? [], updatedAt: now };
}
