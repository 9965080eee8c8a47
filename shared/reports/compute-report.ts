// A report from order facts: the headline (this period and the one before), the series the
// charts draw, and the cuts. Pure: the caller fetches the facts (shared/reports/order-fact.ts)
// and the names, and passes `now` (hanging orders and OTIF depend on it).
import { PROBLEM_REASONS, type ProblemReason } from '../domain/vocabulary';
import {
  DELIVERY_TIME_BUCKETS_MS,
  FIGURE_IDS,
  FIGURES,
  deliveredOnTime,
  deliveryTimeBucket,
  deliveryTimeMs,
  hadProblem,
  isCancelled,
  isDelivered,
  markMeasurable,
  markOnTime,
  quantile,
  type FigureDefinition,
  type FigureId,
} from './kpi-definitions';
import { carriedBy, type OrderFact } from './order-fact';
import { localDay, periodDays, type ReportPeriod } from './report-period';

export const CUT_DIMENSIONS = ['region', 'driver', 'customer', 'service', 'courier', 'carrier'] as const;
export type CutDimension = (typeof CUT_DIMENSIONS)[number];

/** A figure's value with what it was computed from, so a share reads "95 % (190 of 200)". */
export interface FigureValue {
  /** null when there is nothing to compute it over (a share of 0 orders). */
  value: number | null;
  hits: number;
  members: number;
}

export interface DayPoint {
  day: string;
  orders: number;
  delivered: number;
  onTime: FigureValue;
}

export interface CutRow {
  key: string;
  /** The entity's name (region, driver, customer, carrier); null where the key is a vocabulary word (service, courier). */
  name: string | null;
  orders: number;
  delivered: number;
  onTime: FigureValue;
  otif: FigureValue;
  problems: number;
  cancelled: number;
  avgDeliveryMs: number | null;
}

export interface DriverReportRow extends CutRow {
  onTimeDeliveries: number;
  marksOnTime: FigureValue;
  ordersPerDay: number;
  /** Along the GPS track in the period; null when the tracks are not at hand (a local report). */
  km: number | null;
}

export interface ReportData {
  period: ReportPeriod;
  previous: ReportPeriod;
  computedAt: number;
  /** Where it was computed: this desktop's replica, or the central server. */
  source: 'local' | 'server';
  headline: Record<FigureId, FigureValue>;
  previousHeadline: Record<FigureId, FigureValue>;
  byDay: DayPoint[];
  problemsByReason: Array<{ reason: ProblemReason; orders: number }>;
  deliveryTimes: Array<{ bucket: number; fromMs: number; toMs: number | null; orders: number }>;
  cuts: Record<Exclude<CutDimension, 'driver'>, CutRow[]>;
  drivers: DriverReportRow[];
  /** How many rows each cut had before it was cut to CUT_ROW_LIMIT (the largest first). */
  cutSizes: Record<CutDimension, number>;
  kmAvailable: boolean;
}

/** A cut shows its largest rows; the rest are in the drill-down and the export of the orders. */
export const CUT_ROW_LIMIT = 300;

type TableCut = Exclude<CutDimension, 'driver'>;
const TABLE_CUTS = CUT_DIMENSIONS.filter((d): d is TableCut => d !== 'driver');

/**
 * The cut tables as a report carries them, whichever way the rows were computed (fact by fact
 * here, from SQL sums in report-sql.ts): each table's largest CUT_ROW_LIMIT rows, and its size.
 */
export function cutTables(rowsOf: (dimension: TableCut) => CutRow[], drivers: readonly DriverReportRow[]): Pick<ReportData, 'cuts' | 'drivers' | 'cutSizes'> {
  const full = TABLE_CUTS.map((d) => [d, rowsOf(d)] as const);
  return {
    cuts: Object.fromEntries(full.map(([d, rows]) => [d, rows.slice(0, CUT_ROW_LIMIT)])) as ReportData['cuts'],
    drivers: drivers.slice(0, CUT_ROW_LIMIT),
    cutSizes: { ...(Object.fromEntries(full.map(([d, rows]) => [d, rows.length])) as Record<TableCut, number>), driver: drivers.length },
  };
}

/** Names of the entities facts refer to by id. */
export interface ReportNames {
  region: ReadonlyMap<string, string>;
  driver: ReadonlyMap<string, string>;
  carrier: ReadonlyMap<string, string>;
}

export function share(hits: number, members: number): FigureValue {
  return { value: members === 0 ? null : hits / members, hits, members };
}

export function figureValue(def: FigureDefinition, facts: readonly OrderFact[], now: number): FigureValue {
  const members = facts.filter((f) => def.members(f, now));
  if (def.kind === 'count') return { value: members.length, hits: members.length, members: members.length };
  if (def.kind === 'share') {
    const hit = def.hit as (f: OrderFact) => boolean;
    return share(members.filter(hit).length, members.length);
  }
  const measure = def.measure as (f: OrderFact) => number;
  const values = members.map(measure);
  if (values.length === 0) return { value: null, hits: 0, members: 0 };
  const value = def.statistic === 'p90' ? quantile(values.sort((a, b) => a - b), 90) : values.reduce((a, b) => a + b, 0) / values.length;
  return { value, hits: values.length, members: values.length };
}

export function headline(facts: readonly OrderFact[], now: number): Record<FigureId, FigureValue> {
  return Object.fromEntries(FIGURE_IDS.map((id) => [id, figureValue(FIGURES[id], facts, now)])) as Record<FigureId, FigureValue>;
}

/** The key an order has in a cut; null = not in that cut (e.g. no driver). */
export function cutKey(dimension: CutDimension, f: OrderFact): string | null {
  switch (dimension) {
    case 'region':
      return f.regionId;
    case 'driver':
      return f.driverId;
    case 'customer':
      // Orders from shops may name a customer without a customer row: the name is the key then.
      return f.customerId ?? `name:${f.customerName}`;
    case 'service':
      return f.serviceType;
    case 'courier':
      return carriedBy(f) === 'courier' ? f.courierProvider : null;
    case 'carrier':
      return carriedBy(f) === 'carrier' ? f.carrierId : null;
  }
}

/**
 * cutKey's SQL twin: the key column of each cut over a fact row (carried-by as CARRIED_BY_SQL:
 * an own driver wins over a courier service, which wins over a carrier).
 */
export const CUT_KEY_SQL: Readonly<Record<CutDimension, string>> = {
  region: 'regionId',
  driver: 'driverId',
  customer: `coalesce(customerId, 'name:' || customerName)`,
  service: 'serviceType',
  courier: 'CASE WHEN driverId IS NULL THEN courierProvider END',
  carrier: 'CASE WHEN driverId IS NULL AND courierProvider IS NULL THEN carrierId END',
};

function groupBy(facts: readonly OrderFact[], key: (f: OrderFact) => string | null): Map<string, OrderFact[]> {
  const groups = new Map<string, OrderFact[]>();
  for (const f of facts) {
    const k = key(f);
    if (k === null) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  return groups;
}

function cutRow(key: string, name: string | null, facts: readonly OrderFact[], now: number): CutRow {
  const delivered = facts.filter(isDelivered);
  return {
    key,
    name,
    orders: facts.length,
    delivered: delivered.length,
    onTime: figureValue(FIGURES.onTime, facts, now),
    otif: figureValue(FIGURES.otif, facts, now),
    problems: facts.filter(hadProblem).length,
    cancelled: facts.filter(isCancelled).length,
    avgDeliveryMs: figureValue(FIGURES.avgDeliveryTime, facts, now).value,
  };
}

/**
 * A cut row's name, whichever way the row was computed: an entity's name from the names read
 * with the report (its key when it has none), the customer's as its orders spell it, and none for
 * a vocabulary word (service, courier: the reader's language names those).
 */
export function cutName(dimension: CutDimension, key: string, names: ReportNames, customerName: () => string | null): string | null {
  switch (dimension) {
    case 'region':
      return names.region.get(key) ?? key;
    case 'driver':
      return names.driver.get(key) ?? key;
    case 'carrier':
      return names.carrier.get(key) ?? key;
    case 'customer':
      return customerName() ?? key;
    case 'service':
    case 'courier':
      return null;
  }
}

/** Of several spellings of a customer's name, the first in code-point order (SQL's min(): the same answer however the orders were read). */
function firstCustomerName(facts: readonly OrderFact[]): string | null {
  return facts.reduce<string | null>((min, f) => (min === null || f.customerName < min ? f.customerName : min), null);
}

export function cut(dimension: CutDimension, facts: readonly OrderFact[], names: ReportNames, now: number): CutRow[] {
  return [...groupBy(facts, (f) => cutKey(dimension, f))]
    .map(([key, group]) => cutRow(key, cutName(dimension, key, names, () => firstCustomerName(group)), group, now))
    .sort((a, b) => b.orders - a.orders || a.key.localeCompare(b.key));
}

export function driverTable(facts: readonly OrderFact[], names: ReportNames, now: number, kmByDriver: ReadonlyMap<string, number> | null): DriverReportRow[] {
  return [...groupBy(facts, (f) => f.driverId)]
    .map(([key, group]) => {
      const days = new Set(group.map((f) => localDay(f.createdAt))).size;
      const measurable = group.filter(markMeasurable);
      return {
        ...cutRow(key, cutName('driver', key, names, () => firstCustomerName(group)), group, now),
        onTimeDeliveries: group.filter(deliveredOnTime).length,
        marksOnTime: share(measurable.filter(markOnTime).length, measurable.length),
        ordersPerDay: days === 0 ? 0 : group.length / days,
        km: kmByDriver === null ? null : (kmByDriver.get(key) ?? 0),
      };
    })
    .sort((a, b) => b.orders - a.orders || a.key.localeCompare(b.key));
}

export interface ComputeInput {
  period: ReportPeriod;
  previous: ReportPeriod;
  facts: readonly OrderFact[];
  previousFacts: readonly OrderFact[];
  names: ReportNames;
  now: number;
  source: 'local' | 'server';
  /** Km per driver over the period from GPS tracks, or null where tracks are not kept. */
  kmByDriver: ReadonlyMap<string, number> | null;
}

export function computeReport(input: ComputeInput): ReportData {
  const { facts, now, names } = input;
  const byDayGroups = groupBy(facts, (f) => localDay(f.createdAt));
  const byDay = periodDays(input.period).map((day) => {
    const g = byDayGroups.get(day) ?? [];
    return { day, orders: g.length, delivered: g.filter(isDelivered).length, onTime: figureValue(FIGURES.onTime, g, now) };
  });
  const reasonCounts = new Map<ProblemReason, number>();
  for (const f of facts) for (const r of f.problemReasons) reasonCounts.set(r, (reasonCounts.get(r) ?? 0) + 1);
  const bucketCounts = DELIVERY_TIME_BUCKETS_MS.map(() => 0);

  const drivers = driverTable(facts, names, now, input.kmByDriver);
  for (const f of facts) if (isDelivered(f)) bucketCounts[deliveryTimeBucket(deliveryTimeMs(f))]! += 1;
  return {
    period: input.period,
    previous: input.previous,
    computedAt: now,
    source: input.source,
    headline: headline(facts, now),
    previousHeadline: headline(input.previousFacts, now),
    byDay,
    problemsByReason: PROBLEM_REASONS.filter((r) => reasonCounts.has(r))
      .map((reason) => ({ reason, orders: reasonCounts.get(reason) as number }))
      .sort((a, b) => b.orders - a.orders),
    deliveryTimes: bucketCounts.map((orders, bucket) => ({
      bucket,
      fromMs: DELIVERY_TIME_BUCKETS_MS[bucket] as number,
      toMs: DELIVERY_TIME_BUCKETS_MS[bucket + 1] ?? null,
      orders,
    })),
    ...cutTables((d) => cut(d, facts, names, now), drivers),
    kmAvailable: input.kmByDriver !== null,
  };
}
