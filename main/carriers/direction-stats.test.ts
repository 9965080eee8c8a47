// carrier_direction_stats (migration 0003) is derived by triggers; whatever happens to lanes,
// offers and deals, it must equal a recomputation from scratch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { carrierDeals, carrierLanes, carrierOffers } from '../../shared/schema';
import type { Replica } from '../db/open-replica';
import { addCarrier, addDeal, addLane, addOffer, DAY, memoryReplica, T0 } from './carrier-fixtures';

const FROM_SCRATCH = `SELECT f AS fromCity, t AS toCity, c AS carrierId, sum(d_ok) AS dealsOk, max(d_at) AS lastDealAt,
  sum(o_n) AS offers, max(o_at) AS lastOfferAt, sum(l_n) AS lanes FROM (
  SELECT from_city AS f, to_city AS t, carrier_id AS c, 1 AS d_ok, deal_at AS d_at, 0 AS o_n, NULL AS o_at, 0 AS l_n FROM carrier_deals WHERE outcome = 'success'
  UNION ALL SELECT from_city, '', carrier_id, 1, deal_at, 0, NULL, 0 FROM carrier_deals WHERE outcome = 'success'
  UNION ALL SELECT '', to_city, carrier_id, 1, deal_at, 0, NULL, 0 FROM carrier_deals WHERE outcome = 'success'
  UNION ALL SELECT from_city, to_city, carrier_id, 0, NULL, 1, offered_at, 0 FROM carrier_offers
  UNION ALL SELECT from_city, '', carrier_id, 0, NULL, 1, offered_at, 0 FROM carrier_offers
  UNION ALL SELECT '', to_city, carrier_id, 0, NULL, 1, offered_at, 0 FROM carrier_offers
  UNION ALL SELECT from_city, to_city, carrier_id, 0, NULL, 0, NULL, 1 FROM carrier_lanes
  UNION ALL SELECT from_city, '', carrier_id, 0, NULL, 0, NULL, 1 FROM carrier_lanes
  UNION ALL SELECT '', to_city, carrier_id, 0, NULL, 0, NULL, 1 FROM carrier_lanes
) GROUP BY f, t, c ORDER BY f, t, c`;
const STORED = `SELECT from_city AS fromCity, to_city AS toCity, carrier_id AS carrierId, deals_ok AS dealsOk,
  last_deal_at AS lastDealAt, offers, last_offer_at AS lastOfferAt, lanes FROM carrier_direction_stats ORDER BY from_city, to_city, carrier_id`;

let r: Replica;
beforeEach(() => {
  r = memoryReplica();
});
afterEach(() => r.close());

function expectInStep(): void {
  expect(r.sqlite.prepare(STORED).all()).toEqual(r.sqlite.prepare(FROM_SCRATCH).all());
}

describe('carrier_direction_stats', () => {
  it('counts lanes, offers and successful deals at the three grains', () => {
    const c = addCarrier(r, { name: 'A' });
    addLane(r, c.id, 'Алматы', 'Астана');
    addLane(r, c.id, 'Алматы', 'Шымкент');
    addOffer(r, c.id, { fromCity: 'Алматы', toCity: 'Астана', offeredAt: T0 - 2 * DAY });
    addOffer(r, c.id, { fromCity: 'Алматы', toCity: 'Астана', offeredAt: T0 - 9 * DAY });
    addDeal(r, c.id, { fromCity: 'Алматы', toCity: 'Астана', dealAt: T0 - DAY });
    addDeal(r, c.id, { fromCity: 'Алматы', toCity: 'Шымкент', outcome: 'problem' });
    expectInStep();
    const fromAlmaty = r.sqlite
      .prepare("SELECT deals_ok, offers, lanes, tier, k1, k2 FROM carrier_direction_stats WHERE from_city = 'Алматы' AND to_city = ''")
      .get();
    expect(fromAlmaty).toEqual({ deals_ok: 1, offers: 2, lanes: 2, tier: 3, k1: 1, k2: T0 - DAY });
    const toShymkent = r.sqlite.prepare("SELECT tier FROM carrier_direction_stats WHERE from_city = '' AND to_city = 'Шымкент'").get();
    expect(toShymkent).toEqual({ tier: 1 });
  });

  it('stays in step through deletes, updates and INSERT OR REPLACE (how sync applies rows)', () => {
    const a = addCarrier(r, { name: 'A' });
    const b = addCarrier(r, { name: 'B' });
    addLane(r, a.id, 'Алматы', 'Астана');
    const offer = addOffer(r, a.id, { fromCity: 'Алматы', toCity: 'Астана', offeredAt: T0 - DAY });
    addOffer(r, a.id, { fromCity: 'Алматы', toCity: 'Астана', offeredAt: T0 - 5 * DAY });
    const deal = addDeal(r, b.id, { fromCity: 'Караганда', toCity: 'Астана' });
    expectInStep();

    r.db.delete(carrierOffers).where(eq(carrierOffers.id, offer.id)).run();
    expectInStep();
    r.db.update(carrierDeals).set({ outcome: 'problem' }).where(eq(carrierDeals.id, deal.id)).run();
    expectInStep();
    r.db.update(carrierDeals).set({ outcome: 'success', toCity: 'Москва' }).where(eq(carrierDeals.id, deal.id)).run();
    expectInStep();
    r.db.delete(carrierLanes).run();
    expectInStep();
    r.sqlite
      .prepare(
        `INSERT OR REPLACE INTO carrier_offers (id, carrier_id, from_city, to_city, vehicle_type, rate, currency, offered_at, updated_at)
         SELECT id, ?, 'Шымкент', to_city, vehicle_type, rate, currency, offered_at, updated_at FROM carrier_offers`,
      )
      .run(b.id);
    expectInStep();
    r.db.delete(carrierOffers).run();
    r.db.delete(carrierDeals).run();
    expectInStep();
    expect(r.sqlite.prepare('SELECT count(*) AS n FROM carrier_direction_stats').get()).toEqual({ n: 0 });
  });
});
