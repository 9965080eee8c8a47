// The carrier card: the carrier with its vehicles, lanes, offers and deals (newest first),
// and the figures the list shows (reliability, flags).
import { desc, eq, sql } from 'drizzle-orm';
import type { CarrierCard } from '../../shared/api/carriers-api';
import { flagsOf, reliabilityOf } from '../../shared/carriers/rank-carriers';
import { carrierDeals, carrierLanes, carrierOffers, carriers, carrierVehicles } from '../../shared/schema';
import type { ReadonlyReplica } from '../db/open-replica';

const HISTORY_ROWS = 200;

export function carrierCard(replica: ReadonlyReplica, carrierId: string): CarrierCard | null {
  const { db } = replica;
  const carrier = db.select().from(carriers).where(eq(carriers.id, carrierId)).get();
  if (!carrier) return null;
  const vehicles = db.select().from(carrierVehicles).where(eq(carrierVehicles.carrierId, carrierId)).orderBy(desc(carrierVehicles.tonnage)).all();
  const lanes = db.select().from(carrierLanes).where(eq(carrierLanes.carrierId, carrierId)).orderBy(carrierLanes.fromCity, carrierLanes.toCity).all();
  const offers = db.select().from(carrierOffers).where(eq(carrierOffers.carrierId, carrierId)).orderBy(desc(carrierOffers.offeredAt)).limit(HISTORY_ROWS).all();
  const deals = db.select().from(carrierDeals).where(eq(carrierDeals.carrierId, carrierId)).orderBy(desc(carrierDeals.dealAt)).limit(HISTORY_ROWS).all();
  const offersTotal = db.select({ n: sql<number>`count(*)` }).from(carrierOffers).where(eq(carrierOffers.carrierId, carrierId)).get()?.n ?? 0;
  const figures = db
    .select({
      total: sql<number>`count(*)`,
      ok: sql<number>`coalesce(sum(${carrierDeals.outcome} = 'success'), 0)`,
      problem: sql<number>`coalesce(sum(${carrierDeals.outcome} = 'problem'), 0)`,
    })
    .from(carrierDeals)
    .where(eq(carrierDeals.carrierId, carrierId))
    .get() ?? { total: 0, ok: 0, problem: 0 };
  return {
    carrier,
    vehicles,
    lanes,
    offers,
    deals,
    offersTotal,
    dealsTotal: figures.total,
    dealsOk: figures.ok,
    dealsProblem: figures.problem,
    reliability: reliabilityOf({ dealsOk: figures.ok, dealsProblem: figures.problem }),
    flags: flagsOf(carrier),
  };
}
