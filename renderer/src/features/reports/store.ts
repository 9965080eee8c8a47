// The Reports tab's state and actions. The report itself is computed in main (or fetched by
// main from the server for long ranges): the renderer only asks and draws, so the tab stays
// responsive while a year is counted. A newer request wins; an older answer is dropped.
import { create } from 'zustand';
import type { ReportOrdersPage, ReportWhere } from '../../../../shared/api/reports-api';
import type { ReportData } from '../../../../shared/reports/compute-report';
import type { DrillSpec } from '../../../../shared/reports/drill-down';
import { presetDays, type PeriodPreset, type ReportFilters } from '../../../../shared/reports/report-period';
import { api, errorMessage } from '../../api/client';
import { startLatestRequest, type RequestTicket } from '../../ui/latest-request';
import { saveBase64File } from '../../ui/file-base64';
import { showScreen } from '../../app/layout-store';
import { clockNow } from '../clock/store';
import { openOrderByNumber } from '../archive/store';

export type PeriodChoice = PeriodPreset | 'custom';

export interface DrillView {
  spec: DrillSpec;
  /** What was clicked, in words ("OTIF · not counted"). */
  title: string;
  page: ReportOrdersPage | null;
  loading: boolean;
  error: string | null;
  /** The orders are the server's (older than the replica holds) and it could not be reached. */
  unreachable: boolean;
}

export interface ReportsState {
  choice: PeriodChoice;
  from: string;
  to: string;
  filters: ReportFilters;
  where: ReportWhere;
  data: ReportData | null;
  loading: boolean;
  error: string | null;
  /** Where the wait is: computing here or fetching from the server (the period decides). */
  drill: DrillView | null;
  exporting: boolean;
  warehouses: Array<{ id: string; name: string }>;
  /** The report asked last (latest-request.ts): a slower older period never replaces a newer one. */
  reportRequest: RequestTicket;
}

const initial = (): ReportsState => ({
  choice: 'last30',
  ...presetDays('last30', clockNow()),
  filters: {},
  where: 'auto',
  data: null,
  loading: false,
  error: null,
  drill: null,
  exporting: false,
  warehouses: [],
  reportRequest: null,
});

export const useReportsStore = create<ReportsState>(initial);

export function resetReportsStore(): void {
  useReportsStore.setState(initial());
}

function query() {
  const { from, to, filters } = useReportsStore.getState();
  return { from, to, ...filters };
}

export async function loadReport(): Promise<void> {
  const latest = startLatestRequest(useReportsStore, 'reportRequest');
  useReportsStore.setState({ loading: true, error: null });
  try {
    const data = await api().report({ query: query(), where: useReportsStore.getState().where });
    if (latest()) useReportsStore.setState({ data, loading: false });
  } catch (err) {
    if (latest()) useReportsStore.setState({ error: errorMessage(err), loading: false });
  }
}

export async function loadReportWarehouses(): Promise<void> {
  try {
    const list = await api().listWarehouses();
    useReportsStore.setState({ warehouses: list.map((w) => ({ id: w.id, name: w.name })) });
  } catch {
    // The filter offers what it has; the report itself shows errors.
  }
}

export function choosePreset(choice: PeriodPreset): Promise<void> {
  useReportsStore.setState({ choice, ...presetDays(choice, clockNow()), drill: null });
  return loadReport();
}

/** A custom range; the days are checked by main (and the server), which name what is wrong. */
export function chooseRange(from: string, to: string): Promise<void> {
  useReportsStore.setState({ choice: 'custom', from, to, drill: null });
  return loadReport();
}

export function setReportFilter<K extends keyof ReportFilters>(key: K, value: ReportFilters[K] | undefined): Promise<void> {
  useReportsStore.setState((s) => {
    const filters = { ...s.filters };
    if (value === undefined) delete filters[key];
    else filters[key] = value;
    return { filters, drill: null };
  });
  return loadReport();
}

/** The server also has the GPS distances; a local period may be asked of it on purpose. */
export function setReportWhere(where: ReportWhere): Promise<void> {
  useReportsStore.setState({ where });
  return loadReport();
}

const DRILL_PAGE = 200;

export async function openDrill(spec: DrillSpec, title: string): Promise<void> {
  useReportsStore.setState({ drill: { spec, title, page: null, loading: true, error: null, unreachable: false } });
  await loadDrillPage(0);
}

export async function loadDrillPage(offset: number): Promise<void> {
  const drill = useReportsStore.getState().drill;
  if (drill === null) return;
  useReportsStore.setState({ drill: { ...drill, loading: true, error: null, unreachable: false } });
  try {
    const page = await api().reportOrders({ query: query(), drill: drill.spec, offset, limit: DRILL_PAGE, where: useReportsStore.getState().where });
    const now = useReportsStore.getState().drill;
    if (now?.spec !== drill.spec) return;
    const rows = offset === 0 || now.page === null ? page.rows : [...now.page.rows, ...page.rows];
    useReportsStore.setState({ drill: { ...now, page: { ...page, rows }, loading: false } });
  } catch (err) {
    const now = useReportsStore.getState().drill;
    // main says 'unavailable' when the server computes this period and can't be reached.
    const unreachable = (err as { code?: unknown } | null)?.code === 'unavailable';
    if (now?.spec === drill.spec) useReportsStore.setState({ drill: { ...now, loading: false, error: errorMessage(err), unreachable } });
  }
}

export function closeDrill(): void {
  useReportsStore.setState({ drill: null });
}

/**
 * The order card lives on the console: open it there. By number, so an order of a server-computed
 * period that this desktop does not keep opens from the server's archive (read-only).
 */
export function openReportOrder(number: string): void {
  showScreen('console');
  void openOrderByNumber(number);
}

/** The view (figures, cuts and the orders of the open drill-down, else the period's) as XLSX. */
export async function exportReportView(language: 'ru' | 'en', done: (rows: number, file: string) => void): Promise<void> {
  const { drill, where } = useReportsStore.getState();
  useReportsStore.setState({ exporting: true, error: null });
  try {
    const file = await api().exportReport({ query: query(), ...(drill ? { drill: drill.spec } : {}), language, where });
    saveBase64File(file);
    done(file.rows, file.fileName);
  } catch (err) {
    useReportsStore.setState({ error: errorMessage(err) });
  } finally {
    useReportsStore.setState({ exporting: false });
  }
}
