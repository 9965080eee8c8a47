// What a staff member reads in a Telegram message or an e-mail about one of their alerts: the
// alert kind's name and the subject line. Staff read Russian or English (Kazakh falls back to
// Russian, as the console does).
import type { AlertKind } from '../alerts/alert-vocabulary';
import type { MessageLanguage } from './message-vocabulary';

const RU: Readonly<Record<AlertKind, string>> = {
  sla_warning: 'Скоро срок SLA',
  sla_critical: 'Срок SLA на исходе',
  sla_breach: 'Срок SLA нарушен',
  not_taken: 'Не взят в работу',
  not_picked: 'Не собран',
  predicted_late: 'Прогноз опоздания',
  carrier_loading: 'Погрузка у перевозчика через 2 часа',
  carrier_call: 'Прозвон перевозчика',
  no_shift_start: 'Никто не начал день',
};

const EN: Readonly<Record<AlertKind, string>> = {
  sla_warning: 'SLA deadline near',
  sla_critical: 'SLA deadline close',
  sla_breach: 'SLA breached',
  not_taken: 'Not taken into work',
  not_picked: 'Not picked',
  predicted_late: 'Predicted late',
  carrier_loading: 'Carrier loading in 2 hours',
  carrier_call: 'Call the carrier',
  no_shift_start: 'Nobody started the day',
};

export const ALERT_KIND_WORDS: Readonly<Record<MessageLanguage, Readonly<Record<AlertKind, string>>>> = { ru: RU, kk: RU, en: EN };

/** "Маршрут: Прогноз опоздания — MR-100123"; a warehouse alert has no number. */
export function staffSubject(kind: AlertKind, number: string | null, language: MessageLanguage): string {
  const head = `${language === 'en' ? 'Marshrut' : 'Маршрут'}: ${ALERT_KIND_WORDS[language][kind]}`;
  return number === null || number === '' ? head : `${head} — ${number}`;
}
