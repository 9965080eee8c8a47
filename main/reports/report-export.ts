// A report view as XLSX: the headline with the previous period, the series behind the charts,
// every cut, and the orders behind the figure being looked at. Every word from
// shared/reports/report-labels, every date, duration and share from the one formatter.
import type { ExportFile } from '../../shared/api/carriers-api';
import { CUT_DIMENSIONS, type CutRow, type FigureValue, type ReportData } from '../../shared/reports/compute-report';
import type { DrillRow, DrillSpec } from '../../shared/reports/drill-down';
import { DRIVER_COLUMN_DEFINITIONS, FIGURE_IDS, FIGURES } from '../../shared/reports/kpi-definitions';
import {
  bucketLabel,
  CARRIED_BY_NAMES,
  CUT_NAMES,
  cutLabel,
  FIGURE_NAMES,
  figureText,
  providerName,
  REASON_NAMES,
  SERVICE_NAMES,
  STATUS_NAMES,
  type ReportLanguage,
} from '../../shared/reports/report-labels';
import { formatterFor, type Formatter } from '../../shared/locale';
import { fileDay, writeXlsx, XLSX_MIME, type Cell, type SheetSpec } from '../export/xlsx-workbook';

/** The export's own words (sheet names, column heads), each with its two languages side by side. */
const EXPORT_WORDS = {
  summary: { ru: 'Сводка', en: 'Summary' },
  period: { ru: 'Период', en: 'Period' },
  previous: { ru: 'Прошлый период', en: 'Previous period' },
  computed: { ru: 'Рассчитано', en: 'Computed' },
  source: { ru: 'Где рассчитано', en: 'Computed on' },
  local: { ru: 'на этом компьютере', en: 'this computer' },
  server: { ru: 'на сервере', en: 'the server' },
  figure: { ru: 'Показатель', en: 'Figure' },
  value: { ru: 'Значение', en: 'Value' },
  counted: { ru: 'Засчитано', en: 'Counted' },
  of: { ru: 'Из', en: 'Of' },
  definition: { ru: 'Определение', en: 'Definition' },
  byDay: { ru: 'По дням', en: 'By day' },
  day: { ru: 'День', en: 'Day' },
  orders: { ru: 'Заказы', en: 'Orders' },
  delivered: { ru: 'Доставлено', en: 'Delivered' },
  onTime: { ru: 'Вовремя', en: 'On time' },
  problems: { ru: 'Проблемы', en: 'Problems' },
  reason: { ru: 'Причина', en: 'Reason' },
  deliveryTime: { ru: 'Время доставки', en: 'Delivery time' },
  range: { ru: 'Интервал', en: 'Range' },
  otif: { ru: 'OTIF', en: 'OTIF' },
  cancelled: { ru: 'Отменено', en: 'Cancelled' },
  avg: { ru: 'Среднее время доставки', en: 'Average delivery time' },
  drivers: { ru: 'Водители', en: 'Drivers' },
  onTimeDeliveries: { ru: 'Вовремя доставлено', en: 'On-time deliveries' },
  marksOnTime: { ru: 'Отметки вовремя', en: 'Marks on time' },
  perDay: { ru: 'Заказов в день', en: 'Orders per day' },
  km: { ru: 'Пробег по GPS', en: 'GPS distance' },
  list: { ru: 'Заказы', en: 'Orders' },
  number: { ru: 'Номер', en: 'Number' },
  created: { ru: 'Создан', en: 'Created' },
  status: { ru: 'Статус', en: 'Status' },
  service: { ru: 'Услуга', en: 'Service' },
  customer: { ru: 'Клиент', en: 'Customer' },
  carriedBy: { ru: 'Кто вёз', en: 'Carried by' },
  carrier: { ru: 'Исполнитель', en: 'Carrier' },
  deadline: { ru: 'Срок SLA', en: 'SLA deadline' },
  deliveredAt: { ru: 'Вручён', en: 'Handed over' },
  hit: { ru: 'Засчитан', en: 'Counted' },
  yes: { ru: 'да', en: 'yes' },
  no: { ru: 'нет', en: 'no' },
} as const satisfies Record<string, Record<ReportLanguage, string>>;
type ExportWords = Record<keyof typeof EXPORT_WORDS, string>;

function exportWords(lang: ReportLanguage): ExportWords {
  return Object.fromEntries(Object.entries(EXPORT_WORDS).map(([k, v]) => [k, v[lang]])) as ExportWords;
}

/** A figure as a reader sees it on screen: "75 %", "3 h 10 min", "12". */
const shareText = (v: FigureValue, fmt: Formatter) => (v.value === null ? '—' : fmt.percent(v.value));

function cutColumns(w: ExportWords, first: string): string[] {
  return [first, w.orders, w.delivered, w.onTime, w.otif, w.problems, w.cancelled, w.avg];
}
function cutCells(r: CutRow, label: string, fmt: Formatter): Cell[] {
  return [label, r.orders, r.delivered, shareText(r.onTime, fmt), shareText(r.otif, fmt), r.problems, r.cancelled, r.avgDeliveryMs === null ? '—' : fmt.duration(r.avgDeliveryMs)];
}

export interface ExportInput {
  data: ReportData;
  drill: DrillSpec;
  orders: { total: number; rows: DrillRow[] };
  lang: ReportLanguage;
  now: number;
}

export async function exportReport({ data, orders, lang, now }: ExportInput): Promise<ExportFile> {
  const w = exportWords(lang);
  const fmt = formatterFor(lang);
  const periodText = (p: { from: string; to: string }) => `${fmt.isoDay(p.from)} – ${fmt.isoDay(p.to)}`;
  const sheets: SheetSpec[] = [
    {
      name: w.summary,
      preamble: [
        [w.period, periodText(data.period)],
        [w.previous, periodText(data.previous)],
        [w.computed, fmt.dateTime(data.computedAt)],
        [w.source, data.source === 'local' ? w.local : w.server],
        [],
      ],
      header: [w.figure, w.value, w.counted, w.of, w.previous, w.definition],
      rows: FIGURE_IDS.map((id) => {
        const v = data.headline[id];
        const shareLike = FIGURES[id].kind === 'share';
        return [FIGURE_NAMES[lang][id], figureText(id, v, fmt), shareLike ? v.hits : null, shareLike ? v.members : null, figureText(id, data.previousHeadline[id], fmt), FIGURES[id].definition[lang]];
      }),
      widths: [26, 16, 12, 12, 16, 90],
    },
    {
      name: w.byDay,
      header: [w.day, w.orders, w.delivered, w.onTime],
      rows: data.byDay.map((d) => [fmt.isoDay(d.day), d.orders, d.delivered, shareText(d.onTime, fmt)]),
      widths: [14, 10, 12, 10],
    },
    {
      name: w.problems,
      header: [w.reason, w.orders],
      rows: data.problemsByReason.map((p) => [REASON_NAMES[lang][p.reason], p.orders]),
      widths: [28, 10],
    },
    {
      name: w.deliveryTime,
      header: [w.range, w.orders],
      rows: data.deliveryTimes.map((b) => [bucketLabel(b.bucket, fmt), b.orders]),
      widths: [20, 10],
    },
    ...CUT_DIMENSIONS.filter((d) => d !== 'driver').map((d) => ({
      name: CUT_NAMES[lang][d],
      header: cutColumns(w, CUT_NAMES[lang][d]),
      rows: data.cuts[d as Exclude<typeof d, 'driver'>].map((r) => cutCells(r, cutLabel(d, r, lang), fmt)),
      widths: [32, 10, 12, 10, 10, 10, 10, 20],
    })),
    {
      name: w.drivers,
      header: [...cutColumns(w, CUT_NAMES[lang].driver), w.onTimeDeliveries, w.marksOnTime, w.perDay, w.km],
      rows: data.drivers.map((r) => [
        ...cutCells(r, r.name ?? r.key, fmt),
        r.onTimeDeliveries,
        shareText(r.marksOnTime, fmt),
        fmt.number(r.ordersPerDay, 1),
        r.km === null ? '—' : fmt.km(r.km),
      ]),
      preamble: [[DRIVER_COLUMN_DEFINITIONS.marksOnTime[lang]], [DRIVER_COLUMN_DEFINITIONS.km[lang]], []],
      widths: [28, 10, 12, 10, 10, 10, 10, 20, 14, 14, 14, 14],
    },
    {
      name: w.list,
      header: [w.number, w.created, w.status, w.service, w.customer, w.carriedBy, w.carrier, w.deadline, w.deliveredAt, w.problems, w.hit],
      rows: orders.rows.map((o) => [
        o.number,
        fmt.dateTime(o.createdAt),
        STATUS_NAMES[lang][o.status],
        SERVICE_NAMES[lang][o.serviceType],
        o.customerName,
        CARRIED_BY_NAMES[lang][o.carriedBy],
        o.carrier === null ? '' : o.carriedBy === 'courier' ? providerName(o.carrier, lang) : o.carrier,
        o.deadline === null ? '' : fmt.dateTime(o.deadline),
        o.deliveredAt === null ? '' : fmt.dateTime(o.deliveredAt),
        o.problemReasons.map((r) => REASON_NAMES[lang][r]).join(', '),
        o.hit === null ? '' : o.hit ? w.yes : w.no,
      ]),
      widths: [14, 18, 14, 12, 28, 18, 24, 18, 18, 28, 10],
      textColumns: [1],
    },
  ];
  const data64 = (await writeXlsx(sheets, now)).toString('base64');
  return { fileName: `report-${data.period.from}-${data.period.to}-${fileDay(now, fmt.offsetMinutes)}.xlsx`, mimeType: XLSX_MIME, dataBase64: data64, rows: orders.rows.length };
}
