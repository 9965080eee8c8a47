// The supervisors' daily summary by e-mail: which day is due, its outbox id, and its words.
// The figures are the Reports tab's headline for "yesterday" (shared/reports: the same
// definitions, the same statement, the same period), one block for the whole company and one
// per warehouse; this file only says when and how they read. Pure: the server's scheduler
// (server/reports/daily-summary.ts) passes `now` and the computed headlines.
//
// The company's clock is the reports' one: a fixed UTC offset (shared/locale/format.ts), so the
// summary's "yesterday" is exactly the Reports tab's "yesterday", and a computer whose own zone
// changes to or from summer time moves neither the send time nor the day boundary.
import { DEFAULT_UTC_OFFSET_MINUTES, formatterFor, type Formatter } from '../locale/format';
import type { PluralForms } from '../locale/plural';
import type { FigureValue } from './compute-report';
import { FIGURE_IDS, FIGURES, type FigureId } from './kpi-definitions';
import { FIGURE_NAMES, figureText, type ReportLanguage } from './report-labels';
import { DAY_MS, presetDays } from './report-period';

/** The one settings row's id. */
export const DAILY_SUMMARY_SETTINGS_ID = 'company';
/** Until an admin chooses: 08:00, off, nobody. */
export const DEFAULT_DAILY_SUMMARY = { enabled: false, sendMinute: 8 * 60, recipientIds: [] as string[] } as const;
/** At most this many people get it (a company has a few supervisors). */
export const DAILY_SUMMARY_MAX_RECIPIENTS = 50;

/** The outbox id: one per company day and person, ever. */
export function dailySummaryId(day: string, userId: string): string {
  return `daily-summary:${day}:${userId}`;
}

/** Minutes since local midnight at `now` on the company's clock. */
export function localMinute(now: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  const local = now + offsetMinutes * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/**
 * The day whose summary is due at `now`: yesterday (the Reports tab's preset) once today's
 * send time has come, else null. A server that was down at the send time sends it when it
 * starts that day; the day after, it is yesterday's summary that is due, never an older one.
 */
export function dueSummaryDay(now: number, sendMinute: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string | null {
  if (localMinute(now, offsetMinutes) < sendMinute) return null;
  return presetDays('yesterday', now, offsetMinutes).from;
}

/** One block of the summary: the whole company (name null) or a warehouse. */
export interface SummarySection {
  name: string | null;
  headline: Record<FigureId, FigureValue>;
}

export interface ComposedSummary {
  subject: string;
  text: string;
  html: string;
}

const WORDS: Readonly<Record<ReportLanguage, { title: string; all: string; of: string; orders: PluralForms; footer: string }>> = {
  ru: {
    title: 'Сводка за {day}',
    all: 'Все склады',
    of: '{hits} из {members}',
    orders: { one: '# заказ', few: '# заказа', many: '# заказов', other: '# заказа' },
    footer: 'Показатели — как на вкладке «Отчёты» за вчера; определения там же, в подсказках. Письмо отправлено Маршрутом, отвечать на него не нужно.',
  },
  en: {
    title: 'Summary for {day}',
    all: 'All warehouses',
    of: '{hits} of {members}',
    orders: { one: '# order', other: '# orders' },
    footer: 'Figures as on the Reports tab for yesterday; their definitions are the tooltips there. Sent by Marshrut; no need to reply.',
  },
} as const;

/** One figure's value, with "N of M" for a share so the reader sees what it rests on. */
function valueText(id: FigureId, v: FigureValue, lang: ReportLanguage, fmt: Formatter): string {
  const main = figureText(id, v, fmt);
  if (FIGURES[id].kind !== 'share' || v.members === 0) return main;
  return `${main} (${WORDS[lang].of.replace('{hits}', fmt.number(v.hits, 0)).replace('{members}', fmt.number(v.members, 0))})`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text that reaches the HTML body (warehouse names are typed by people) goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * The e-mail: subject, plain text and a simple HTML body (a table per block, no links, no
 * images, no styles a mail client would strip), in the recipient's language, every number,
 * date and plural from the one formatter.
 */
export function composeDailySummary(day: string, lang: ReportLanguage, sections: readonly SummarySection[]): ComposedSummary {
  const fmt = formatterFor(lang);
  const w = WORDS[lang];
  const title = w.title.replace('{day}', fmt.isoDay(day));
  const total = sections.find((s) => s.name === null) ?? sections[0];
  const orders = total?.headline.orders.value ?? 0;
  const otif = total?.headline.otif;
  const subjectParts = [fmt.plural(orders, w.orders)];
  if (otif !== undefined && otif.value !== null) subjectParts.push(`OTIF ${fmt.percent(otif.value)}`);
  const subject = `${title}: ${subjectParts.join(', ')}`;

  const blocks = sections.map((s) => ({
    name: s.name ?? w.all,
    rows: FIGURE_IDS.map((id) => [FIGURE_NAMES[lang][id], valueText(id, s.headline[id], lang, fmt)] as const),
  }));
  const text = [title, '', ...blocks.flatMap((b) => [b.name, ...b.rows.map(([n, v]) => `  ${n}: ${v}`), '']), w.footer, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    `<h1 style="font-size:18px">${escapeHtml(title)}</h1>`,
    ...blocks.map(
      (b) =>
        `<h2 style="font-size:15px;margin:16px 0 4px">${escapeHtml(b.name)}</h2>\n<table cellpadding="3" style="border-collapse:collapse">` +
        b.rows.map(([n, v]) => `<tr><td>${escapeHtml(n)}</td><td style="text-align:right"><b>${escapeHtml(v)}</b></td></tr>`).join('') +
        '</table>',
    ),
    `<p style="color:#666;font-size:12px">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
