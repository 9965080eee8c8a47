// The three charts: orders and on-time share by day, problems by reason, the delivery-time
// distribution. Every label and number comes from the locale formatter; a click on a day or a
// bar lists its orders.
import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { ReportData } from '../../../../shared/reports/compute-report';
import { bucketLabel, REASON_NAMES } from '../../../../shared/reports/report-labels';
import { useT } from '../../i18n/use-t';
import { openDrill } from './store';
import { bars, categoryAxis, UPlotChart } from './UPlotChart';

const COLORS = { orders: '#9db8e8', delivered: '#2f6fde', onTime: '#1f8a4c', problem: '#d0342c', time: '#5b6573' };

export function Charts({ data }: { data: ReportData }) {
  const r = useT();
  const { fmt, lang } = r;

  const byDay = useMemo(() => {
    const cat = categoryAxis(data.byDay.map((d) => fmt.isoDayShort(d.day)));
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { ...cat.scales, n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, pct: { range: [0, 100] } },
      axes: [
        cat.axis,
        { scale: 'n', values: (_u, v) => v.map((x) => fmt.number(x, 0)) },
        { scale: 'pct', side: 1, grid: { show: false }, values: (_u, v) => v.map((x) => fmt.percent(x / 100)) },
      ],
      series: [
        { label: r('reports.s_day'), value: (_u, i) => (i === null ? '' : fmt.isoDay(data.byDay[i]?.day ?? '')) },
        { label: r('reports.s_orders'), scale: 'n', fill: COLORS.orders, stroke: COLORS.orders, paths: bars, value: (_u, v) => (v === null ? '' : fmt.number(v, 0)) },
        { label: r('reports.s_delivered'), scale: 'n', fill: COLORS.delivered, stroke: COLORS.delivered, paths: bars, value: (_u, v) => (v === null ? '' : fmt.number(v, 0)) },
        { label: r('reports.s_onTime'), scale: 'pct', stroke: COLORS.onTime, width: 2, points: { show: true, size: 5 }, value: (_u, v) => (v === null ? '—' : fmt.percent(v / 100)) },
      ],
    };
    const series: uPlot.AlignedData = [
      data.byDay.map((_, i) => i),
      data.byDay.map((d) => d.orders),
      data.byDay.map((d) => d.delivered),
      data.byDay.map((d) => (d.onTime.value === null ? null : d.onTime.value * 100)),
    ];
    return { options, series };
  }, [data, fmt, r]);

  const reasons = useMemo(() => {
    const labels = data.problemsByReason.map((p) => REASON_NAMES[lang][p.reason]);
    const cat = categoryAxis(labels);
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { ...cat.scales, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ ...cat.axis, size: 40 }, { values: (_u, v) => v.map((x) => fmt.number(x, 0)) }],
      legend: { show: false },
      series: [{}, { label: r('reports.s_orders'), fill: COLORS.problem, stroke: COLORS.problem, paths: bars }],
    };
    return { options, series: [labels.map((_, i) => i), data.problemsByReason.map((p) => p.orders)] as uPlot.AlignedData };
  }, [data, fmt, lang, r]);

  const times = useMemo(() => {
    const labels = data.deliveryTimes.map((b) => bucketLabel(b.bucket, fmt));
    const cat = categoryAxis(labels);
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { ...cat.scales, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [cat.axis, { values: (_u, v) => v.map((x) => fmt.number(x, 0)) }],
      legend: { show: false },
      series: [{}, { label: r('reports.s_delivered'), fill: COLORS.time, stroke: COLORS.time, paths: bars }],
    };
    return { options, series: [labels.map((_, i) => i), data.deliveryTimes.map((b) => b.orders)] as uPlot.AlignedData };
  }, [data, fmt, r]);

  return (
    <section className="report-charts" aria-label={r('reports.charts')}>
      <figure className="report-figure report-figure-wide">
        <figcaption>{r('reports.c_byDay')}</figcaption>
        <UPlotChart
          options={byDay.options}
          data={byDay.series}
          height={220}
          label={r('reports.c_byDay')}
          onPick={(i) => {
            const d = data.byDay[i];
            if (d) void openDrill({ day: d.day }, fmt.isoDay(d.day));
          }}
        />
      </figure>
      <figure className="report-figure">
        <figcaption>{r('reports.c_reasons')}</figcaption>
        {data.problemsByReason.length === 0 ? (
          <div className="empty">{r('reports.noProblems')}</div>
        ) : (
          <UPlotChart
            options={reasons.options}
            data={reasons.series}
            height={200}
            label={r('reports.c_reasons')}
            onPick={(i) => {
              const p = data.problemsByReason[i];
              if (p) void openDrill({ reason: p.reason }, REASON_NAMES[lang][p.reason]);
            }}
          />
        )}
      </figure>
      <figure className="report-figure">
        <figcaption>{r('reports.c_times')}</figcaption>
        <UPlotChart
          options={times.options}
          data={times.series}
          height={200}
          label={r('reports.c_times')}
          onPick={(i) => void openDrill({ bucket: i }, `${r('reports.c_times')}: ${bucketLabel(i, fmt)}`)}
        />
      </figure>
    </section>
  );
}
