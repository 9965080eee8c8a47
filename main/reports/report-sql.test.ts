// The fast path must say exactly what the definitions say. Reports aggregate inside SQLite with
// the SQL twins of shared/reports/kpi-definitions.ts (report-sql.ts); the definitions are the
// JavaScript predicates, and computeReport is the report computed from them one fact at a time.
// Over the same orders (the hand-built set and thousands of random ones with every edge the
// rules have: a deadline met to the millisecond or missed by one, a mark 30 min after arriving
// or 30 min and 1 ms, cancelled orders with a hand-over time, reasons we do not know, orders at
// local midnight) each of these must agree:
//   - the fact statement's one-pass event summary with the events counted here by hand;
//   - each SQL twin with its predicate, order by order;
//   - the whole report (headline, previous period, days, reasons, bars, every cut, drivers).
import { beforeEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, PROBLEM_REASONS, SERVICE_TYPES, type OrderStatus, type ProblemReason } from '../../shared/domain/vocabulary';
import { customers, drivers, orderEvents, orders, regions, warehouses, type OrderEventRow, type OrderRow } from '../../shared/schema';
import { computeReport, CUT_DIMENSIONS, CUT_KEY_SQL, cutKey } from '../../shared/reports/compute-report';
import {
  FACT_SQL,
  FIGURE_IDS,
  FIGURES,
  MARK_ON_TIME_MS,
  deliveredOnTime,
  deliveryTimeBucket,
  deliveryTimeBucketSql,
  hadProblem,
  inFull,
  isCancelled,
  isDelivered,
  isDue,
  isHanging,
  markMeasurable,
  markOnTime,
  nearestRank,
  quantile,
} from '../../shared/reports/kpi-definitions';
import { factCte, type OrderFact } from '../../shared/reports/order-fact';
import { dayOfNumber, localDay, localDaySql, resolvePeriod, type ReportFilters } from '../../shared/reports/report-period';
import { buildReport, loadFacts, loadNames } from '../../shared/reports/report-source';
import { testOrderRow } from '../../shared/testing/order-row';
import { REPORT_NOW, REPORT_PERIOD, REPORT_WORLD, reportOrders } from '../../shared/testing/report-orders';
import { eachFixtureReplica } from '../testing/fixture-replica';
import { replicaReader } from './report-handlers';

const DAY = 86_400_000;
/** Thursday 19 March 2026, 12:00 in Astana: the random orders' clock. */
const NOW = Date.UTC(2026, 2, 19, 7);
const QUERY = { from: '2026-03-06', to: '2026-03-19' } as const;

/** mulberry32: the same "random" orders every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random orders over the 14 days and the 14 before, each with the events an order may have. */
function randomOrders(count: number, seed: number): { orders: OrderRow[]; events: OrderEventRow[] } {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const maybe = <T>(p: number, x: () => T): T | null => (rnd() < p ? x() : null);
  const start = resolvePeriod(QUERY, NOW);
  if (!start.ok) throw new Error(start.message);
  const from = start.previous.startMs;
  const span = start.period.endMs - from;
  const out: { orders: OrderRow[]; events: OrderEventRow[] } = { orders: [], events: [] };
  let ev = 0;
  const event = (orderId: string, e: Partial<OrderEventRow> & Pick<OrderEventRow, 'kind' | 'at'>) =>
    out.events.push({
      id: `e${(ev += 1)}`,
      orderId,
      fromStatus: null,
      toStatus: null,
      subMark: null,
      actor: 'dispatcher',
      actorId: null,
      actorName: null,
      source: 'manual',
      reason: null,
      comment: null,
      driverId: null,
      changes: null,
      handover: null,
      ...e,
    });
  for (let n = 0; n < count; n++) {
    const id = `o${n}`;
    // Some exactly at a local midnight (19:00 UTC) or a millisecond before it.
    const createdAt = rnd() < 0.1 ? from + Math.floor(rnd() * 28) * DAY - Math.floor(rnd() * 2) : from + Math.floor(rnd() * span);
    const deadline = maybe(0.9, () => createdAt + Math.floor(rnd() * 5 * DAY));
    // Delivered to the ms of the deadline, a ms late, or anywhere; a few before their creation (clock skew).
    const delivered = maybe(0.6, () => {
      const r = rnd();
      if (deadline !== null && r < 0.15) return deadline + pick([-1, 0, 1]);
      if (r < 0.18) return createdAt - Math.floor(rnd() * 3_600_000);
      return createdAt + Math.floor(rnd() * 4 * DAY);
    });
    const status: OrderStatus = pick(ORDER_STATUSES);
    const who = rnd();
    const driverId = who < 0.5 ? pick(['d1', 'd2', 'd3', 'd-gone']) : null;
    // Several columns set at once: the carried-by rule decides (own > courier > carrier).
    const courierProvider = who > 0.4 && who < 0.75 ? pick(['cdek', 'dhl']) : null;
    const carrierId = who > 0.65 ? pick(['k1', 'k2']) : null;
    const customerId = maybe(0.8, () => pick(['c1', 'c2', 'c3']));
    const customerName = pick(['Kaspi Shop', 'Magnum', 'Магнум', 'ИП Ахметов', 'Ä-shop']);
    const problemReason = maybe(0.1, () => pick<ProblemReason>(PROBLEM_REASONS));
    out.orders.push(
      testOrderRow({
        id,
        number: `N-${n}`,
        createdAt,
        statusChangedAt: createdAt,
        updatedAt: createdAt,
        status,
        serviceType: pick(SERVICE_TYPES),
        regionId: pick(['r-ast', 'r-ala']),
        warehouseId: pick(['w1', 'w2', null]),
        customerId,
        customerName,
        driverId,
        courierProvider,
        carrierId,
        slaDeadline: deadline,
        deliveredAt: delivered,
        problemReason,
      }),
    );
    event(id, { kind: 'created', at: createdAt, toStatus: 'new', actor: 'system' });
    for (let k = Math.floor(rnd() * 3); k > 0; k--) event(id, { kind: 'status', at: createdAt + Math.floor(rnd() * DAY), toStatus: 'problem', reason: pick<string | null>([...PROBLEM_REASONS, 'not_a_reason', null]) });
    const arrivedAt = maybe(0.5, () => (delivered ?? createdAt) - Math.floor(rnd() * 2 * 3_600_000));
    if (arrivedAt !== null) {
      event(id, { kind: 'sub_mark', at: arrivedAt, subMark: 'arrived', actor: 'gps', source: 'gps' });
      if (rnd() < 0.3) event(id, { kind: 'sub_mark', at: arrivedAt + Math.floor(rnd() * 3_600_000), subMark: 'arrived', actor: 'driver', source: 'driver' });
    }
    if (rnd() < 0.2) event(id, { kind: 'sub_mark', at: createdAt + 1, subMark: 'on_route', actor: 'driver', source: 'driver' });
    if (delivered !== null || rnd() < 0.1) {
      const at = arrivedAt !== null && rnd() < 0.4 ? arrivedAt + MARK_ON_TIME_MS + pick([-1, 0, 1]) : (delivered ?? createdAt + DAY);
      event(id, { kind: 'status', at, toStatus: 'delivered', actor: pick(['driver', 'driver', 'courier', 'dispatcher']) });
      if (rnd() < 0.2) event(id, { kind: 'status', at: at + Math.floor(rnd() * 3_600_000), toStatus: 'delivered', actor: 'driver' });
    }
  }
  return out;
}

const fx = eachFixtureReplica();
beforeEach(() => {
  const db = fx().replica.db;
  db.insert(regions).values(REPORT_WORLD.regions).onConflictDoNothing().run();
  db.insert(regions)
    .values({ id: 'r-ala', name: 'Almaty', utcOffsetMinutes: 300, workingDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1080, holidays: [], updatedAt: NOW })
    .onConflictDoNothing()
    .run();
  db.insert(warehouses).values(REPORT_WORLD.warehouses).onConflictDoNothing().run();
  db.insert(drivers).values(REPORT_WORLD.drivers).onConflictDoNothing().run();
  db.insert(customers).values(REPORT_WORLD.customers).onConflictDoNothing().run();
});

function insert(set: { orders: OrderRow[]; events: OrderEventRow[] }): void {
  const db = fx().replica.db;
  db.transaction((tx) => {
    for (let i = 0; i < set.orders.length; i += 200) tx.insert(orders).values(set.orders.slice(i, i + 200)).run();
    for (let i = 0; i < set.events.length; i += 200) tx.insert(orderEvents).values(set.events.slice(i, i + 200)).run();
  });
}

/** The fact fields that come from events, counted here one event at a time (the definitions in order-fact.ts). */
function eventFieldsByHand(set: { orders: OrderRow[]; events: OrderEventRow[] }): Map<string, Pick<OrderFact, 'problemReasons' | 'arrivedAt' | 'driverDeliveredAt'>> {
  const out = new Map<string, { reasons: Set<string>; arrivedAt: number | null; driverDeliveredAt: number | null }>();
  for (const o of set.orders) out.set(o.id, { reasons: new Set(o.problemReason === null ? [] : [o.problemReason]), arrivedAt: null, driverDeliveredAt: null });
  for (const e of set.events) {
    const f = out.get(e.orderId);
    if (f === undefined) continue;
    if (e.toStatus === 'problem' && e.reason !== null) f.reasons.add(e.reason);
    if (e.kind === 'sub_mark' && e.subMark === 'arrived') f.arrivedAt = f.arrivedAt === null ? e.at : Math.min(f.arrivedAt, e.at);
    if (e.toStatus === 'delivered' && e.actor === 'driver') f.driverDeliveredAt = f.driverDeliveredAt === null ? e.at : Math.max(f.driverDeliveredAt, e.at);
  }
  return new Map(
    [...out].map(([id, f]) => [id, { problemReasons: PROBLEM_REASONS.filter((r) => f.reasons.has(r)), arrivedAt: f.arrivedAt, driverDeliveredAt: f.driverDeliveredAt }]),
  );
}

const PREDICATES: Array<[string, (f: OrderFact) => boolean | number, string]> = [
  ['isDelivered', isDelivered, FACT_SQL.isDelivered],
  ['isCancelled', isCancelled, FACT_SQL.isCancelled],
  ['deliveredOnTime', deliveredOnTime, FACT_SQL.deliveredOnTime],
  ['hadProblem', hadProblem, FACT_SQL.hadProblem],
  ['inFull', inFull, FACT_SQL.inFull],
  ['isHanging', (f) => isHanging(f, NOW), FACT_SQL.isHanging(NOW)],
  ['isDue', (f) => isDue(f, NOW), FACT_SQL.isDue(NOW)],
  ['markMeasurable', markMeasurable, FACT_SQL.markMeasurable],
  ['markOnTime', markOnTime, FACT_SQL.markOnTime],
  ['deliveryTimeBucket', (f) => (isDelivered(f) ? deliveryTimeBucket(f.deliveredAt! - f.createdAt) : -1), `CASE WHEN ${FACT_SQL.isDelivered} THEN ${deliveryTimeBucketSql(FACT_SQL.deliveryTimeMs)} ELSE -1 END`],
  ...FIGURE_IDS.flatMap((id): Array<[string, (f: OrderFact) => boolean | number, string]> => {
    const d = FIGURES[id];
    return [
      [`${id}.members`, (f) => d.members(f, NOW), d.sql.members(NOW)],
      ...(d.hit === undefined ? [] : [[`${id}.hit`, (f: OrderFact) => d.members(f, NOW) && d.hit!(f), `(${d.sql.members(NOW)} AND ${d.sql.hit})`] as [string, (f: OrderFact) => boolean, string]]),
    ];
  }),
];

describe('the fast path says what the definitions say', () => {
  const set = randomOrders(3000, 17);
  const everything = resolvePeriod({ from: '2026-02-19', to: QUERY.to }, NOW); // a day early: some orders are a ms before the period
  if (!everything.ok) throw new Error(everything.message);

  it('the one-pass event summary gives each order the events counted by hand', () => {
    insert(set);
    const facts = loadFacts(replicaReader(fx().replica), everything.period, {});
    expect(facts).toHaveLength(set.orders.length);
    const byHand = eventFieldsByHand(set);
    for (const f of facts) expect({ id: f.id, ...byHand.get(f.id) }).toEqual({ id: f.id, problemReasons: f.problemReasons, arrivedAt: f.arrivedAt, driverDeliveredAt: f.driverDeliveredAt });
  });

  it('every SQL twin answers as its predicate, order by order', () => {
    insert(set);
    const read = replicaReader(fx().replica);
    const facts = new Map(loadFacts(read, everything.period, {}).map((f) => [f.id, f]));
    const cte = factCte(everything.period.startMs, everything.period.endMs, {});
    const columns = [
      ...PREDICATES.map(([, , sql], i) => `${sql} AS p${i}`),
      ...CUT_DIMENSIONS.map((d) => `${CUT_KEY_SQL[d]} AS k_${d}`),
      `${localDaySql('createdAt')} AS day`,
    ];
    const rows = read(`WITH ${cte.with} SELECT id, ${columns.join(', ')} FROM fact`, cte.params) as Array<Record<string, string | number | null>>;
    expect(rows).toHaveLength(set.orders.length);
    const disagreements: string[] = [];
    for (const row of rows) {
      const f = facts.get(row.id as string)!;
      PREDICATES.forEach(([name, js], i) => {
        if (Number(js(f)) !== row[`p${i}`]) disagreements.push(`${name} on ${f.id}: js ${Number(js(f))}, sql ${row[`p${i}`]}`);
      });
      for (const d of CUT_DIMENSIONS) if (cutKey(d, f) !== row[`k_${d}`]) disagreements.push(`cut ${d} on ${f.id}: js ${cutKey(d, f)}, sql ${row[`k_${d}`]}`);
      if (localDay(f.createdAt) !== dayOfNumber(row.day as number)) disagreements.push(`day of ${f.id}: js ${localDay(f.createdAt)}, sql ${row.day}`);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // The random orders reach every branch of the rules (else agreement proves little).
    PREDICATES.forEach(([name, , sql], i) => {
      const values = new Set(rows.map((r) => r[`p${i}`]));
      // Members "every order" are 1 throughout; the delivery-time bar takes all its values.
      expect([name, values.size]).toEqual([name, name === 'deliveryTimeBucket' ? DELIVERY_BUCKETS_SEEN : sql === '1' ? 1 : 2]);
    });
  });

  /** The report two ways over the same replica: aggregated in SQL (what runs) and from the facts (the definitions). */
  async function bothWays(q: { from: string; to: string } & ReportFilters, now: number) {
    const read = replicaReader(fx().replica);
    const fast = await buildReport(read, q, now, 'local');
    if (!fast.ok) throw new Error(fast.message);
    const checked = resolvePeriod(q, now);
    if (!checked.ok) throw new Error(checked.message);
    const { from: _f, to: _t, ...filters } = q;
    const slow = computeReport({
      period: checked.period,
      previous: checked.previous,
      facts: loadFacts(read, checked.period, filters),
      previousFacts: loadFacts(read, checked.previous, filters),
      names: loadNames(read),
      now,
      source: 'local',
      kmByDriver: null,
    });
    return { fast: fast.value, slow };
  }

  it('the whole report over random orders, with and without filters', async () => {
    insert(set);
    for (const q of [{ ...QUERY }, { ...QUERY, carriedBy: 'own' as const }, { ...QUERY, serviceType: 'express' as const, regionId: 'r-ast' }, { from: '2026-03-19', to: '2026-03-19' }]) {
      const { fast, slow } = await bothWays(q, NOW);
      expect(fast.headline.orders.value).toBeGreaterThan(0);
      expect(fast).toEqual(slow);
    }
  });

  it('the whole report over the hand-built orders', async () => {
    insert(reportOrders() as { orders: OrderRow[]; events: OrderEventRow[] });
    const { fast, slow } = await bothWays({ ...REPORT_PERIOD }, REPORT_NOW);
    expect(fast.headline.otif).toEqual({ value: 0.4, hits: 2, members: 5 });
    expect(fast).toEqual(slow);
  });

  it('a period with no orders at all', async () => {
    const { fast, slow } = await bothWays({ from: '2026-01-01', to: '2026-01-03' }, NOW);
    expect(fast.headline.orders).toEqual({ value: 0, hits: 0, members: 0 });
    expect(fast.headline.p90DeliveryTime).toEqual({ value: null, hits: 0, members: 0 });
    expect(fast).toEqual(slow);
  });
});

// The random orders' delivery times fall in every bar, and the -1 of "not delivered".
const DELIVERY_BUCKETS_SEEN = 9;

describe('nearest rank', () => {
  it('is exact where floating point is not (0.9 x 70 = 63.00000000000001)', () => {
    expect(nearestRank(70, 90)).toBe(63);
    expect(nearestRank(10, 90)).toBe(9);
    expect(nearestRank(11, 90)).toBe(10);
    expect(nearestRank(1, 90)).toBe(1);
    expect(quantile(Array.from({ length: 70 }, (_, i) => i + 1), 90)).toBe(63);
  });
});
