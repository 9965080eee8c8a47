// The customer's own opt-out, from the tracking page's button or a mail program's one-click
// unsubscribe (RFC 8058), and what every customer e-mail carries for it: a List-Unsubscribe
// header and a link in the text. Opting out is idempotent: the first time writes the prefs
// and one timeline event; a replay changes nothing and says so.
import type { MutatorTx } from '../../shared/mutators';
import { optedOutPrefs, prefsIdOf } from '../../shared/messages/customer-prefs';
import { PAGE_WORDS } from '../../shared/messages/customer-words';
import { messageEvent } from '../../shared/messages/message-event';
import { OPTED_OUT_REASON, type MessageLanguage, type OptOutWay } from '../../shared/messages/message-vocabulary';
import type { OrderRow } from '../../shared/schema';

/** The one-click address a mail program POSTs to (the link's own path: the mail already holds it). */
export function unsubscribeUrl(trackingUrl: string): string {
  return `${trackingUrl}/unsubscribe`;
}

/** What a customer e-mail gets: the headers and a last line with the tracking page's button. */
export function unsubscribeExtras(trackingUrl: string, language: MessageLanguage): { headers: Record<string, string>; footer: string } {
  const line = (PAGE_WORDS[language]['unsubscribe'] ?? '{url}').replace('{url}', `${trackingUrl}#unsubscribe`);
  return {
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl(trackingUrl)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    footer: `\n\n--\n${line}`,
  };
}

/** Opts the order's customer out; false when they already were (nothing written). */
export function optOutCustomer(tx: MutatorTx, order: OrderRow, way: OptOutWay, now: number): boolean {
  const id = prefsIdOf(order);
  const old = tx.get('customer_prefs', id);
  if (old?.optOut === true) return false;
  tx.put('customer_prefs', optedOutPrefs(id, old, now));
  tx.put('order_events', messageEvent({
    id: `${order.id}:opted-out:${now}`,
    orderId: order.id,
    at: now,
    actor: 'system',
    actorId: way,
    actorName: 'Customer',
    source: 'system',
    reason: OPTED_OUT_REASON,
    comment: null,
  }));
  return true;
}
