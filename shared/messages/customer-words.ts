// What a customer reads, in Russian, Kazakh and English: statuses, problem reasons, the
// tracking page's words, and times in the order's local time. Customer-facing only: the
// console has its own dictionaries (renderer/src/i18n).
import type { OrderStatus, ProblemReason } from '../domain/vocabulary';
import type { MessageLanguage } from './message-vocabulary';

export const INTL_LOCALES: Readonly<Record<MessageLanguage, string>> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' };

export const STATUS_WORDS: Readonly<Record<MessageLanguage, Readonly<Record<OrderStatus, string>>>> = {
  ru: { new: 'Принят', confirmed: 'Подтверждён', at_warehouse: 'Собран на складе', in_transit: 'В пути', delivered: 'Доставлен', problem: 'Есть проблема', closed: 'Завершён', cancelled: 'Отменён' },
  kk: { new: 'Қабылданды', confirmed: 'Расталды', at_warehouse: 'Қоймада жиналды', in_transit: 'Жолда', delivered: 'Жеткізілді', problem: 'Мәселе бар', closed: 'Аяқталды', cancelled: 'Күші жойылды' },
  en: { new: 'Received', confirmed: 'Confirmed', at_warehouse: 'Packed at the warehouse', in_transit: 'On the way', delivered: 'Delivered', problem: 'There is a problem', closed: 'Completed', cancelled: 'Cancelled' },
};

export const REASON_WORDS: Readonly<Record<MessageLanguage, Readonly<Record<ProblemReason, string>>>> = {
  ru: { refused: 'отказ от получения', damaged: 'повреждение груза', short_delivery: 'недовложение', address_not_found: 'не найден адрес', recipient_unreachable: 'не удалось связаться с получателем', vehicle_breakdown: 'поломка автомобиля', delay: 'задержка', other: 'другая причина' },
  kk: { refused: 'алудан бас тарту', damaged: 'жүк зақымдалған', short_delivery: 'толық жеткізілмеді', address_not_found: 'мекенжай табылмады', recipient_unreachable: 'алушымен байланыс болмады', vehicle_breakdown: 'көлік бұзылды', delay: 'кідіріс', other: 'басқа себеп' },
  en: { refused: 'delivery refused', damaged: 'goods damaged', short_delivery: 'items missing', address_not_found: 'address not found', recipient_unreachable: 'could not reach the recipient', vehicle_breakdown: 'vehicle breakdown', delay: 'delay', other: 'another reason' },
};

/** The tracking page's words. */
export const PAGE_WORDS: Readonly<Record<MessageLanguage, Readonly<Record<string, string>>>> = {
  ru: { title: 'Отслеживание заказа', order: 'Заказ', eta: 'Ожидаемое прибытие', etaBand: 'от {from} до {to}', driver: 'Курьер', steps: 'Этапы', updated: 'Обновлено', noEta: 'Время прибытия появится, когда курьер будет в пути', expired: 'Ссылка больше не действует', expiredHint: 'Срок действия ссылки истёк. Если вопрос остался, свяжитесь с нами.', notFound: 'Ссылка не найдена', live: 'Курьер на карте', destination: 'Адрес доставки', away: '{km} км до вас', telegram: 'Уведомления в Telegram', delivered: 'Заказ доставлен', optOut: 'Не присылать сообщения', optOutDone: 'Готово: мы больше не будем присылать вам сообщения о заказах.', optOutFailed: 'Не получилось. Попробуйте ещё раз чуть позже.', unsubscribe: 'Не присылать сообщения: {url}' },
  kk: { title: 'Тапсырысты бақылау', order: 'Тапсырыс', eta: 'Күтілетін келу уақыты', etaBand: '{from} – {to} аралығында', driver: 'Курьер', steps: 'Кезеңдер', updated: 'Жаңартылды', noEta: 'Курьер жолға шыққанда келу уақыты көрсетіледі', expired: 'Сілтеме енді жарамсыз', expiredHint: 'Сілтеменің мерзімі өтті. Сұрағыңыз болса, бізбен хабарласыңыз.', notFound: 'Сілтеме табылмады', live: 'Курьер картада', destination: 'Жеткізу мекенжайы', away: 'сізге дейін {km} км', telegram: 'Telegram арқылы хабарламалар', delivered: 'Тапсырыс жеткізілді', optOut: 'Хабарлама жібермеңіз', optOutDone: 'Дайын: бұдан былай тапсырыстар туралы хабарлама жібермейміз.', optOutFailed: 'Болмады. Сәл кейінірек қайталап көріңіз.', unsubscribe: 'Хабарлама жібермеу: {url}' },
  en: { title: 'Order tracking', order: 'Order', eta: 'Expected arrival', etaBand: 'between {from} and {to}', driver: 'Courier', steps: 'Progress', updated: 'Updated', noEta: 'The arrival time appears once the courier is on the way', expired: 'This link has expired', expiredHint: 'This tracking link is no longer valid. If you still have a question, please contact us.', notFound: 'Link not found', live: 'Courier on the map', destination: 'Delivery address', away: '{km} km away', telegram: 'Updates in Telegram', delivered: 'Order delivered', optOut: "Don't send me messages", optOutDone: 'Done: we will not send you messages about your orders any more.', optOutFailed: 'That did not work. Please try again in a moment.', unsubscribe: "Don't send me messages: {url}" },
};

/** Kazakhstan keeps one offset (UTC+5) since 2024; a region's own offset overrides it. */
export const DEFAULT_UTC_OFFSET_MINUTES = 300;

/**
 * "18:20" for today (in the order's local time), else "3 дек., 18:20". The instant is shifted
 * by the offset and formatted as UTC, so no time zone database is needed.
 */
export function formatLocalTime(at: number, language: MessageLanguage, now: number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const shift = utcOffsetMinutes * 60_000;
  const day = (t: number) => Math.floor((t + shift) / 86_400_000);
  const locale = INTL_LOCALES[language];
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at + shift);
  if (day(at) === day(now)) return time;
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at + shift);
  return `${date}, ${time}`;
}

/** The first word of a full name: a customer sees "Ерлан", not the driver's surname. */
export function firstName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  // Russian-style "Surname Name" lists put the given name second when three words are given.
  if (parts.length === 3) return parts[1] ?? '';
  return parts[0] ?? '';
}
