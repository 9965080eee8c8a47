// The words of reports, Russian and English, in one place: the Reports tab and the XLSX export
// (written in main) both name figures, cuts, statuses and reasons from here, so a sheet and the
// screen never disagree and no raw code reaches a reader.
import type { ServiceType } from '../domain/vocabulary';
import { REASON_WORDS, SERVICE_WORDS, STATUS_WORDS } from '../domain/vocabulary-words';
import type { Formatter } from '../locale/format';
import type { CutDimension, FigureValue } from './compute-report';
import type { FigureId } from './kpi-definitions';
import { DELIVERY_TIME_BUCKETS_MS, FIGURES } from './kpi-definitions';
import type { CarriedBy } from './report-period';

export type ReportLanguage = 'ru' | 'en';

export const FIGURE_NAMES: Readonly<Record<ReportLanguage, Record<FigureId, string>>> = {
  ru: {
    orders: 'Заказы',
    delivered: 'Доставлено',
    otif: 'OTIF',
    onTime: 'Вовремя',
    avgDeliveryTime: 'Среднее время доставки',
    p90DeliveryTime: 'Время доставки, p90',
    problemShare: 'Доля проблемных',
    cancelledShare: 'Доля отменённых',
    hanging: 'Зависшие',
  },
  en: {
    orders: 'Orders',
    delivered: 'Delivered',
    otif: 'OTIF',
    onTime: 'On time',
    avgDeliveryTime: 'Average delivery time',
    p90DeliveryTime: 'Delivery time, p90',
    problemShare: 'Problem share',
    cancelledShare: 'Cancelled share',
    hanging: 'Hanging',
  },
};

export const CUT_NAMES: Readonly<Record<ReportLanguage, Record<CutDimension, string>>> = {
  ru: { region: 'Регион', driver: 'Водитель', customer: 'Клиент', service: 'Услуга', courier: 'Курьерская служба', carrier: 'Перевозчик' },
  en: { region: 'Region', driver: 'Driver', customer: 'Customer', service: 'Service', courier: 'Courier service', carrier: 'Carrier' },
};

export const CARRIED_BY_NAMES: Readonly<Record<ReportLanguage, Record<CarriedBy, string>>> = {
  ru: { own: 'Свой водитель', courier: 'Курьерская служба', carrier: 'Перевозчик', none: 'Не назначен' },
  en: { own: 'Own driver', courier: 'Courier service', carrier: 'Carrier', none: 'Not assigned' },
};

/** Services, statuses and reasons by the vocabulary's own names (shared/domain/vocabulary-words.ts). */
export const SERVICE_NAMES = SERVICE_WORDS;

export const STATUS_NAMES = STATUS_WORDS;

export const REASON_NAMES = REASON_WORDS;

/** Courier services by the key the server's courier configuration gives them. */
const PROVIDER_NAMES: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>> = {
  ru: { cdek: 'СДЭК', 'yandex-delivery': 'Яндекс Доставка', yandex: 'Яндекс Доставка', traccar: 'Traccar', generic: 'Курьерская служба', 'driver-app': 'Приложение водителя' },
  en: { cdek: 'CDEK', 'yandex-delivery': 'Yandex Delivery', yandex: 'Yandex Delivery', traccar: 'Traccar', generic: 'Courier service', 'driver-app': 'Driver app' },
};

/** A courier service's name; one we have no name for is shown as its configured key, capitalised. */
export function providerName(key: string, lang: ReportLanguage): string {
  const known = Object.prototype.hasOwnProperty.call(PROVIDER_NAMES[lang], key) ? PROVIDER_NAMES[lang][key] : undefined;
  return known ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** A cut row's label: the entity's name, or the word for a vocabulary key. */
export function cutLabel(dimension: CutDimension, row: { key: string; name: string | null }, lang: ReportLanguage): string {
  if (dimension === 'service') return SERVICE_NAMES[lang][row.key as ServiceType] ?? row.key;
  if (dimension === 'courier') return providerName(row.key, lang);
  return row.name ?? row.key;
}

/** "1–2 ч" / "1–2 hr", "3+ дн." / "3+ days": the delivery-time histogram's bars. */
export function bucketLabel(bucket: number, fmt: Formatter): string {
  const from = DELIVERY_TIME_BUCKETS_MS[bucket] as number;
  const to = DELIVERY_TIME_BUCKETS_MS[bucket + 1];
  if (to === undefined) return `${fmt.duration(from)}+`;
  if (from === 0) return `< ${fmt.duration(to)}`;
  return `${fmt.duration(from)} – ${fmt.duration(to)}`;
}

/** A headline figure as people read it: a share in per cent, a time as a duration, a count; "—" when there is nothing to count. */
export function figureText(id: FigureId, v: FigureValue, fmt: Formatter): string {
  if (v.value === null) return '—';
  const kind = FIGURES[id].kind;
  if (kind === 'share') return fmt.percent(v.value);
  if (kind === 'duration') return fmt.duration(v.value);
  return fmt.number(v.value, 0);
}
