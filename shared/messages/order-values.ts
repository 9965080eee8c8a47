// The placeholders' values for an order, in the reader's language: one function for the
// server's queue and the admin's preview on a real order in the console, so the preview
// shows exactly what the customer would read.
import type { PredictedArrival } from '../eta';
import type { OrderRow } from '../schema';
import { firstName, formatLocalTime, REASON_WORDS, STATUS_WORDS } from './customer-words';
import type { MessageLanguage } from './message-vocabulary';
import type { TemplateValues } from './templates';

export function orderValues(
  order: OrderRow,
  language: MessageLanguage,
  now: number,
  link: string,
  driverName: string | null,
  predicted: PredictedArrival | null,
): TemplateValues {
  return {
    number: order.number,
    customer: order.customerName,
    status: STATUS_WORDS[language][order.status],
    eta: predicted === null ? '' : formatLocalTime(predicted.at, language, now),
    deadline: order.slaDeadline === null ? '' : formatLocalTime(order.slaDeadline, language, now),
    link,
    driver: driverName === null ? '' : firstName(driverName),
    reason: order.problemReason === null ? '' : REASON_WORDS[language][order.problemReason],
  };
}
