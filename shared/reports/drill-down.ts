// The orders behind a figure: any number on the Reports tab (a headline figure, a day of the
// chart, a problem reason, a delivery-time bar, a cut's cell) names its orders with one
// `DrillSpec`, answered by the same predicates the figure was computed with.
import { z } from 'zod';
import { PROBLEM_REASONS, type OrderStatus, type ProblemReason, type ServiceType } from '../domain/vocabulary';
import { CUT_DIMENSIONS, cutKey } from './compute-report';
import { DELIVERY_TIME_BUCKETS_MS, FIGURE_IDS, FIGURES, deliveryTimeBucket, deliveryTimeMs, isDelivered } from './kpi-definitions';
import { carriedBy, type OrderFact } from './order-fact';
import { localDay, type CarriedBy } from './report-period';

export const DRILL_PAGE_MAX = 1000;
/** Most orders one export carries: a year of a busy company's orders in one sheet is too many. */
export const DRILL_EXPORT_MAX = 100_000;

export const drillSpecSchema = z
  .object({
    /** The period before the chosen one (the headline's comparison). */
    previous: z.boolean().optional(),
    figure: z.enum(FIGURE_IDS).optional(),
    /** Only the members the figure counts as hits (e.g. the late ones of on-time: hits false). */
    hits: z.boolean().optional(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD').optional(),
    reason: z.enum(PROBLEM_REASONS).optional(),
    bucket: z.number().int().min(0).max(DELIVERY_TIME_BUCKETS_MS.length - 1).optional(),
    cut: z.object({ dimension: z.enum(CUT_DIMENSIONS), key: z.string().min(1).max(300) }).strict().optional(),
  })
  .strict();
export type DrillSpec = z.infer<typeof drillSpecSchema>;

export interface DrillRow {
  id: string;
  number: string;
  createdAt: number;
  status: OrderStatus;
  serviceType: ServiceType;
  customerName: string;
  carriedBy: CarriedBy;
  /** The driver's, carrier's name or the courier service's key (a word the UI translates). */
  carrier: string | null;
  deadline: number | null;
  deliveredAt: number | null;
  problemReasons: ProblemReason[];
  /** For a share: whether this order counts as a hit; null when the figure is no share. */
  hit: boolean | null;
}

export function drillFilter(spec: DrillSpec, now: number): (f: OrderFact) => boolean {
  const def = spec.figure === undefined ? null : FIGURES[spec.figure];
  return (f) => {
    if (spec.cut !== undefined && cutKey(spec.cut.dimension, f) !== spec.cut.key) return false;
    if (spec.day !== undefined && localDay(f.createdAt) !== spec.day) return false;
    if (spec.reason !== undefined && !f.problemReasons.includes(spec.reason)) return false;
    if (spec.bucket !== undefined && !(isDelivered(f) && deliveryTimeBucket(deliveryTimeMs(f)) === spec.bucket)) return false;
    if (def !== null) {
      if (!def.members(f, now)) return false;
      if (spec.hits !== undefined && def.hit !== undefined && def.hit(f) !== spec.hits) return false;
    }
    return true;
  };
}

export function drillRow(f: OrderFact, spec: DrillSpec, names: { driver: ReadonlyMap<string, string>; carrier: ReadonlyMap<string, string> }): DrillRow {
  const def = spec.figure === undefined ? null : FIGURES[spec.figure];
  const by = carriedBy(f);
  const carrier =
    by === 'own' ? (names.driver.get(f.driverId as string) ?? f.driverId) : by === 'carrier' ? (names.carrier.get(f.carrierId as string) ?? f.carrierId) : by === 'courier' ? f.courierProvider : null;
  return {
    id: f.id,
    number: f.number,
    createdAt: f.createdAt,
    status: f.status,
    serviceType: f.serviceType,
    customerName: f.customerName,
    carriedBy: by,
    carrier,
    deadline: f.deadline,
    deliveredAt: f.deliveredAt,
    problemReasons: f.problemReasons,
    hit: def?.hit === undefined ? null : def.hit(f),
  };
}

/** The matching orders, newest first, and how many there are in all. */
export function drillDown(
  facts: readonly OrderFact[],
  spec: DrillSpec,
  names: { driver: ReadonlyMap<string, string>; carrier: ReadonlyMap<string, string> },
  now: number,
  page: { offset: number; limit: number },
): { total: number; rows: DrillRow[] } {
  const matching = facts.filter(drillFilter(spec, now)).sort((a, b) => b.createdAt - a.createdAt || a.number.localeCompare(b.number));
  return { total: matching.length, rows: matching.slice(page.offset, page.offset + page.limit).map((f) => drillRow(f, spec, names)) };
}
