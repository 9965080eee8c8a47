// The server's report endpoints as the desktop calls them: GET /api/reports and
// GET /api/reports/orders with the user's own token (main/api/server-http.ts; the server checks
// the role), each answer checked by its shared schema (shared/reports/report-answer.ts). The
// query travels as URL parameters (no token in them); the drill spec flattened the same way the
// server's route reads it (server/reports/reports-route.ts).
import type { ReportData } from '../../shared/reports/compute-report';
import type { DrillRow, DrillSpec } from '../../shared/reports/drill-down';
import type { ReportQuery } from '../../shared/reports/report-period';
import type { SettingsStore } from '../settings/settings-store';
import { reportDataAnswer, drillPageAnswer } from '../../shared/reports/report-answer';
import { checkedServerCall } from '../api/server-http';

export interface ServerReports {
  report(q: ReportQuery): Promise<ReportData>;
  orders(q: ReportQuery, drill: DrillSpec, page: { offset: number; limit: number }): Promise<{ total: number; rows: DrillRow[] }>;
}

/** Query and drill as URL parameters: `cut=driver:d-1`, `hits=false`, `previous=true`. */
export function reportParams(q: ReportQuery, drill?: DrillSpec, page?: { offset: number; limit: number }): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  if (drill) {
    for (const [k, v] of Object.entries(drill)) {
      if (v === undefined) continue;
      if (k === 'cut') {
        const c = v as { dimension: string; key: string };
        p.set('cut', `${c.dimension}:${c.key}`);
      } else p.set(k, String(v));
    }
  }
  if (page) {
    p.set('offset', String(page.offset));
    p.set('limit', String(page.limit));
  }
  return p;
}

/** Reports need the server only for periods older than the replica keeps: say so when it is missing. */
const NO_SERVER = {
  notConfigured: 'No server is configured: this period is computed by the server',
  unreachable: "The server computes this period and can't be reached",
};

export function serverReports(settings: SettingsStore, fetchFn: typeof fetch = fetch): ServerReports {
  const call = checkedServerCall(settings, fetchFn, { noServer: NO_SERVER });
  return {
    report: (q) => call(reportDataAnswer, 'GET', `/api/reports?${reportParams(q).toString()}`),
    orders: (q, drill, page) => call(drillPageAnswer, 'GET', `/api/reports/orders?${reportParams(q, drill, page).toString()}`),
  };
}
