// The orders behind the figure just clicked: number, when, status, who carried it, deadline,
// hand-over and whether it counts; a click on a number opens the order card on the console.
// It says where the list came from: this computer's copy, or the server for orders older than
// the copy keeps (paged the same way); a server out of reach is said in words, with a retry.
import { useEffect, useRef } from 'react';
import { CARRIED_BY_NAMES, providerName, REASON_NAMES, STATUS_NAMES } from '../../../../shared/reports/report-labels';
import { LOCAL_REPORT_DAYS } from '../../../../shared/reports/report-period';
import { useT } from '../../i18n/use-t';
import { closeDrill, loadDrillPage, openReportOrder, useReportsStore } from './store';

export function DrillPanel() {
  const r = useT();
  const { fmt, lang } = r;
  const drill = useReportsStore((s) => s.drill);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [drill?.spec]);
  if (drill === null) return null;
  const page = drill.page;
  return (
    <aside className="report-drill" aria-label={r('reports.drillTitle', { what: drill.title })} onKeyDown={(e) => e.key === 'Escape' && closeDrill()}>
      <header className="report-drill-head">
        <h2 ref={heading} tabIndex={-1}>
          {r('reports.drillTitle', { what: drill.title })}
        </h2>
        {page !== null && <span className="report-note">{r('reports.drillCount', { n: page.total })}</span>}
        <button type="button" className="btn btn-small" onClick={closeDrill}>
          {r('reports.close')}
        </button>
      </header>
      {page !== null && (
        <div className="report-note" data-testid="drill-source">
          {r(page.source === 'server' ? 'reports.drillFromServer' : 'reports.drillFromLocal', { days: LOCAL_REPORT_DAYS })}
        </div>
      )}
      {drill.error && (
        <div className="error-text" role="alert">
          {drill.unreachable ? r('reports.drillUnreachable', { days: LOCAL_REPORT_DAYS }) : drill.error}{' '}
          <button type="button" className="btn btn-small" disabled={drill.loading} onClick={() => void loadDrillPage(page?.rows.length ?? 0)}>
            {r('reports.retry')}
          </button>
        </div>
      )}
      {page !== null && (
        <div className="report-table-wrap">
          <table className="report-table report-drill-table">
            <thead>
              <tr>
                <th scope="col">{r('reports.h_number')}</th>
                <th scope="col">{r('reports.h_created')}</th>
                <th scope="col">{r('reports.h_status')}</th>
                <th scope="col">{r('reports.h_customer')}</th>
                <th scope="col">{r('reports.h_carrier')}</th>
                <th scope="col">{r('reports.h_deadline')}</th>
                <th scope="col">{r('reports.h_delivered')}</th>
                <th scope="col">{r('reports.h_counted')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <button type="button" className="report-link" aria-label={r('reports.open', { number: o.number })} onClick={() => openReportOrder(o.number)}>
                      {o.number}
                    </button>
                  </th>
                  <td className="tabular">{fmt.dateTime(o.createdAt)}</td>
                  <td>
                    {STATUS_NAMES[lang][o.status]}
                    {o.problemReasons.length > 0 && <span className="report-note"> · {o.problemReasons.map((x) => REASON_NAMES[lang][x]).join(', ')}</span>}
                  </td>
                  <td>{o.customerName}</td>
                  <td>
                    {o.carrier === null ? CARRIED_BY_NAMES[lang][o.carriedBy] : o.carriedBy === 'courier' ? providerName(o.carrier, lang) : o.carrier}
                  </td>
                  <td className="tabular">{o.deadline === null ? '—' : fmt.dateTime(o.deadline)}</td>
                  <td className="tabular">{o.deliveredAt === null ? '—' : fmt.dateTime(o.deliveredAt)}</td>
                  <td className={o.hit === false ? 'report-miss' : undefined}>{o.hit === null ? '' : o.hit ? r('reports.yes') : r('reports.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.rows.length < page.total && (
            <button type="button" className="btn" disabled={drill.loading} onClick={() => void loadDrillPage(page.rows.length)}>
              {r('reports.more')}
            </button>
          )}
        </div>
      )}
      {drill.loading && page === null && <div className="empty">{r('reports.loading')}</div>}
    </aside>
  );
}
