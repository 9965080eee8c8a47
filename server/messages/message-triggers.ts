// What makes the customer hear from us, decided inside the transaction of the change itself
// (a SyncEngine mutation hook): a status change to confirmed, in transit, delivered or a
// problem that affects them, the driver arriving at the address (geofence), and a
// dispatcher's "send the link again". Each queues its messages (message-queue.ts) and makes
// or ends the order's tracking link in the same transaction, so the change and its messages
// commit together or not at all.
import type { MutatorTx } from '../../shared/mutators';
import type { PredictedArrival } from '../../shared/eta';
import { effectiveSettings, MESSAGE_SETTINGS_ID } from '../../shared/messages/message-rules';
import { LINK_REQUESTED_REASON, type MessageTrigger } from '../../shared/messages/message-vocabulary';
import { orderValues } from '../../shared/messages/order-values';
import type { OrderEventRow, OrderRow, SyncedTableKey } from '../../shared/schema';
import { ensureTrackingLink, setLinkExpiry } from '../tracking/tracking-links';
import { queueCustomerMessages, type ConfiguredChannels } from './message-queue';

/** Problems the customer is told about; a refusal is their own doing. */
const CUSTOMER_PROBLEMS = new Set(['damaged', 'short_delivery', 'address_not_found', 'recipient_unreachable', 'vehicle_breakdown', 'delay', 'other']);
const FINISHED = new Set(['delivered', 'closed', 'cancelled']);

export interface TriggerDeps {
  publicUrl: string;
  channels: ConfiguredChannels;
  predict: (order: OrderRow, now: number) => PredictedArrival | null;
}

/** The trigger an event causes, if any. */
export function triggerOf(e: OrderEventRow): MessageTrigger | null {
  if (e.kind === 'status') {
    if (e.toStatus === 'confirmed') return 'confirmed';
    if (e.toStatus === 'in_transit') return 'in_transit';
    if (e.toStatus === 'delivered') return 'delivered';
    if (e.toStatus === 'problem' && e.reason !== null && CUSTOMER_PROBLEMS.has(e.reason)) return 'problem';
    return null;
  }
  if (e.kind === 'sub_mark' && e.subMark === 'arrived') return 'arriving';
  if (e.kind === 'message' && e.reason === LINK_REQUESTED_REASON) return 'confirmed';
  return null;
}

export function queueForOccasion(tx: MutatorTx, deps: TriggerDeps, order: OrderRow, trigger: MessageTrigger, cause: string, now: number, requested = false): number {
  const link = ensureTrackingLink(tx, order.id, deps.publicUrl, now);
  const driver = order.driverId === null ? undefined : tx.get('drivers', order.driverId);
  const predicted = trigger === 'in_transit' || trigger === 'arriving' || trigger === 'delay' ? deps.predict(order, now) : null;
  return queueCustomerMessages(tx, {
    cause,
    trigger,
    order,
    now,
    channels: deps.channels,
    requested,
    values: (lang) => orderValues(order, lang, now, link.url, driver?.name ?? null, predicted),
  }).length;
}

export function makeMessageHook(deps: TriggerDeps) {
  return (tx: MutatorTx, written: ReadonlyArray<{ table: SyncedTableKey; id: string }>, ctx: { now: number }): void => {
    for (const w of written) {
      if (w.table !== 'order_events') continue;
      const event = tx.get('order_events', w.id);
      if (event === undefined) continue;
      const order = tx.get('orders', event.orderId);
      if (order === undefined) continue;
      if (event.kind === 'status' && event.toStatus !== null) {
        const settings = effectiveSettings(tx.get('message_settings', MESSAGE_SETTINGS_ID));
        setLinkExpiry(tx, order.id, FINISHED.has(event.toStatus) ? ctx.now + settings.linkDays * 86_400_000 : null, ctx.now);
      }
      const trigger = triggerOf(event);
      if (trigger === null) continue;
      // Arriving is told once per order, whichever comes first: the prediction or the geofence.
      const cause = trigger === 'arriving' ? `${order.id}:arriving` : event.id;
      // "Send the link again" is a person's request: it goes even where "confirmed" is off for the service.
      queueForOccasion(tx, deps, order, trigger, cause, ctx.now, event.kind === 'message');
    }
  };
}
