// The cuts as sortable tables: by region, driver, customer, service, courier service, carrier.
// Every count and share is a button listing its orders; a column header sorts.
import { useMemo, useState } from 'react';
import { CUT_DIMENSIONS, type CutDimension, type CutRow, type DriverReportRow, type FigureValue, type ReportData } from '../../../../shared/reports/compute-report';
import { DRIVER_COLUMN_DEFINITIONS, FIGURES, type FigureId } from '../../../../shared/reports/kpi-definitions';
import { CUT_NAMES, cutLabel } from '../../../../shared/reports/report-labels';
import type { DrillSpec } from '../../../../shared/reports/drill-down';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/translate';
import { openDrill } from './store';

type Column = {
  key: string;
  title: MessageKey;
  tip?: string;
  sort: (r: DriverReportRow) => number;
  cell: (r: DriverReportRow) => string;
  drill?: (r: CutRow) => { spec: Omit<DrillSpec, 'cut'>; what: string };
};

export function CutTables({ data }: { data: ReportData }) {
  const r = useT();
  const { fmt, lang } = r;
  const [dimension, setDimension] = useState<CutDimension>('driver');
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'orders', desc: true });
  const columns: Column[] = useMemo(() => {
    const share = (v: FigureValue) => (v.value === null ? '—' : fmt.percent(v.value));
    const figureDrill = (figure: FigureId, hits?: boolean) => () => ({
      spec: { figure, ...(hits === undefined ? {} : { hits }) },
      what: hits === false ? `${r(`reports.col_${figure}` as MessageKey)} · ${r('reports.notCounted')}` : r(`reports.col_${figure}` as MessageKey),
    });
    const base: Column[] = [
      { key: 'orders', title: 'reports.col_orders', sort: (x) => x.orders, cell: (x) => fmt.number(x.orders, 0), drill: () => ({ spec: {}, what: r('reports.col_orders') }) },
      { key: 'delivered', title: 'reports.col_delivered', tip: FIGURES.delivered.definition[lang], sort: (x) => x.delivered, cell: (x) => fmt.number(x.delivered, 0), drill: figureDrill('delivered') },
      { key: 'onTime', title: 'reports.col_onTime', tip: FIGURES.onTime.definition[lang], sort: (x) => x.onTime.value ?? -1, cell: (x) => share(x.onTime), drill: figureDrill('onTime', false) },
      { key: 'otif', title: 'reports.col_otif', tip: FIGURES.otif.definition[lang], sort: (x) => x.otif.value ?? -1, cell: (x) => share(x.otif), drill: figureDrill('otif', false) },
      { key: 'problems', title: 'reports.col_problems', tip: FIGURES.problemShare.definition[lang], sort: (x) => x.problems, cell: (x) => fmt.number(x.problems, 0), drill: () => ({ spec: { figure: 'problemShare', hits: true }, what: r('reports.col_problems') }) },
      { key: 'cancelled', title: 'reports.col_cancelled', sort: (x) => x.cancelled, cell: (x) => fmt.number(x.cancelled, 0), drill: () => ({ spec: { figure: 'cancelledShare', hits: true }, what: r('reports.col_cancelled') }) },
      { key: 'avg', title: 'reports.col_avg', tip: FIGURES.avgDeliveryTime.definition[lang], sort: (x) => x.avgDeliveryMs ?? -1, cell: (x) => (x.avgDeliveryMs === null ? '—' : fmt.duration(x.avgDeliveryMs)) },
    ];
    if (dimension !== 'driver') return base;
    return [
      ...base,
      { key: 'onTimeDeliveries', title: 'reports.col_onTimeDeliveries', tip: DRIVER_COLUMN_DEFINITIONS.onTimeDeliveries[lang], sort: (x) => x.onTimeDeliveries, cell: (x) => fmt.number(x.onTimeDeliveries, 0), drill: () => ({ spec: { figure: 'onTime', hits: true }, what: r('reports.col_onTimeDeliveries') }) },
      { key: 'marksOnTime', title: 'reports.col_marksOnTime', tip: DRIVER_COLUMN_DEFINITIONS.marksOnTime[lang], sort: (x) => x.marksOnTime.value ?? -1, cell: (x) => share(x.marksOnTime) },
      { key: 'ordersPerDay', title: 'reports.col_ordersPerDay', tip: DRIVER_COLUMN_DEFINITIONS.ordersPerDay[lang], sort: (x) => x.ordersPerDay, cell: (x) => fmt.number(x.ordersPerDay, 1) },
      { key: 'km', title: 'reports.col_km', tip: DRIVER_COLUMN_DEFINITIONS.km[lang], sort: (x) => x.km ?? -1, cell: (x) => (x.km === null ? '—' : fmt.km(x.km)) },
    ];
  }, [dimension, fmt, lang, r]);
  const rows: DriverReportRow[] = dimension === 'driver' ? data.drivers : (data.cuts[dimension] as DriverReportRow[]);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    return [...rows].sort((a, b) => (sort.desc ? col.sort(b) - col.sort(a) : col.sort(a) - col.sort(b)));
  }, [rows, columns, sort]);
  const total = data.cutSizes[dimension];
  return (
    <section className="report-cuts" aria-label={r('reports.cuts')}>
      <div className="report-cut-tabs" role="tablist">
        {CUT_DIMENSIONS.map((d) => (
          <button key={d} type="button" role="tab" className="btn btn-small" aria-selected={d === dimension} onClick={() => setDimension(d)}>
            {CUT_NAMES[lang][d]} <span className="count-badge">{fmt.number(data.cutSizes[d], 0)}</span>
          </button>
        ))}
      </div>
      {rows.length === 0 ? (
        <div className="empty">{r('reports.emptyCut')}</div>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{CUT_NAMES[lang][dimension]}</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col" title={c.tip} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="report-sort" aria-label={r('reports.sortBy', { column: r(c.title) })} onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : true }))}>
                      {r(c.title)}
                      {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => {
                const label = cutLabel(dimension, row, lang);
                return (
                  <tr key={row.key}>
                    <th scope="row">{label}</th>
                    {columns.map((c) => (
                      <td key={c.key} className="tabular">
                        {c.drill ? (
                          <button
                            type="button"
                            className="report-link"
                            onClick={() => {
                              const d = c.drill!(row);
                              void openDrill({ ...d.spec, cut: { dimension, key: row.key } }, `${label} · ${d.what}`);
                            }}
                          >
                            {c.cell(row)}
                          </button>
                        ) : (
                          c.cell(row)
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > rows.length && <div className="report-note">{r('reports.moreRows', { shown: fmt.number(rows.length, 0), total: fmt.number(total, 0) })}</div>}
        </div>
      )}
    </section>
  );
}
