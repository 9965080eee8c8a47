// Reading a report's inputs through an injected SQL reader: the desktop passes its replica,
// the server its database, the benchmark either. The statements and the order of work are the
// same on every side; only the connection differs.
import type { ReportData, ReportNames } from './compute-report';
import { drillDown, type DrillRow, type DrillSpec } from './drill-down';
import { factQuery, toFact, type OrderFact, type OrderFactRecord } from './order-fact';
import { DAY_MS, resolvePeriod, type ReportFilters, type ReportPeriod, type ReportQuery } from './report-period';
import { ReportSums, reportFromSums, reportSql, type ReportSqlScope } from './report-sql';

/** A read-only way to run one statement; rows as SQLite returns them. */
export type SqlReader = (sql: string, params: ReadonlyArray<string | number>) => unknown[];

export type ReportRefusal = { field: string; message: string };

export function loadFacts(read: SqlReader, period: Pick<ReportPeriod, 'startMs' | 'endMs'>, filters: ReportFilters): OrderFact[] {
  const { sql, params } = factQuery(period.startMs, period.endMs, filters);
  return (read(sql, params) as OrderFactRecord[]).map(toFact);
}

export function loadNames(read: SqlReader): ReportNames {
  const map = (sql: string) => new Map((read(sql, []) as Array<{ id: string; name: string }>).map((r) => [r.id, r.name]));
  return {
    region: map('SELECT id, name FROM regions'),
    driver: map('SELECT id, name FROM drivers'),
    carrier: map('SELECT id, name FROM carriers'),
  };
}

/**
 * Hands the event loop back between steps (setImmediate on either side). A year of orders is
 * read one day at a time with a pause between, so the process answering the report (the
 * console's main, the sync server) keeps serving others while it counts.
 */
export type Pause = () => Promise<void>;
const noPause: Pause = () => Promise.resolve();

export async function loadFactsInSteps(read: SqlReader, period: Pick<ReportPeriod, 'startMs' | 'endMs'>, filters: ReportFilters, pause: Pause): Promise<OrderFact[]> {
  const out: OrderFact[] = [];
  for (let start = period.startMs; start < period.endMs; start += DAY_MS) {
    for (const f of loadFacts(read, { startMs: start, endMs: Math.min(period.endMs, start + DAY_MS) }, filters)) out.push(f);
    await pause();
  }
  return out;
}

/**
 * Days one report statement covers. The statement's time is the longest the process answering
 * the report holds still (a week of a 1,000,000-orders-a-year company is ~20,000 orders); the
 * sums of the stretches are added in JavaScript.
 */
export const REPORT_STRETCH_DAYS = 7;

/** A period's sums, a stretch of days at a time with the loop handed back between stretches. */
export async function loadSums(read: SqlReader, period: Pick<ReportPeriod, 'startMs' | 'endMs'>, filters: ReportFilters, now: number, scope: ReportSqlScope, pause: Pause): Promise<ReportSums> {
  const sums = new ReportSums();
  for (let start = period.startMs; start < period.endMs; start += REPORT_STRETCH_DAYS * DAY_MS) {
    const { sql, params } = reportSql(start, Math.min(period.endMs, start + REPORT_STRETCH_DAYS * DAY_MS), filters, now, scope);
    sums.add(read(sql, params));
    await pause();
  }
  return sums;
}

const FILTER_TABLES = { warehouseId: 'warehouses', regionId: 'regions', customerId: 'customers' } as const;

/** A filter naming a warehouse, region or customer we do not have is refused, not answered with zeros. */
export function unknownFilterId(read: SqlReader, filters: ReportFilters): ReportRefusal | null {
  for (const [field, table] of Object.entries(FILTER_TABLES) as Array<[keyof typeof FILTER_TABLES, string]>) {
    const value = filters[field];
    if (value === undefined) continue;
    if (read(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [value]).length === 0) return { field, message: `${field}: no such ${table.slice(0, -1)} ${JSON.stringify(value.slice(0, 60))}` };
  }
  return null;
}

function filtersOf(q: ReportQuery): ReportFilters {
  const { from: _from, to: _to, ...filters } = q;
  return filters;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & ReportRefusal);

export async function buildReport(
  read: SqlReader,
  q: ReportQuery,
  now: number,
  source: 'local' | 'server',
  kmByDriver: (period: ReportPeriod) => ReadonlyMap<string, number> | null = () => null,
  pause: Pause = noPause,
): Promise<Checked<ReportData>> {
  const checked = resolvePeriod(q, now);
  if (!checked.ok) return checked;
  const filters = filtersOf(q);
  const unknown = unknownFilterId(read, filters);
  if (unknown) return { ok: false, ...unknown };
  const sums = await loadSums(read, checked.period, filters, now, 'full', pause);
  const previousSums = await loadSums(read, checked.previous, filters, now, 'headline', pause);
  const km = kmByDriver(checked.period);
  await pause();
  const value = reportFromSums({ period: checked.period, previous: checked.previous, sums, previousSums, names: loadNames(read), now, source, kmByDriver: km });
  return { ok: true, value };
}

export async function buildDrill(
  read: SqlReader,
  q: ReportQuery,
  spec: DrillSpec,
  now: number,
  page: { offset: number; limit: number },
  pause: Pause = noPause,
): Promise<Checked<{ total: number; rows: DrillRow[] }>> {
  const checked = resolvePeriod(q, now);
  if (!checked.ok) return checked;
  const filters = filtersOf(q);
  const unknown = unknownFilterId(read, filters);
  if (unknown) return { ok: false, ...unknown };
  const facts = await loadFactsInSteps(read, spec.previous === true ? checked.previous : checked.period, filters, pause);
  return { ok: true, value: drillDown(facts, spec, loadNames(read), now, page) };
}
