// The server's report endpoints as the desktop calls them: GET /api/reports and
// GET /api/reports/orders with the user's own token (the server checks the role). The query
// travels as URL parameters (no token in them); the drill spec flattened the same way the
// server's route reads it (server/reports/reports-route.ts).
import type { ReportData } from '../../shared/reports/compute-report';
import type { DrillRow, DrillSpec } from '../../shared/reports/drill-down';
import type { ReportQuery } from '../../shared/reports/report-period';
import type { SettingsStore } from '../settings/settings-store';
import { ApiFailure } from '../api/api-failure';

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

export function serverReports(settings: SettingsStore, fetchFn: typeof fetch = fetch): ServerReports {
  const get = async (path: string, params: URLSearchParams): Promise<unknown> => {
    const s = settings.get();
    if (s.serverUrl === null || s.token === null) throw new ApiFailure('unavailable', 'No server is configured: this period is computed by the server');
    let res: Response;
    try {
      res = await fetchFn(`${s.serverUrl.replace(/\/+$/, '')}${path}?${params.toString()}`, { headers: { authorization: `Bearer ${s.token}` } });
    } catch (e) {
      throw new ApiFailure('unavailable', `The server computes this period and can't be reached: ${(e as Error).message}`);
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the status says enough
    }
    if (res.ok) return body;
    const message = (body as { message?: string } | null)?.message ?? `The server answered ${res.status}`;
    const code = res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : res.status === 400 || res.status === 422 ? 'invalid_request' : res.status === 404 ? 'not_found' : 'unavailable';
    throw new ApiFailure(code, message);
  };
  return {
    report: async (q) => (await get('/api/reports', reportParams(q))) as ReportData,
    orders: async (q, drill, page) => (await get('/api/reports/orders', reportParams(q, drill, page))) as { total: number; rows: DrillRow[] },
  };
}
