// The Reports tab (supervisors, admins; dispatchers read the same): period and filters, the
// headline figures against the previous period, charts, the cuts, and the orders behind any
// figure. Computed in main from the replica for recent periods, by the server for older ones.
import { useEffect, useState } from 'react';
import { Charts } from './Charts';
import { CutTables } from './CutTables';
import { DrillPanel } from './DrillPanel';
import { Headline } from './Headline';
import { useT } from '../../i18n/use-t';
import { exportReportView, loadReport, loadReportWarehouses, setReportWhere, useReportsStore } from './store';
import { Toolbar } from './Toolbar';
import './reports.css';

export default function ReportsScreen() {
  const r = useT();
  const data = useReportsStore((s) => s.data);
  const loading = useReportsStore((s) => s.loading);
  const error = useReportsStore((s) => s.error);
  const where = useReportsStore((s) => s.where);
  const exporting = useReportsStore((s) => s.exporting);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void loadReportWarehouses();
    if (useReportsStore.getState().data === null) void loadReport();
  }, []);
  return (
    <div className="reports-screen" aria-busy={loading}>
      <header className="reports-head">
        <h1 className="reports-title">{r('reports.title')}</h1>
        <Toolbar />
        <div className="reports-actions">
          {data !== null && (
            <span className="report-note" role="status">
              {loading ? r('reports.loading') : r(data.source === 'local' ? 'reports.computedLocal' : 'reports.computedServer', { time: r.fmt.time(data.computedAt) })}
            </span>
          )}
          <button type="button" className="btn btn-small" onClick={() => void setReportWhere(where === 'auto' ? 'server' : 'auto')}>
            {where === 'auto' ? r('reports.askServer') : r('reports.askAuto')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={exporting || data === null}
            onClick={() => void exportReportView(r.lang, (n, file) => setSaved(r('reports.exported', { n, file })))}
          >
            {exporting ? r('reports.exporting') : r('reports.export')}
          </button>
        </div>
        {saved && <div className="report-note" role="status">{saved}</div>}
      </header>
      {error && (
        <div className="error-text" role="alert">
          {error}
        </div>
      )}
      {data === null ? (
        <div className="empty">{loading ? r('reports.loading') : r('reports.noData')}</div>
      ) : (
        <div className={loading ? 'reports-body reports-stale' : 'reports-body'}>
          <Headline data={data} />
          <DrillPanel />
          <Charts data={data} />
          <CutTables data={data} />
        </div>
      )}
    </div>
  );
}
