import { describe, expect, it } from 'vitest';
import { rankCarriers, type RankInput } from './rank-carriers';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 1);

function carrier(id: string, over: Partial<RankInput> = {}): RankInput {
  return {
    id,
    name: id,
    rating: 3,
    blacklisted: false,
    securityCheck: 'passed',
    dealsOk: 0,
    dealsProblem: 0,
    laneDealsOk: 0,
    laneLastDealRate: null,
    laneLastDealAt: null,
    laneOffers: 0,
    laneLastOfferRate: null,
    laneLastOfferAt: null,
    declaredLane: false,
    nearLoading: null,
    textRank: null,
    ...over,
  };
}

const ids = (cs: RankInput[]) => rankCarriers(cs).map((r) => r.carrier.id);

describe('rankCarriers', () => {
  const deal = carrier('deal', { laneDealsOk: 1, laneLastDealRate: 400_000, laneLastDealAt: NOW - 90 * DAY, rating: 2 });
  const offer = carrier('offer', { laneOffers: 3, laneLastOfferRate: 380_000, laneLastOfferAt: NOW - DAY, rating: 5 });
  const lane = carrier('lane', { declaredLane: true, rating: 5 });
  const near = carrier('near', { nearLoading: { city: 'Алматы', distanceKm: 0, availableFrom: null }, rating: 5 });
  const other = carrier('other', { rating: 5, dealsOk: 50 });

  it('past deal beats offer beats declared lane beats location beats nothing, whatever the rating', () => {
    expect(ids([other, near, lane, offer, deal])).toEqual(['deal', 'offer', 'lane', 'near', 'other']);
  });

  it('a carrier based at the loading city comes after one that is there now, before nothing (issue 13)', () => {
    const home = carrier('home', { homeNear: { city: 'Алматы', distanceKm: 0 }, rating: 5 });
    const homeFar = carrier('homeFar', { homeNear: { city: 'Каскелен', distanceKm: 25 }, rating: 5 });
    expect(ids([other, homeFar, home, near, lane])).toEqual(['lane', 'near', 'home', 'homeFar', 'other']);
    expect(rankCarriers([home])[0]?.reason).toEqual({ tier: 'home', city: 'Алматы', distanceKm: 0 });
  });

  it('gives the reason with the figures the logistician needs', () => {
    const [first, second] = rankCarriers([offer, deal]);
    expect(first?.reason).toEqual({ tier: 'deals', dealsOk: 1, lastRate: 400_000, lastAt: NOW - 90 * DAY });
    expect(second?.reason).toEqual({ tier: 'offers', offers: 3, lastRate: 380_000, lastAt: NOW - DAY });
  });

  it('a blacklisted carrier or one that failed the check is never first, and is marked', () => {
    const blacklisted = carrier('black', { laneDealsOk: 40, blacklisted: true, rating: 5 });
    const failed = carrier('failed', { laneDealsOk: 40, securityCheck: 'failed', rating: 5 });
    const ranked = rankCarriers([blacklisted, failed, near]);
    expect(ranked.map((r) => r.carrier.id)).toEqual(['near', 'black', 'failed']);
    expect(ranked[1]?.flags).toEqual(['blacklisted']);
    expect(ranked[2]?.flags).toEqual(['security_failed']);
  });

  it('a pending security check is marked but not demoted', () => {
    const pending = carrier('pending', { laneDealsOk: 2, securityCheck: 'pending' });
    const ranked = rankCarriers([near, pending]);
    expect(ranked[0]?.carrier.id).toBe('pending');
    expect(ranked[0]?.flags).toEqual(['security_pending']);
  });

  it('within deals: more successful deals first, then the latest', () => {
    const many = carrier('many', { laneDealsOk: 5, laneLastDealAt: NOW - 300 * DAY });
    const recent = carrier('recent', { laneDealsOk: 2, laneLastDealAt: NOW - DAY });
    const older = carrier('older', { laneDealsOk: 2, laneLastDealAt: NOW - 30 * DAY });
    expect(ids([older, recent, many])).toEqual(['many', 'recent', 'older']);
  });

  it('within offers: the freshest offer first', () => {
    const stale = carrier('stale', { laneOffers: 9, laneLastOfferAt: NOW - 200 * DAY });
    const fresh = carrier('fresh', { laneOffers: 1, laneLastOfferAt: NOW - DAY });
    expect(ids([stale, fresh])).toEqual(['fresh', 'stale']);
  });

  it('within location: available now before announced later, then nearer', () => {
    const later = carrier('later', { nearLoading: { city: 'Алматы', distanceKm: 0, availableFrom: NOW + 5 * DAY } });
    const far = carrier('far', { nearLoading: { city: 'Каскелен', distanceKm: 30, availableFrom: null } });
    const here = carrier('here', { nearLoading: { city: 'Алматы', distanceKm: 1, availableFrom: null } });
    expect(ids([later, far, here])).toEqual(['here', 'far', 'later']);
  });

  it('ties break on rating, then reliability (smoothed), then name', () => {
    const reliable = carrier('b-reliable', { dealsOk: 20, dealsProblem: 0 });
    const shaky = carrier('a-shaky', { dealsOk: 5, dealsProblem: 5 });
    const lucky = carrier('c-lucky', { dealsOk: 1, dealsProblem: 0 });
    const better = carrier('d-better', { rating: 4.5 });
    const ranked = rankCarriers([shaky, lucky, reliable, better]);
    expect(ranked.map((r) => r.carrier.id)).toEqual(['d-better', 'b-reliable', 'c-lucky', 'a-shaky']);
    expect(ranked[3]?.reliability).toBe(0.5);
    expect(ranked[0]?.reliability).toBeNull();
  });

  it('free-text relevance orders carriers of the same tier', () => {
    const weak = carrier('weak', { textRank: -1, rating: 5 });
    const strong = carrier('strong', { textRank: -9, rating: 1 });
    expect(ids([weak, strong])).toEqual(['strong', 'weak']);
  });

  it('is deterministic whatever the input order', () => {
    const all = [deal, offer, lane, near, other, carrier('x'), carrier('y')];
    expect(ids([...all].reverse())).toEqual(ids(all));
  });
});

describe('topCarriers', () => {
  it('matches rankCarriers and loads deal figures only for those that can make the page', async () => {
    const { topCarriers } = await import('./rank-carriers');
    const figures = new Map([
      ['b', { dealsOk: 9, dealsProblem: 0 }],
      ['c', { dealsOk: 0, dealsProblem: 4 }],
    ]);
    const pool = [
      carrier('a', { rating: 4 }),
      carrier('b', { rating: 4 }),
      carrier('c', { rating: 4 }),
      carrier('d', { rating: 5 }),
      ...Array.from({ length: 50 }, (_, i) => carrier(`z${i}`, { rating: 1 })),
    ];
    const full = rankCarriers(pool.map((c) => ({ ...c, ...(figures.get(c.id) ?? {}) }))).slice(0, 3);
    const asked: string[][] = [];
    const top = topCarriers(pool, 3, (ids) => {
      asked.push(ids);
      return figures;
    });
    expect(top.map((r) => r.carrier.id)).toEqual(full.map((r) => r.carrier.id));
    expect(top.map((r) => r.carrier.id)).toEqual(['d', 'b', 'a']);
    // The tie at rating 4 is loaded whole (a, b, c), the 50 weaker ones never.
    expect(asked).toEqual([['d', 'a', 'b', 'c']]);
  });
});
