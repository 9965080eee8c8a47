// When the daily summary is due and how it reads (issue 17): the company's day boundary
// (UTC+5, the reports' clock; the computer's own zone and its summer time are tried in
// server/reports/daily-summary.test.ts, where a test may set process.env.TZ), and the words through the one
// formatter in Russian and English.
import { describe, expect, it } from 'vitest';
import type { FigureValue } from './compute-report';
import { composeDailySummary, dueSummaryDay, escapeHtml, localMinute, type SummarySection } from './daily-summary';
import { FIGURE_IDS, type FigureId } from './kpi-definitions';
import { presetDays } from './report-period';

const at = (iso: string) => Date.parse(iso);

describe('dueSummaryDay', () => {
  it('is yesterday on the company clock from the send time on, nothing before it', () => {
    // 08:00 in Almaty (UTC+5) on 2 December is 03:00 UTC.
    expect(dueSummaryDay(at('2026-12-02T02:59:59.999Z'), 480)).toBeNull();
    expect(dueSummaryDay(at('2026-12-02T03:00:00Z'), 480)).toBe('2026-12-01');
    expect(dueSummaryDay(at('2026-12-02T18:59:59Z'), 480)).toBe('2026-12-01');
  });

  it('the day turns at local midnight (19:00 UTC), not at UTC midnight', () => {
    // 00:10 local on 3 December is 19:10 UTC on 2 December: yesterday is 2 December, not 1 December.
    expect(dueSummaryDay(at('2026-12-02T19:10:00Z'), 5)).toBe('2026-12-02');
    expect(dueSummaryDay(at('2026-12-02T19:04:00Z'), 5)).toBeNull();
    expect(dueSummaryDay(at('2026-12-02T18:59:00Z'), 5)).toBe('2026-12-01');
    expect(localMinute(at('2026-12-02T19:10:00Z'))).toBe(10);
    // Its day is exactly the Reports tab's "yesterday".
    const now = at('2026-12-02T19:10:00Z');
    expect(dueSummaryDay(now, 0)).toBe(presetDays('yesterday', now).from);
  });

  it('23:59 and 00:00 send times, and a new year', () => {
    expect(dueSummaryDay(at('2026-12-31T18:58:59Z'), 1439)).toBeNull();
    expect(dueSummaryDay(at('2026-12-31T18:59:00Z'), 1439)).toBe('2026-12-30');
    expect(dueSummaryDay(at('2026-12-31T19:00:00Z'), 0)).toBe('2026-12-31');
  });
});

const v = (value: number | null, hits = 0, members = 0): FigureValue => ({ value, hits, members });
function headline(over: Partial<Record<FigureId, FigureValue>> = {}): Record<FigureId, FigureValue> {
  const base: Record<FigureId, FigureValue> = {
    orders: v(123, 123, 123),
    delivered: v(101, 101, 101),
    otif: v(0.95, 95, 100),
    onTime: v(0.9, 90, 100),
    avgDeliveryTime: v(2 * 3_600_000 + 12 * 60_000, 101, 101),
    p90DeliveryTime: v(5 * 3_600_000, 101, 101),
    problemShare: v(0.02, 2, 100),
    cancelledShare: v(0.01, 1, 100),
    hanging: v(3, 3, 3),
  };
  return { ...base, ...over };
}

describe('composeDailySummary', () => {
  const sections: SummarySection[] = [
    { name: null, headline: headline() },
    { name: 'Склад <Алматы> & "1"', headline: headline({ orders: v(2, 2, 2), otif: v(null) }) },
  ];

  it('Russian: the date, plural forms, percents and durations from the formatter', () => {
    const m = composeDailySummary('2026-12-01', 'ru', sections);
    expect(m.subject).toBe('Сводка за 01.12.2026: 123 заказа, OTIF 95\u00a0%');
    expect(m.text).toContain('Все склады\n  Заказы: 123\n  Доставлено: 101\n  OTIF: 95\u00a0% (95 из 100)');
    expect(m.text).toContain('  Среднее время доставки: 2 ч 12 мин');
    expect(m.text).toContain('Склад <Алматы> & "1"\n  Заказы: 2');
    expect(m.text).toContain('  OTIF: —');
    // Every headline figure, in each block.
    expect(m.text.split('\n').filter((l) => l.startsWith('  ')).length).toBe(FIGURE_IDS.length * 2);
    expect(composeDailySummary('2026-12-01', 'ru', [{ name: null, headline: headline({ orders: v(21, 21, 21) }) }]).subject).toMatch(/21 заказ,/);
    expect(composeDailySummary('2026-12-01', 'ru', [{ name: null, headline: headline({ orders: v(5, 5, 5) }) }]).subject).toMatch(/5 заказов,/);
  });

  it('English: its own date form and plural', () => {
    const m = composeDailySummary('2026-12-01', 'en', sections);
    expect(m.subject).toBe('Summary for 01/12/2026: 123 orders, OTIF 95%');
    expect(m.text).toContain('All warehouses\n  Orders: 123');
    expect(m.text).toContain('OTIF: 95% (95 of 100)');
    expect(m.text).toContain('Average delivery time: 2 hrs 12 mins');
    expect(composeDailySummary('2026-12-01', 'en', [{ name: null, headline: headline({ orders: v(1, 1, 1), otif: v(null) }) }]).subject).toBe('Summary for 01/12/2026: 1 order');
  });

  it('the HTML body escapes names and carries no links, scripts or images', () => {
    const { html } = composeDailySummary('2026-12-01', 'ru', [...sections, { name: '<script>alert(1)</script><a href="http://x">', headline: headline() }]);
    expect(html).toContain('Склад &lt;Алматы&gt; &amp; &quot;1&quot;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;');
    expect(html).not.toMatch(/<script|<a |<img|<link|<style|url\(/i);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
