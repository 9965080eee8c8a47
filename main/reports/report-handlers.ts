// The Reports tab's methods. A period the replica holds (shared/reports: LOCAL_REPORT_DAYS) is
// computed here from the replica, offline too; an older one (or `where: 'server'`, for the GPS
// distances only the server keeps) is fetched from the server, computed there by the same
// definitions. Either way the answer says where it came from.
import type { ApiHandlers } from '../../shared/api/contract';
import { REPORT_ROLES, type ReportWhere } from '../../shared/api/reports-api';
import { DRILL_EXPORT_MAX, type DrillSpec } from '../../shared/reports/drill-down';
import { periodIsLocal, resolvePeriod, type ReportQuery } from '../../shared/reports/report-period';
import { buildDrill, buildReport, type Checked, type SqlReader } from '../../shared/reports/report-source';
import type { UserRole } from '../../shared/domain/vocabulary';
import type { ReadonlyReplica } from '../db/open-replica';
import { ApiFailure } from '../api/api-failure';
import { exportReport } from './report-export';
import type { ServerReports } from './server-reports';

type Methods = 'report' | 'reportOrders' | 'exportReport';

export interface ReportDeps {
  replica: ReadonlyReplica;
  server: ServerReports;
  now(): number;
  /** The signed-in user's role; null before the server has welcomed us. */
  role(): UserRole | null;
}

export function replicaReader(replica: ReadonlyReplica): SqlReader {
  return (sql, params) => replica.prepareRead(sql).all(...params);
}

/** Main also answers the console's other calls and sync: hand the loop back between days of orders. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function unwrap<T>(r: Checked<T>): T {
  if (!r.ok) throw new ApiFailure('invalid_request', r.message, { field: r.field });
  return r.value;
}

export function reportHandlers(deps: ReportDeps): Pick<ApiHandlers, Methods> {
  const read = replicaReader(deps.replica);
  const allowed = () => {
    const role = deps.role();
    if (role === null || !REPORT_ROLES.includes(role)) throw new ApiFailure('forbidden', 'Reports are for supervisors, admins and dispatchers');
  };
  /** Local when the replica holds the period and its comparison; refusals of the period are the same either way. */
  const isLocal = (q: ReportQuery, where: ReportWhere, now: number): boolean => {
    const checked = resolvePeriod(q, now);
    if (!checked.ok) throw new ApiFailure('invalid_request', checked.message, { field: checked.field });
    return where === 'auto' && periodIsLocal(checked.period, checked.previous, now);
  };
  const report = async (q: ReportQuery, where: ReportWhere) => {
    allowed();
    const now = deps.now();
    return isLocal(q, where, now) ? unwrap(await buildReport(read, q, now, 'local', () => null, pause)) : deps.server.report(q);
  };
  const orders = async (q: ReportQuery, drill: DrillSpec, page: { offset: number; limit: number }, where: ReportWhere) => {
    allowed();
    const now = deps.now();
    if (isLocal(q, where, now)) return { ...unwrap(await buildDrill(read, q, drill, now, page, pause)), source: 'local' as const };
    return { ...(await deps.server.orders(q, drill, page)), source: 'server' as const };
  };
  return {
    report: (a) => report(a.query, a.where),
    reportOrders: (a) => orders(a.query, a.drill, { offset: a.offset, limit: a.limit }, a.where),
    async exportReport(a) {
      const data = await report(a.query, a.where);
      const drill = a.drill ?? {};
      const list = await orders(a.query, drill, { offset: 0, limit: DRILL_EXPORT_MAX }, a.where);
      return exportReport({ data, drill, orders: list, lang: a.language, now: deps.now() });
    },
  };
}
