// The vocabulary's names in Russian and English: order statuses, sub-marks, problem reasons and
// service types. The console's dictionaries, the reports and their XLSX, the phone page and the
// status machine's refusals all take them from here, so no two places name a status differently.
import type { OrderStatus, ProblemReason, ServiceType, SubMark } from './vocabulary';

export type WordsLanguage = 'ru' | 'en';
type Words<K extends string> = Readonly<Record<WordsLanguage, Readonly<Record<K, string>>>>;

export const STATUS_WORDS: Words<OrderStatus> = {
  ru: { new: 'Новый', confirmed: 'Подтверждён', at_warehouse: 'На складе', in_transit: 'В пути', delivered: 'Доставлен', problem: 'Проблема', closed: 'Закрыт', cancelled: 'Отменён' },
  en: { new: 'New', confirmed: 'Confirmed', at_warehouse: 'At warehouse', in_transit: 'In transit', delivered: 'Delivered', problem: 'Problem', closed: 'Closed', cancelled: 'Cancelled' },
};

export const SUB_MARK_WORDS: Words<SubMark> = {
  ru: { left_warehouse: 'Выехал со склада', on_route: 'В дороге', arrived: 'Прибыл на точку' },
  en: { left_warehouse: 'Left the warehouse', on_route: 'On route', arrived: 'Arrived at the point' },
};

export const REASON_WORDS: Words<ProblemReason> = {
  ru: {
    refused: 'Отказ получателя',
    damaged: 'Повреждение груза',
    short_delivery: 'Недовложение',
    address_not_found: 'Адрес не найден',
    recipient_unreachable: 'Получатель недоступен',
    vehicle_breakdown: 'Поломка машины',
    delay: 'Задержка',
    other: 'Другое',
  },
  en: {
    refused: 'Recipient refused',
    damaged: 'Goods damaged',
    short_delivery: 'Short delivery',
    address_not_found: 'Address not found',
    recipient_unreachable: 'Recipient unreachable',
    vehicle_breakdown: 'Vehicle breakdown',
    delay: 'Delay',
    other: 'Other',
  },
};

export const SERVICE_WORDS: Words<ServiceType> = {
  ru: { express: 'Экспресс', standard: 'Стандарт', intercity: 'Межгород' },
  en: { express: 'Express', standard: 'Standard', intercity: 'Intercity' },
};

/** The words as dictionary entries under a prefix: `keyedWords('status', …)` -> `{ 'status.new': 'New', … }`. */
export function keyedWords<P extends string, K extends string>(prefix: P, words: Readonly<Record<K, string>>): { readonly [Q in K as `${P}.${Q}`]: string } {
  return Object.fromEntries(Object.entries(words).map(([k, v]) => [`${prefix}.${k}`, v])) as { readonly [Q in K as `${P}.${Q}`]: string };
}
