// A report aggregated inside SQLite: one statement per stretch of days sums every figure's
// members and hits per group (the whole period, each day, each cut's key, each delivery-time
// bar) with the SQL twins of the definitions in kpi-definitions.ts, and only those sums cross
// into JavaScript (a few thousand rows for 80,000 orders, instead of 80,000 facts). Stretches
// are added together here; the answer is the ReportData computeReport gives from the facts,
// which main/reports/report-sql.test.ts checks on the same orders.
import { PROBLEM_REASONS, type ProblemReason } from '../domain/vocabulary';
import {
  CUT_DIMENSIONS,
  CUT_KEY_SQL,
  cutName,
  cutTables,
  share,
  type CutDimension,
  type CutRow,
  type DriverReportRow,
  type FigureValue,
  type ReportData,
  type ReportNames,
} from './compute-report';
import { DELIVERY_TIME_BUCKETS_MS, FACT_SQL, FIGURE_IDS, FIGURES, deliveryTimeBucketSql, quantile, reasonColumn, type FigureId } from './kpi-definitions';
import { factCte } from './order-fact';
import { dayOfNumber, localDaySql, periodDays, type ReportFilters, type ReportPeriod } from './report-period';

/** Groups a statement returns: the whole stretch, its days, the cuts, the delivery-time bars, p90's values. */
type Dimension = 'all' | 'day' | CutDimension | 'bucket' | 'p90';

/** The sums over one group, as the statement names its columns. */
interface Sums {
  orders: number;
  /** Per figure: members, hits (shares), the measure's sum (durations). */
  m: Record<FigureId, number>;
  h: Record<FigureId, number>;
  s: Record<FigureId, number>;
  onTimeDeliveries: number;
  marksMembers: number;
  marksHits: number;
  /** Days the group had orders on (stretches never share a day, so days add up). */
  days: number;
  /** The first spelling of the customer's name (code-point order). */
  customerName: string | null;
  reasons: Record<ProblemReason, number>;
}

/**
 * What each order adds to its groups' sums: [column, its value for one order (0/1 or ms)]. The
 * values are computed once per order (in `f`), the groups only add them up.
 */
const PER_ORDER: Array<[string, (now: number) => string]> = [
  ['orders', () => '1'],
  ...FIGURE_IDS.flatMap((id) => {
    const sql = FIGURES[id].sql;
    const out: Array<[string, (now: number) => string]> = [[`m_${id}`, (now) => sql.members(now)]];
    if (sql.hit !== undefined) out.push([`h_${id}`, (now) => `(${sql.members(now)} AND ${sql.hit})`]);
    if (sql.measure !== undefined) out.push([`s_${id}`, (now) => `(CASE WHEN ${sql.members(now)} THEN ${sql.measure} ELSE 0 END)`]);
    return out;
  }),
  ['onTimeDeliveries', () => FACT_SQL.deliveredOnTime],
  ['marksMembers', () => FACT_SQL.markMeasurable],
  ['marksHits', () => FACT_SQL.markOnTime],
];
/** Sums only some groups need: the others leave them NULL (read as 0) and skip the work. */
const DAYS = 'count(DISTINCT day)';
const CUSTOMER_NAME = 'min(customerName)';
const REASONS = PROBLEM_REASONS.map((r): [string, string] => [`n_${r}`, `sum(${reasonColumn(r)})`]);
const COLUMNS = [...PER_ORDER.map(([name]) => name), 'days', 'customerName', ...REASONS.map(([name]) => name)];

/** The sums a cut's row is made of (cutRowFromSums), and a day's (byDay). */
const CUT_SUMS = ['orders', 'm_delivered', 'm_onTime', 'h_onTime', 'm_otif', 'h_otif', 'h_problemShare', 'h_cancelledShare', 'm_avgDeliveryTime', 's_avgDeliveryTime'];
const DRIVER_SUMS = [...CUT_SUMS, 'onTimeDeliveries', 'marksMembers', 'marksHits'];
const DAY_SUMS = ['orders', 'm_delivered', 'm_onTime', 'h_onTime'];

/**
 * The SELECT list of one group: the sums it needs, NULL (read as 0) for the rest. Every sum is
 * paid on every order of the group, so a group asks only for what its rows show.
 */
function sums(want: readonly string[] | 'all', extra: { days?: boolean; customerName?: boolean; reasons?: boolean }): string {
  return [
    ...PER_ORDER.map(([name]) => (want === 'all' || want.includes(name) ? `sum(x_${name}) AS ${name}` : `NULL AS ${name}`)),
    `${extra.days === true ? DAYS : 'NULL'} AS days`,
    `${extra.customerName === true ? CUSTOMER_NAME : 'NULL'} AS customerName`,
    ...REASONS.map(([name, expr]) => `${extra.reasons === true ? expr : 'NULL'} AS ${name}`),
  ].join(', ');
}

export type ReportSqlScope = 'full' | 'headline';

/**
 * The statement for orders created in [startMs, endMs) that pass the filters: one row per group
 * (dim, key, sums). 'headline' asks for the whole stretch only (the comparison period).
 */
export function reportSql(startMs: number, endMs: number, filters: ReportFilters, now: number, scope: ReportSqlScope): { sql: string; params: Array<string | number> } {
  const cte = factCte(startMs, endMs, filters);
  const perOrder = PER_ORDER.map(([name, expr]) => `${expr(now)} AS x_${name}`);
  const all = `SELECT 'all' AS dim, NULL AS key, ${sums('all', { reasons: true })} FROM f`;
  // p90 needs the values themselves: one text of them per stretch, sorted in JavaScript.
  const p90 = `SELECT 'p90', group_concat(x_s_p90DeliveryTime), ${COLUMNS.map((c) => `NULL AS ${c}`).join(', ')} FROM f WHERE x_m_p90DeliveryTime`;
  if (scope === 'headline') {
    // Two reads of f: not worth writing it down.
    const sql = `WITH ${cte.with},
f AS (SELECT ${[...PROBLEM_REASONS.map(reasonColumn), ...perOrder].join(', ')} FROM fact)
${all}
UNION ALL
${p90}`;
    return { sql, params: cte.params };
  }
  const branches = [all, p90, `SELECT 'day', day, ${sums(DAY_SUMS, {})} FROM f GROUP BY day`];
  for (const d of CUT_DIMENSIONS) {
    const driver = d === 'driver';
    branches.push(`SELECT '${d}', k_${d}, ${sums(driver ? DRIVER_SUMS : CUT_SUMS, { days: driver, customerName: d === 'customer' })} FROM f WHERE k_${d} IS NOT NULL GROUP BY k_${d}`);
  }
  branches.push(`SELECT 'bucket', bucket, ${sums(['orders'], {})} FROM f WHERE x_m_delivered GROUP BY bucket`);
  const columns = [
    'customerName',
    ...PROBLEM_REASONS.map(reasonColumn),
    `${localDaySql('createdAt')} AS day`,
    `${deliveryTimeBucketSql(FACT_SQL.deliveryTimeMs)} AS bucket`,
    ...CUT_DIMENSIONS.map((d) => `${CUT_KEY_SQL[d]} AS k_${d}`),
    ...perOrder,
  ];
  // f is written down once (each order's keys and what it adds to each sum) and read by each group.
  const sql = `WITH ${cte.with},
f AS MATERIALIZED (SELECT ${columns.join(', ')} FROM fact)
${branches.join('\nUNION ALL\n')}`;
  return { sql, params: cte.params };
}

/** The sums of several stretches, added up as their rows arrive. */
export class ReportSums {
  private readonly groups = new Map<string, Sums>();
  private readonly p90Values: number[] = [];

  add(rows: readonly unknown[]): void {
    for (const raw of rows) {
      const r = raw as Record<string, string | number | null>;
      const dim = r.dim as Dimension;
      if (dim === 'p90') {
        if (typeof r.key === 'string' && r.key !== '') for (const v of r.key.split(',')) this.p90Values.push(Number(v));
        continue;
      }
      const key = dim === 'day' ? dayOfNumber(Number(r.key)) : String(r.key);
      const id = `${dim}\u0000${key}`;
      const into = this.groups.get(id) ?? emptySums();
      this.groups.set(id, into);
      const n = (c: string) => Number(r[c] ?? 0);
      into.orders += n('orders');
      for (const f of FIGURE_IDS) {
        into.m[f] += n(`m_${f}`);
        into.h[f] += n(`h_${f}`);
        into.s[f] += n(`s_${f}`);
      }
      into.onTimeDeliveries += n('onTimeDeliveries');
      into.marksMembers += n('marksMembers');
      into.marksHits += n('marksHits');
      into.days += n('days');
      const name = r.customerName;
      if (typeof name === 'string' && (into.customerName === null || name < into.customerName)) into.customerName = name;
      for (const reason of PROBLEM_REASONS) into.reasons[reason] += n(`n_${reason}`);
    }
  }

  /** The groups of one dimension, by key. */
  of(dim: Exclude<Dimension, 'p90'>): Map<string, Sums> {
    const out = new Map<string, Sums>();
    const prefix = `${dim}\u0000`;
    for (const [id, s] of this.groups) if (id.startsWith(prefix)) out.set(id.slice(prefix.length), s);
    return out;
  }

  all(): Sums {
    return this.of('all').get('null') ?? emptySums();
  }

  headline(): Record<FigureId, FigureValue> {
    const all = this.all();
    const sorted = [...this.p90Values].sort((a, b) => a - b);
    return Object.fromEntries(FIGURE_IDS.map((id) => [id, id === 'p90DeliveryTime' ? p90Value(sorted) : figureFromSums(id, all)])) as Record<FigureId, FigureValue>;
  }
}

function emptySums(): Sums {
  const zeros = () => Object.fromEntries(FIGURE_IDS.map((id) => [id, 0])) as Record<FigureId, number>;
  return {
    orders: 0,
    m: zeros(),
    h: zeros(),
    s: zeros(),
    onTimeDeliveries: 0,
    marksMembers: 0,
    marksHits: 0,
    days: 0,
    customerName: null,
    reasons: Object.fromEntries(PROBLEM_REASONS.map((r) => [r, 0])) as Record<ProblemReason, number>,
  };
}

/** A figure from its sums, as compute-report's figureValue makes it from the facts. */
function figureFromSums(id: FigureId, s: Sums): FigureValue {
  const def = FIGURES[id];
  const members = s.m[id];
  if (def.kind === 'count') return { value: members, hits: members, members };
  if (def.kind === 'share') return share(s.h[id], members);
  if (members === 0) return { value: null, hits: 0, members: 0 };
  return { value: s.s[id] / members, hits: members, members };
}

function p90Value(sorted: readonly number[]): FigureValue {
  if (sorted.length === 0) return { value: null, hits: 0, members: 0 };
  return { value: quantile(sorted, 90), hits: sorted.length, members: sorted.length };
}

function cutRowFromSums(key: string, name: string | null, s: Sums): CutRow {
  return {
    key,
    name,
    orders: s.orders,
    delivered: s.m.delivered,
    onTime: figureFromSums('onTime', s),
    otif: figureFromSums('otif', s),
    problems: s.h.problemShare,
    cancelled: s.h.cancelledShare,
    avgDeliveryMs: figureFromSums('avgDeliveryTime', s).value,
  };
}

const byOrders = (a: CutRow, b: CutRow) => b.orders - a.orders || a.key.localeCompare(b.key);

export interface SumsReportInput {
  period: ReportPeriod;
  previous: ReportPeriod;
  sums: ReportSums;
  previousSums: ReportSums;
  names: ReportNames;
  now: number;
  source: 'local' | 'server';
  kmByDriver: ReadonlyMap<string, number> | null;
}

/** The report from the period's sums ('full') and the previous period's ('headline'). */
export function reportFromSums(input: SumsReportInput): ReportData {
  const { sums, names } = input;
  const cutRows = (d: CutDimension) => [...sums.of(d)].map(([key, s]) => cutRowFromSums(key, cutName(d, key, names, () => s.customerName), s)).sort(byOrders);
  const days = sums.of('day');
  const all = sums.all();
  const buckets = sums.of('bucket');
  const drivers: DriverReportRow[] = [...sums.of('driver')]
    .map(([key, s]) => ({
      ...cutRowFromSums(key, cutName('driver', key, names, () => s.customerName), s),
      onTimeDeliveries: s.onTimeDeliveries,
      marksOnTime: share(s.marksHits, s.marksMembers),
      ordersPerDay: s.days === 0 ? 0 : s.orders / s.days,
      km: input.kmByDriver === null ? null : (input.kmByDriver.get(key) ?? 0),
    }))
    .sort(byOrders);

  return {
    period: input.period,
    previous: input.previous,
    computedAt: input.now,
    source: input.source,
    headline: sums.headline(),
    previousHeadline: input.previousSums.headline(),
    byDay: periodDays(input.period).map((day) => {
      const s = days.get(day) ?? emptySums();
      return { day, orders: s.orders, delivered: s.m.delivered, onTime: figureFromSums('onTime', s) };
    }),
    problemsByReason: PROBLEM_REASONS.filter((r) => all.reasons[r] > 0)
      .map((reason) => ({ reason, orders: all.reasons[reason] }))
      .sort((a, b) => b.orders - a.orders),
    deliveryTimes: DELIVERY_TIME_BUCKETS_MS.map((fromMs, bucket) => ({
      bucket,
      fromMs,
      toMs: DELIVERY_TIME_BUCKETS_MS[bucket + 1] ?? null,
      orders: buckets.get(String(bucket))?.orders ?? 0,
    })),
    ...cutTables(cutRows, drivers),
    kmAvailable: input.kmByDriver !== null,
  };
}
