// The words of a desktop notification, in the console's language (Russian by default).
import type { NoticeEvent } from '../../shared/api/events';

export type NoticeLanguage = 'ru' | 'en';

const REASONS_RU: Record<string, string> = {
  refused: 'отказ',
  damaged: 'повреждение',
  short_delivery: 'недовложение',
  address_not_found: 'адрес не найден',
  recipient_unreachable: 'получатель недоступен',
  vehicle_breakdown: 'поломка ТС',
  delay: 'задержка',
  other: 'другое',
};

export function noticeText(
  lang: NoticeLanguage,
  kind: NoticeEvent['kind'],
  order: { number: string; customer: string; reason: string | null },
): { title: string; body: string } {
  const reason = order.reason ?? 'other';
  if (lang === 'ru') {
    if (kind === 'problem') return { title: `Проблема: заказ ${order.number}`, body: `${order.customer}: ${REASONS_RU[reason] ?? reason}` };
    if (kind === 'sla_breach') return { title: `Просрочен: заказ ${order.number}`, body: `${order.customer}: срок SLA нарушен` };
    if (kind === 'sla_critical') return { title: `Срок на исходе: заказ ${order.number}`, body: `${order.customer}: до срока SLA меньше получаса` };
    if (kind === 'not_taken') return { title: `Не взят в работу: заказ ${order.number}`, body: `${order.customer}: новый заказ ждёт` };
    if (kind === 'not_picked') return { title: `Не собран: заказ ${order.number}`, body: `${order.customer}: подтверждён, но не собран` };
    if (kind === 'predicted_late') return { title: `Прогноз: опоздание, заказ ${order.number}`, body: `${order.customer}: прогноз прибытия после срока` };
    if (kind === 'carrier_loading') return { title: `Скоро погрузка: заказ ${order.number}`, body: `${order.customer}: позвоните перевозчику, погрузка через 2 часа` };
    if (kind === 'carrier_call') return { title: `Позвонить перевозчику: заказ ${order.number}`, body: `${order.customer}: узнайте у перевозчика, где груз` };
    if (kind === 'no_shift_start') return { title: `Никто не начал день: ${order.number}`, body: 'Ни один водитель склада не начал рабочий день' };
    return { title: `Скоро срок: заказ ${order.number}`, body: `${order.customer}: до срока SLA осталось мало времени` };
  }
  if (kind === 'problem') return { title: `Problem: order ${order.number}`, body: `${order.customer}: ${reason.replace(/_/g, ' ')}` };
  if (kind === 'sla_breach') return { title: `Overdue: order ${order.number}`, body: `${order.customer}: the SLA deadline has passed` };
  if (kind === 'sla_critical') return { title: `Deadline close: order ${order.number}`, body: `${order.customer}: under half an hour to the SLA deadline` };
  if (kind === 'not_taken') return { title: `Not taken: order ${order.number}`, body: `${order.customer}: a new order is waiting` };
  if (kind === 'not_picked') return { title: `Not picked: order ${order.number}`, body: `${order.customer}: confirmed but not picked` };
  if (kind === 'predicted_late') return { title: `Predicted late: order ${order.number}`, body: `${order.customer}: predicted to arrive after the deadline` };
  if (kind === 'carrier_loading') return { title: `Carrier loads soon: order ${order.number}`, body: `${order.customer}: call the carrier, loading in 2 hours` };
  if (kind === 'carrier_call') return { title: `Call the carrier: order ${order.number}`, body: `${order.customer}: ask the carrier where the cargo is` };
  if (kind === 'no_shift_start') return { title: `Nobody started the day: ${order.number}`, body: "None of the warehouse's drivers has started the day" };
  return { title: `Due soon: order ${order.number}`, body: `${order.customer}: the SLA deadline is close` };
}

/** 'auto' follows the system: Russian where the system is Russian (or Kazakh), else English. */
export function resolveNoticeLanguage(setting: 'auto' | 'ru' | 'en', systemLocale: string): NoticeLanguage {
  if (setting !== 'auto') return setting;
  return /^(ru|kk)\b/i.test(systemLocale) ? 'ru' : 'en';
}
