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

const W: Record<ReportLanguage, Record<string, string>> = {
  ru: {
    summary: 'Сводка', period: 'Период', previous: 'Прошлый период', computed: 'Рассчитано', source: 'Где рассчитано', local: 'на этом компьютере', server: 'на сервере',
    figure: 'Показатель', value: 'Значение', counted: 'Засчитано', of: 'Из', definition: 'Определение',
    byDay: 'По дням', day: 'День', orders: 'Заказы', delivered: 'Доставлено', onTime: 'Вовремя',
    problems: 'Проблемы', reason: 'Причина', deliveryTime: 'Время доставки', range: 'Интервал',
    otif: 'OTIF', cancelled: 'Отменено', avg: 'Среднее время доставки', drivers: 'Водители',
    onTimeDeliveries: 'Вовремя доставлено', marksOnTime: 'Отметки вовремя', perDay: 'Заказов в день', km: 'Пробег по GPS',
    list: 'Заказы', number: 'Номер', created: 'Создан', status: 'Статус', service: 'Услуга', customer: 'Клиент', carriedBy: 'Кто вёз', carrier: 'Исполнитель',
    deadline: 'Срок SLA', deliveredAt: 'Вручён', hit: 'Засчитан', yes: 'да', no: 'нет', none: '—',
  },
  en: {
    summary: 'Summary', period: 'Period', previous: 'Previous period', computed: 'Computed', source: 'Computed on', local: 'this computer', server: 'the server',
    figure: 'Figure', value: 'Value', counted: 'Counted', of: 'Of', definition: 'Definition',
    byDay: 'By day', day: 'Day', orders: 'Orders', delivered: 'Delivered', onTime: 'On time',
    problems: 'Problems', reason: 'Reason', deliveryTime: 'Delivery time', range: 'Range',
    otif: 'OTIF', cancelled: 'Cancelled', avg: 'Average delivery time', drivers: 'Drivers',
    onTimeDeliveries: 'On-time deliveries', marksOnTime: 'Marks on time', perDay: 'Orders per day', km: 'GPS distance',
    list: 'Orders', number: 'Number', created: 'Created', status: 'Status', service: 'Service', customer: 'Customer', carriedBy: 'Carried by', carrier: 'Carrier',
    deadline: 'SLA deadline', deliveredAt: 'Handed over', hit: 'Counted', yes: 'yes', no: 'no', none: '—',
  },
};

/** A figure as a reader sees it on screen: "75 %", "3 h 10 min", "12". */
const shareText = (v: FigureValue, fmt: Formatter) => (v.value === null ? '—' : fmt.percent(v.value));

function cutColumns(w: Record<string, string>, first: string): string[] {
  return [first, w.orders!, w.delivered!, w.onTime!, w.otif!, w.problems!, w.cancelled!, w.avg!];
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
  const w = W[lang];
  const fmt = formatterFor(lang);
  const periodText = (p: { from: string; to: string }) => `${fmt.isoDay(p.from)} – ${fmt.isoDay(p.to)}`;
  const sheets: SheetSpec[] = [
    {
      name: w.summary!,
      preamble: [
        [w.period!, periodText(data.period)],
        [w.previous!, periodText(data.previous)],
        [w.computed!, fmt.dateTime(data.computedAt)],
        [w.source!, data.source === 'local' ? w.local! : w.server!],
        [],
      ],
      header: [w.figure!, w.value!, w.counted!, w.of!, w.previous!, w.definition!],
      rows: FIGURE_IDS.map((id) => {
        const v = data.headline[id];
        const shareLike = FIGURES[id].kind === 'share';
        return [FIGURE_NAMES[lang][id], figureText(id, v, fmt), shareLike ? v.hits : null, shareLike ? v.members : null, figureText(id, data.previousHeadline[id], fmt), FIGURES[id].definition[lang]];
      }),
      widths: [26, 16, 12, 12, 16, 90],
    },
    {
      name: w.byDay!,
      header: [w.day!, w.orders!, w.delivered!, w.onTime!],
      rows: data.byDay.map((d) => [fmt.isoDay(d.day), d.orders, d.delivered, shareText(d.onTime, fmt)]),
      widths: [14, 10, 12, 10],
    },
    {
      name: w.problems!,
      header: [w.reason!, w.orders!],
      rows: data.problemsByReason.map((p) => [REASON_NAMES[lang][p.reason], p.orders]),
      widths: [28, 10],
    },
    {
      name: w.deliveryTime!,
      header: [w.range!, w.orders!],
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
      name: w.drivers!,
      header: [...cutColumns(w, CUT_NAMES[lang].driver), w.onTimeDeliveries!, w.marksOnTime!, w.perDay!, w.km!],
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
      name: w.list!,
      header: [w.number!, w.created!, w.status!, w.service!, w.customer!, w.carriedBy!, w.carrier!, w.deadline!, w.deliveredAt!, w.problems!, w.hit!],
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
        o.hit === null ? '' : o.hit ? w.yes! : w.no!,
      ]),
      widths: [14, 18, 14, 12, 28, 18, 24, 18, 18, 28, 10],
      textColumns: [1],
    },
  ];
  const data64 = (await writeXlsx(sheets, now)).toString('base64');
  return { fileName: `report-${data.period.from}-${data.period.to}-${fileDay(now, fmt.offsetMinutes)}.xlsx`, mimeType: XLSX_MIME, dataBase64: data64, rows: orders.rows.length };
}
