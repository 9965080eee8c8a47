// The phone page's words, Russian first (the default) and English beside it. Times, numbers,
// units and plurals come from the one shared formatter (shared/locale: Intl, Russian's three
// plural forms), never hand-built.
import type { ProblemReason, OrderStatus, ShiftState } from '../../shared/domain/vocabulary';
import type { ProofKind } from '../../shared/delivery/proof-vocabulary';
import { formatMessage, formatterFor } from '../../shared/locale';
import { keyedWords, REASON_WORDS } from '../../shared/domain/vocabulary-words';

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const EN = {
  title: 'Driver',
  signInTitle: 'Sign in',
  signInHelp: 'Open the sign-in link the dispatcher sent you, or scan the QR code on the dispatcher\'s screen.',
  signingIn: 'Signing in…',
  signedOut: 'This phone was signed out. Ask the dispatcher for a new link.',
  today: "Today's tasks",
  noTasks: 'No tasks for you right now.',
  refresh: 'Refresh',
  online: 'Online',
  offline: 'Offline: marks are kept on the phone and sent when the network returns',
  queue: '{n, plural, one {# mark waiting to be sent} other {# marks waiting to be sent}}',
  'shift.on_shift': 'On shift',
  'shift.on_break': 'On a break',
  'shift.off_shift': 'Day not started',
  startDay: 'Start day',
  takeBreak: 'Break',
  endBreak: 'Back to work',
  endDay: 'End day',
  'status.confirmed': 'To pick up',
  'status.at_warehouse': 'Ready at the warehouse',
  'status.in_transit': 'On the way',
  'status.delivered': 'Delivered',
  'status.problem': 'Problem',
  'status.new': 'New',
  'status.closed': 'Closed',
  'status.cancelled': 'Cancelled',
  arrivedChip: 'Arrived',
  pickup: 'Pick up',
  deliverTo: 'Deliver to',
  deliverBy: 'Deliver by {time}',
  cargo: 'Cargo',
  places: '{n, plural, one {# place} other {# places}}',
  call: 'Call',
  navigate: 'Navigate',
  'mark.picked_up': 'Picked up',
  'mark.arrived': 'Arrived',
  'mark.delivered': 'Delivered',
  'mark.problem': 'Problem',
  pending: 'Waiting for the network',
  proofTitle: 'Proof of delivery',
  proofNeeded: 'Needed: {list}',
  'proof.photo': 'photo',
  'proof.signature': 'signature',
  'proof.code': "customer's code",
  takePhoto: 'Take a photo',
  retakePhoto: 'Retake the photo',
  signHere: 'Recipient signs here',
  clear: 'Clear',
  codeLabel: 'Code the customer received',
  confirmDelivered: 'Confirm delivery',
  cancel: 'Cancel',
  problemTitle: 'What went wrong?',
  comment: 'Comment',
  send: 'Send',
  missingProof: 'Add: {list}',
  failedTitle: 'Not accepted by the server',
  dismiss: 'OK',
  ...keyedWords('reason', REASON_WORDS.en),
  'error.proof_required': 'Delivery needs: {list}',
  'error.code_mismatch': 'The code does not match. Ask the customer again.',
  'error.no_code': 'No code was issued for this order. Call the dispatcher.',
  'error.not_your_task': 'This order is no longer yours.',
  'error.rate_limited': 'Too many requests; wait a moment.',
  'error.link_used': 'This link was already used. Ask the dispatcher for a new one.',
  'error.link_expired': 'This link has expired. Ask the dispatcher for a new one.',
  'error.link_revoked': 'This link was revoked. Ask the dispatcher for a new one.',
  'error.link_unknown': 'This link is not valid. Ask the dispatcher for a new one.',
  'error.too_large': 'The photo is too large.',
  'error.other_driver': 'Made while another driver was signed in on this phone: not sent.',
  queuedForSignIn: '{n, plural, one {# mark is kept on this phone} other {# marks are kept on this phone}} and will be sent once you sign in again.',
  'error.generic': 'Order {number}: {message}',
  location: 'Share my location',
  locationOn: 'Sharing location',
  language: 'Language',
} as const;

export type WordKey = keyof typeof EN;

const RU: Record<WordKey, string> = {
  title: 'Водитель',
  signInTitle: 'Вход',
  signInHelp: 'Откройте ссылку для входа, которую прислал диспетчер, или отсканируйте QR-код на экране диспетчера.',
  signingIn: 'Входим…',
  signedOut: 'Этот телефон отключён. Попросите у диспетчера новую ссылку.',
  today: 'Задачи на сегодня',
  noTasks: 'Сейчас задач нет.',
  refresh: 'Обновить',
  online: 'В сети',
  offline: 'Нет сети: отметки сохранены в телефоне и уйдут, когда сеть вернётся',
  queue: '{n, plural, one {# отметка ждёт отправки} few {# отметки ждут отправки} many {# отметок ждут отправки} other {# отметки ждут отправки}}',
  'shift.on_shift': 'На смене',
  'shift.on_break': 'Перерыв',
  'shift.off_shift': 'День не начат',
  startDay: 'Начать день',
  takeBreak: 'Перерыв',
  endBreak: 'Вернуться к работе',
  endDay: 'Закончить день',
  'status.confirmed': 'Забрать',
  'status.at_warehouse': 'Готов на складе',
  'status.in_transit': 'В пути',
  'status.delivered': 'Доставлен',
  'status.problem': 'Проблема',
  'status.new': 'Новый',
  'status.closed': 'Закрыт',
  'status.cancelled': 'Отменён',
  arrivedChip: 'На месте',
  pickup: 'Забрать',
  deliverTo: 'Доставить',
  deliverBy: 'Доставить до {time}',
  cargo: 'Груз',
  places: '{n, plural, one {# место} few {# места} many {# мест} other {# места}}',
  call: 'Позвонить',
  navigate: 'Маршрут',
  'mark.picked_up': 'Забрал',
  'mark.arrived': 'На месте',
  'mark.delivered': 'Доставлен',
  'mark.problem': 'Проблема',
  pending: 'Ждёт сети',
  proofTitle: 'Подтверждение доставки',
  proofNeeded: 'Нужно: {list}',
  'proof.photo': 'фото',
  'proof.signature': 'подпись',
  'proof.code': 'код клиента',
  takePhoto: 'Сфотографировать',
  retakePhoto: 'Переснять',
  signHere: 'Подпись получателя',
  clear: 'Стереть',
  codeLabel: 'Код, который получил клиент',
  confirmDelivered: 'Подтвердить доставку',
  cancel: 'Отмена',
  problemTitle: 'Что случилось?',
  comment: 'Комментарий',
  send: 'Отправить',
  missingProof: 'Добавьте: {list}',
  failedTitle: 'Сервер не принял',
  dismiss: 'Понятно',
  ...keyedWords('reason', REASON_WORDS.ru),
  'error.proof_required': 'Для доставки нужно: {list}',
  'error.code_mismatch': 'Код не совпадает. Уточните у клиента.',
  'error.no_code': 'Для этого заказа код не выдан. Позвоните диспетчеру.',
  'error.not_your_task': 'Этот заказ больше не ваш.',
  'error.rate_limited': 'Слишком много запросов, подождите немного.',
  'error.link_used': 'Эта ссылка уже использована. Попросите у диспетчера новую.',
  'error.link_expired': 'Срок ссылки истёк. Попросите у диспетчера новую.',
  'error.link_revoked': 'Ссылка отозвана. Попросите у диспетчера новую.',
  'error.link_unknown': 'Ссылка недействительна. Попросите у диспетчера новую.',
  'error.too_large': 'Фото слишком большое.',
  'error.other_driver': 'Сделано, когда на этом телефоне был другой водитель: не отправлено.',
  queuedForSignIn: '{n, plural, one {# отметка сохранена на телефоне и будет отправлена} few {# отметки сохранены на телефоне и будут отправлены} many {# отметок сохранены на телефоне и будут отправлены} other {# отметки сохранены на телефоне и будут отправлены}}, когда вы снова войдёте.',
  'error.generic': 'Заказ {number}: {message}',
  location: 'Передавать местоположение',
  locationOn: 'Местоположение передаётся',
  language: 'Язык',
};

const DICTS: Record<Lang, Record<WordKey, string>> = { en: EN, ru: RU };

export interface Words {
  lang: Lang;
  t(key: WordKey, params?: Record<string, string | number>): string;
  /** "{n} marks waiting" in the language's plural form of n. */
  plural(key: 'queue' | 'queuedForSignIn' | 'places', n: number): string;
  /** A deadline: the time today, or day and time another day (region time, UTC+5). */
  when(ms: number, now: number): string;
  kg(n: number): string;
  list(items: string[]): string;
  status(s: OrderStatus): string;
  shift(s: ShiftState): string;
  reason(r: ProblemReason): string;
  proof(k: ProofKind): string;
}

export function words(lang: Lang): Words {
  const dict = DICTS[lang];
  const fmt = formatterFor(lang);
  // An unknown key (a server error code we have no words for) comes back as itself.
  const t = (key: WordKey, params?: Record<string, string | number>): string => formatMessage(lang, (dict as Record<string, string | undefined>)[key] ?? key, params);
  return {
    lang,
    t,
    plural: (key, n) => t(key, { n }),
    when: (ms, now) => fmt.shortDateTime(ms, now),
    kg: (n) => fmt.kg(n),
    list: (items) => fmt.list(items),
    status: (s) => t(`status.${s}`),
    shift: (s) => t(`shift.${s}`),
    reason: (r) => t(`reason.${r}`),
    proof: (k) => t(`proof.${k}`),
  };
}

export function pickLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'ru' || stored === 'en') return stored;
  return browser[0]?.toLowerCase().startsWith('en') === true ? 'en' : 'ru';
}
