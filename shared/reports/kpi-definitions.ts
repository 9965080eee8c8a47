// THE definitions of every report figure, written once: which orders a figure counts (its
// members: the orders behind it, what a drill-down lists) and, for a share, which of them are
// hits. The desktop (local replica), the server (long ranges) and the benchmark all compute
// through these predicates; the UI shows the `definition` texts as tooltips.
//
// Each predicate has its SQL twin right below it (FACT_SQL, and `sql` on each figure): the
// reports aggregate inside SQLite (80,000 orders' facts never cross into JavaScript), and
// main/reports/report-sql.test.ts runs every twin and its predicate over the same orders, hand-
// built edge cases and thousands of random ones, and fails on any order they disagree about.
// Change a rule here, in both languages, or that test goes red.
import { PROBLEM_REASONS } from '../domain/vocabulary';
import type { OrderFact } from './order-fact';

export const FIGURE_IDS = [
  'orders',
  'delivered',
  'otif',
  'onTime',
  'avgDeliveryTime',
  'p90DeliveryTime',
  'problemShare',
  'cancelledShare',
  'hanging',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** count: how many members; share: hits / members; duration: a statistic of `measure` over members. */
export type FigureKind = 'count' | 'share' | 'duration';

/** Problems that mean the order did not arrive in full. */
export const NOT_IN_FULL_REASONS = ['short_delivery', 'damaged'] as const;

/** A driver's "delivered" mark counts as made on time up to this long after the GPS arrival. */
export const MARK_ON_TIME_MS = 30 * 60_000;

const FINISHED = new Set(['delivered', 'closed', 'cancelled']);

export function isDelivered(f: OrderFact): boolean {
  return f.deliveredAt !== null && f.status !== 'cancelled';
}
export function isCancelled(f: OrderFact): boolean {
  return f.status === 'cancelled';
}
/** Delivered by the deadline: to the millisecond, so a minute late is late. */
export function deliveredOnTime(f: OrderFact): boolean {
  return isDelivered(f) && f.deadline !== null && (f.deliveredAt as number) <= f.deadline;
}
export function hadProblem(f: OrderFact): boolean {
  return f.problemReasons.length > 0;
}
export function inFull(f: OrderFact): boolean {
  return !f.problemReasons.some((r) => (NOT_IN_FULL_REASONS as readonly string[]).includes(r));
}
/** Still open (not delivered, closed or cancelled) with its deadline behind `now`. */
export function isHanging(f: OrderFact, now: number): boolean {
  return !FINISHED.has(f.status) && f.deliveredAt === null && f.deadline !== null && f.deadline < now;
}
/** Due for OTIF: not cancelled, has a deadline, and is either delivered or past it. */
export function isDue(f: OrderFact, now: number): boolean {
  return !isCancelled(f) && f.deadline !== null && (isDelivered(f) || f.deadline < now);
}
export function deliveryTimeMs(f: OrderFact): number {
  return (f.deliveredAt as number) - f.createdAt;
}
/** The driver's delivered mark has a GPS arrival to compare with. */
export function markMeasurable(f: OrderFact): boolean {
  return isDelivered(f) && f.driverId !== null && f.arrivedAt !== null && f.driverDeliveredAt !== null;
}
export function markOnTime(f: OrderFact): boolean {
  return markMeasurable(f) && (f.driverDeliveredAt as number) - (f.arrivedAt as number) <= MARK_ON_TIME_MS;
}

/**
 * The SQL twins of the predicates above, over a fact row whose columns are named as OrderFact's
 * fields (createdAt, status, deadline, deliveredAt, driverId, arrivedAt, driverDeliveredAt) plus
 * one 0/1 column per problem reason (`r_refused`, ...: the reason is in problemReasons). Every
 * expression is 0 or 1, never NULL, so sums count.
 */
export const reasonColumn = (reason: string): string => `r_${reason}`;
const DELIVERED_SQL = `(deliveredAt IS NOT NULL AND status <> 'cancelled')`;
const ON_TIME_SQL = `(${DELIVERED_SQL} AND deadline IS NOT NULL AND deliveredAt <= deadline)`;
const MEASURABLE_SQL = `(${DELIVERED_SQL} AND driverId IS NOT NULL AND arrivedAt IS NOT NULL AND driverDeliveredAt IS NOT NULL)`;
/** `now` goes into the text: it must be a whole number of ms (it always is: a clock reading). */
function nowSql(now: number): string {
  if (!Number.isSafeInteger(now)) throw new RangeError(`now must be whole ms, got ${now}`);
  return String(now);
}
export const FACT_SQL = {
  isDelivered: DELIVERED_SQL,
  isCancelled: `(status = 'cancelled')`,
  deliveredOnTime: ON_TIME_SQL,
  hadProblem: `(${PROBLEM_REASONS.map(reasonColumn).join(' OR ')})`,
  inFull: `(NOT (${NOT_IN_FULL_REASONS.map(reasonColumn).join(' OR ')}))`,
  isHanging: (now: number) =>
    `(status NOT IN (${[...FINISHED].map((x) => `'${x}'`).join(', ')}) AND deliveredAt IS NULL AND deadline IS NOT NULL AND deadline < ${nowSql(now)})`,
  isDue: (now: number) => `(status <> 'cancelled' AND deadline IS NOT NULL AND (${DELIVERED_SQL} OR deadline < ${nowSql(now)}))`,
  deliveryTimeMs: `(deliveredAt - createdAt)`,
  markMeasurable: MEASURABLE_SQL,
  markOnTime: `(${MEASURABLE_SQL} AND driverDeliveredAt - arrivedAt <= ${MARK_ON_TIME_MS})`,
} as const;

export interface FigureDefinition {
  id: FigureId;
  kind: FigureKind;
  /** The orders behind the figure: a drill-down lists these. */
  members(f: OrderFact, now: number): boolean;
  /** For a share: the members that count as hits. */
  hit?(f: OrderFact): boolean;
  /** For a duration: the member's value in ms. */
  measure?(f: OrderFact): number;
  /** For a duration: how members' values become the figure. */
  statistic?: 'mean' | 'p90';
  /** The SQL twins of members, hit and measure (see FACT_SQL). */
  sql: { members(now: number): string; hit?: string; measure?: string };
  /** Higher is better (true), lower is better (false): colours the change against the previous period. */
  higherIsBetter: boolean;
  /** The tooltip: what the figure counts, in each language the console speaks. */
  definition: { ru: string; en: string };
}

const all = () => true;

export const FIGURES: Readonly<Record<FigureId, FigureDefinition>> = {
  orders: {
    id: 'orders',
    kind: 'count',
    members: all,
    sql: { members: () => '1' },
    higherIsBetter: true,
    definition: {
      ru: 'Заказы, созданные в выбранные дни (по часовому поясу компании), с учётом фильтров. Отменённые тоже.',
      en: "Orders created on the chosen days (company time zone) that pass the filters, cancelled ones included.",
    },
  },
  delivered: {
    id: 'delivered',
    kind: 'count',
    members: isDelivered,
    sql: { members: () => FACT_SQL.isDelivered },
    higherIsBetter: true,
    definition: {
      ru: 'Из них доставлены (есть время вручения, заказ не отменён), в том числе закрытые.',
      en: 'Of those, delivered (a hand-over time is recorded and the order is not cancelled), closed ones included.',
    },
  },
  otif: {
    id: 'otif',
    kind: 'share',
    members: isDue,
    hit: (f) => deliveredOnTime(f) && inFull(f),
    sql: { members: FACT_SQL.isDue, hit: `(${FACT_SQL.deliveredOnTime} AND ${FACT_SQL.inFull})` },
    higherIsBetter: true,
    definition: {
      ru: 'OTIF, «вовремя и полностью»: доставлен не позже срока SLA и без недовложения или повреждения. Считаются заказы, срок которых уже прошёл или которые доставлены; отменённые и без срока не считаются. Цель — выше 95 %.',
      en: 'OTIF, on time in full: delivered by the SLA deadline with no short delivery or damage reported. Counts orders that are delivered or past their deadline; cancelled orders and orders without a deadline are left out. Target: above 95%.',
    },
  },
  onTime: {
    id: 'onTime',
    kind: 'share',
    members: (f) => isDelivered(f) && f.deadline !== null,
    hit: deliveredOnTime,
    sql: { members: () => `(${FACT_SQL.isDelivered} AND deadline IS NOT NULL)`, hit: FACT_SQL.deliveredOnTime },
    higherIsBetter: true,
    definition: {
      ru: 'Доля доставленных заказов, врученных не позже срока SLA (минута опоздания — уже опоздание). Срок учитывает рабочий календарь региона и праздники.',
      en: "Share of delivered orders handed over by the SLA deadline (a minute late is late). The deadline follows the region's working calendar and holidays.",
    },
  },
  avgDeliveryTime: {
    id: 'avgDeliveryTime',
    kind: 'duration',
    members: isDelivered,
    measure: deliveryTimeMs,
    statistic: 'mean',
    sql: { members: () => FACT_SQL.isDelivered, measure: FACT_SQL.deliveryTimeMs },
    higherIsBetter: false,
    definition: {
      ru: 'Среднее время от создания заказа до вручения, по доставленным заказам.',
      en: 'Mean time from the order being created to its hand-over, over delivered orders.',
    },
  },
  p90DeliveryTime: {
    id: 'p90DeliveryTime',
    kind: 'duration',
    members: isDelivered,
    measure: deliveryTimeMs,
    statistic: 'p90',
    sql: { members: () => FACT_SQL.isDelivered, measure: FACT_SQL.deliveryTimeMs },
    higherIsBetter: false,
    definition: {
      ru: '90-й процентиль времени доставки: 9 из 10 доставленных заказов вручены быстрее.',
      en: '90th percentile of delivery time: 9 in 10 delivered orders were handed over faster.',
    },
  },
  problemShare: {
    id: 'problemShare',
    kind: 'share',
    members: all,
    hit: hadProblem,
    sql: { members: () => '1', hit: FACT_SQL.hadProblem },
    higherIsBetter: false,
    definition: {
      ru: 'Доля заказов, у которых хоть раз была проблема (отказ, повреждение, недовложение, адрес не найден…), даже если её потом решили. Цель — ниже 2 %.',
      en: 'Share of orders that were ever a problem (refusal, damage, short delivery, address not found...), even if it was resolved later. Target: under 2%.',
    },
  },
  cancelledShare: {
    id: 'cancelledShare',
    kind: 'share',
    members: all,
    hit: isCancelled,
    sql: { members: () => '1', hit: FACT_SQL.isCancelled },
    higherIsBetter: false,
    definition: { ru: 'Доля отменённых заказов.', en: 'Share of cancelled orders.' },
  },
  hanging: {
    id: 'hanging',
    kind: 'count',
    members: isHanging,
    sql: { members: FACT_SQL.isHanging },
    higherIsBetter: false,
    definition: {
      ru: '«Зависшие»: заказы ещё не доставлены, не закрыты и не отменены, а срок SLA уже прошёл (на момент расчёта).',
      en: '"Hanging": orders not yet delivered, closed or cancelled whose SLA deadline has already passed (at the time of computing).',
    },
  },
};

/** Delivery-time histogram buckets: lower bounds in ms; the last bucket is open-ended. */
export const DELIVERY_TIME_BUCKETS_MS: readonly number[] = [0, 1, 2, 4, 8, 24, 48, 72].map((h) => h * 3_600_000);

export function deliveryTimeBucket(ms: number): number {
  let i = 0;
  while (i + 1 < DELIVERY_TIME_BUCKETS_MS.length && ms >= (DELIVERY_TIME_BUCKETS_MS[i + 1] as number)) i++;
  return i;
}

/** deliveryTimeBucket's SQL twin over an expression of ms. */
export function deliveryTimeBucketSql(ms: string): string {
  const steps = DELIVERY_TIME_BUCKETS_MS.map((lower, i) => ({ lower, i })).slice(1).reverse();
  return `(CASE ${steps.map(({ lower, i }) => `WHEN ${ms} >= ${lower} THEN ${i}`).join(' ')} ELSE 0 END)`;
}

/**
 * The 1-based nearest rank of the `percent`-th percentile among n values: ceil(percent x n / 100),
 * in whole numbers (0.9 x 70 is 63.00000000000001 in floating point, which would round up to 64).
 */
export function nearestRank(n: number, percent: number): number {
  return Math.max(1, Math.ceil((percent * n) / 100));
}

/** The `percent`-th percentile by the nearest-rank method (p90 of 10 values is the 9th smallest). */
export function quantile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, percent) - 1] as number;
}

/** Definitions of the driver table's own columns (tooltips). */
export const DRIVER_COLUMN_DEFINITIONS = {
  onTimeDeliveries: { ru: 'Сколько заказов водитель вручил не позже срока SLA.', en: 'How many orders the driver handed over by the SLA deadline.' },
  marksOnTime: {
    ru: 'Доля отметок «доставлен», сделанных водителем не позже чем через 30 минут после прибытия по GPS. Заказы без отметки прибытия не считаются.',
    en: 'Share of "delivered" marks the driver made within 30 minutes of the GPS arrival. Orders without an arrival mark are left out.',
  },
  problems: { ru: 'Заказы водителя, у которых была проблема.', en: "The driver's orders that were ever a problem." },
  ordersPerDay: { ru: 'Заказы водителя, делённые на число дней, в которые у него были заказы.', en: "The driver's orders divided by the days on which the driver had orders." },
  km: {
    ru: 'Пробег по GPS-треку за период (сумма расстояний между точками). Треки хранит сервер: в локальном отчёте пробега нет.',
    en: 'Distance along the GPS track in the period (sum of the legs between fixes). Tracks live on the server: a local report has no distance.',
  },
} as const;
