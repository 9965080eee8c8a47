// What the public tracking page shows for one order, and nothing more: number, status, the
// steps so far, the predicted arrival, the driver's first name, and while the order is on the
// road the driver's position and the destination. No phone numbers, no names but the
// driver's first, no other orders. Pure given its inputs, so the hostile tests can check the
// exact shape.
import type { PredictedArrival } from '../../shared/eta';
import { firstName, formatLocalTime, PAGE_WORDS, STATUS_WORDS } from '../../shared/messages/customer-words';
import type { MessageLanguage } from '../../shared/messages/message-vocabulary';
import type { OrderStatus } from '../../shared/domain/vocabulary';
import type { OrderEventRow, OrderRow } from '../../shared/schema';

export interface TrackingView {
  number: string;
  status: OrderStatus;
  statusText: string;
  steps: Array<{ status: OrderStatus; text: string; at: number; time: string }>;
  eta: { at: number; earliest: number; latest: number; text: string; band: string } | null;
  driver: string | null;
  /** Only while in transit. */
  position: { lat: number; lon: number; fixAt: number } | null;
  destination: { lat: number; lon: number } | null;
  language: MessageLanguage;
  now: number;
  /** `now` in the order's local time, as the page prints it (the phone's own zone may differ). */
  updated: string;
  /** The customer opted out of messages: the page shows that instead of the button. */
  optedOut: boolean;
}

export function trackingView(
  order: OrderRow,
  events: readonly OrderEventRow[],
  driverName: string | null,
  position: { lat: number; lon: number; fixAt: number } | null,
  predicted: PredictedArrival | null,
  language: MessageLanguage,
  now: number,
  optedOut = false,
): TrackingView {
  const words = STATUS_WORDS[language];
  const steps: TrackingView['steps'] = [];
  for (const e of events) {
    if (e.kind !== 'status' || e.toStatus === null) continue;
    steps.push({ status: e.toStatus, text: words[e.toStatus], at: e.at, time: formatLocalTime(e.at, language, now) });
  }
  const onTheRoad = order.status === 'in_transit';
  const showEta = predicted !== null && (order.status === 'in_transit' || order.status === 'at_warehouse' || order.status === 'confirmed');
  const t = PAGE_WORDS[language];
  return {
    number: order.number,
    status: order.status,
    statusText: words[order.status],
    steps,
    eta: showEta
      ? {
          at: predicted.at,
          earliest: predicted.earliest,
          latest: predicted.latest,
          text: formatLocalTime(predicted.at, language, now),
          band: (t['etaBand'] ?? '').replace('{from}', formatLocalTime(predicted.earliest, language, now)).replace('{to}', formatLocalTime(predicted.latest, language, now)),
        }
      : null,
    driver: driverName === null || order.status === 'delivered' || order.status === 'closed' ? null : firstName(driverName) || null,
    position: onTheRoad && position !== null ? { lat: round5(position.lat), lon: round5(position.lon), fixAt: position.fixAt } : null,
    destination: onTheRoad ? { lat: round5(order.deliveryLat), lon: round5(order.deliveryLon) } : null,
    language,
    now,
    updated: formatLocalTime(now, language, now),
    optedOut,
  };
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
