// Which carrier to call first for a freight request. Evidence on the requested direction
// ranks first, strongest evidence first: successful past deals (the company's own proof),
// then offers the carrier made (their word), then a lane they declared, then being at or
// announced near the loading city, then being based there (the home city counts as a loading
// city: a carrier imported without directions is still found from its own city). Within a tier: more deals / fresher offers / sooner
// availability, then rating, then reliability (share of deals without problems), then name.
// A blacklisted carrier or one that failed the security check is shown, marked, but always
// after every carrier without that mark, so it is never the first one called.
import type { SecurityCheckState } from '../domain/vocabulary';

export const RANK_TIERS = ['deals', 'offers', 'lane', 'location', 'home', 'none'] as const;
export type RankTier = (typeof RANK_TIERS)[number];

export const CARRIER_FLAGS = ['blacklisted', 'security_failed', 'security_pending'] as const;
export type CarrierFlag = (typeof CARRIER_FLAGS)[number];

/** What the replica knows about one candidate, relative to the requested direction. */
export interface RankInput {
  id: string;
  name: string;
  /** 0..5 */
  rating: number;
  blacklisted: boolean;
  securityCheck: SecurityCheckState;
  /** All deals of the carrier, every direction: the reliability figures. */
  dealsOk: number;
  dealsProblem: number;
  /** Successful deals on the requested direction, and the latest one of them. */
  laneDealsOk: number;
  laneLastDealRate: number | null;
  laneLastDealAt: number | null;
  /** Offers on the requested direction, and the latest one. */
  laneOffers: number;
  laneLastOfferRate: number | null;
  laneLastOfferAt: number | null;
  /** The carrier declared a lane on the requested direction. */
  declaredLane: boolean;
  /** Current or announced location at/near the loading city; null when not near. */
  nearLoading: { city: string; distanceKm: number | null; availableFrom: number | null } | null;
  /** The carrier's home (base) city is at or near the loading city; absent or null when not. */
  homeNear?: { city: string; distanceKm: number | null } | null;
  /** FTS relevance when the search had free text (bm25: lower is better); null otherwise. */
  textRank: number | null;
}

export type RankReason =
  | { tier: 'deals'; dealsOk: number; lastRate: number | null; lastAt: number | null }
  | { tier: 'offers'; offers: number; lastRate: number | null; lastAt: number | null }
  | { tier: 'lane' }
  | { tier: 'location'; city: string; distanceKm: number | null; availableFrom: number | null }
  | { tier: 'home'; city: string; distanceKm: number | null }
  | { tier: 'none' };

export interface Ranked<T extends RankInput> {
  carrier: T;
  reason: RankReason;
  flags: CarrierFlag[];
  /** Share of deals without problems (0..1), null when the carrier has no finished deals. */
  reliability: number | null;
}

export function tierOf(c: RankInput): RankReason {
  if (c.laneDealsOk > 0) return { tier: 'deals', dealsOk: c.laneDealsOk, lastRate: c.laneLastDealRate, lastAt: c.laneLastDealAt };
  if (c.laneOffers > 0) return { tier: 'offers', offers: c.laneOffers, lastRate: c.laneLastOfferRate, lastAt: c.laneLastOfferAt };
  if (c.declaredLane) return { tier: 'lane' };
  if (c.nearLoading) return { tier: 'location', ...c.nearLoading };
  if (c.homeNear) return { tier: 'home', ...c.homeNear };
  return { tier: 'none' };
}

export function flagsOf(c: Pick<RankInput, 'blacklisted' | 'securityCheck'>): CarrierFlag[] {
  const flags: CarrierFlag[] = [];
  if (c.blacklisted) flags.push('blacklisted');
  if (c.securityCheck === 'failed') flags.push('security_failed');
  if (c.securityCheck === 'pending') flags.push('security_pending');
  return flags;
}

/** Pending is only a reminder to check before a first contract; it does not demote. */
function demoted(flags: CarrierFlag[]): boolean {
  return flags.includes('blacklisted') || flags.includes('security_failed');
}

export function reliabilityOf(c: Pick<RankInput, 'dealsOk' | 'dealsProblem'>): number | null {
  const finished = c.dealsOk + c.dealsProblem;
  return finished === 0 ? null : c.dealsOk / finished;
}

/** Laplace-smoothed, so one lucky deal does not beat a long clean record and none is neutral. */
function reliabilityKey(c: RankInput): number {
  return (c.dealsOk + 1) / (c.dealsOk + c.dealsProblem + 2);
}

/** Descending numbers, nulls last. */
function desc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function withinTier(a: Ranked<RankInput>, b: Ranked<RankInput>): number {
  const ra = a.reason;
  const rb = b.reason;
  if (ra.tier === 'deals' && rb.tier === 'deals') return rb.dealsOk - ra.dealsOk || desc(ra.lastAt, rb.lastAt);
  if (ra.tier === 'offers' && rb.tier === 'offers') return desc(ra.lastAt, rb.lastAt);
  if (ra.tier === 'location' && rb.tier === 'location') {
    // Available now (null) or sooner first, then nearer.
    return (ra.availableFrom ?? 0) - (rb.availableFrom ?? 0) || -desc(ra.distanceKm, rb.distanceKm);
  }
  if (ra.tier === 'home' && rb.tier === 'home') return -desc(ra.distanceKm, rb.distanceKm);
  return 0;
}

/** Everything but reliability and the final tie-breaks: what SQL can know before loading deals. */
export function compareBeforeReliability(a: Ranked<RankInput>, b: Ranked<RankInput>): number {
  return (
    Number(demoted(a.flags)) - Number(demoted(b.flags)) ||
    RANK_TIERS.indexOf(a.reason.tier) - RANK_TIERS.indexOf(b.reason.tier) ||
    withinTier(a, b) ||
    // bm25: more negative is more relevant.
    -desc(a.carrier.textRank, b.carrier.textRank) ||
    b.carrier.rating - a.carrier.rating
  );
}

export function compareRanked(a: Ranked<RankInput>, b: Ranked<RankInput>): number {
  return (
    compareBeforeReliability(a, b) ||
    reliabilityKey(b.carrier) - reliabilityKey(a.carrier) ||
    a.carrier.name.localeCompare(b.carrier.name) ||
    (a.carrier.id < b.carrier.id ? -1 : a.carrier.id > b.carrier.id ? 1 : 0)
  );
}

/** Best first. Pure: the same candidates always give the same order. */
export function rankCarriers<T extends RankInput>(candidates: readonly T[]): Ranked<T>[] {
  return candidates.map(toRanked).sort(compareRanked);
}

export function toRanked<T extends RankInput>(carrier: T): Ranked<T> {
  return { carrier, reason: tierOf(carrier), flags: flagsOf(carrier), reliability: reliabilityOf(carrier) };
}

/**
 * The first `n` of `candidates` in rankCarriers order, loading deal figures (reliability) only
 * for the carriers that can reach the first `n`: those ranked at or above the n-th before
 * reliability is known. Exact, and cheap when there are thousands of candidates.
 */
export function topCarriers<T extends RankInput>(
  candidates: readonly T[],
  n: number,
  loadDealFigures: (ids: string[]) => Map<string, { dealsOk: number; dealsProblem: number }>,
): Ranked<T>[] {
  const pre = candidates.map(toRanked).sort(compareBeforeReliability);
  let end = Math.min(n, pre.length);
  const boundary = pre[end - 1];
  if (boundary !== undefined) {
    while (end < pre.length && compareBeforeReliability(pre[end] as Ranked<T>, boundary) === 0) end += 1;
  }
  const head = pre.slice(0, end);
  const figures = loadDealFigures(head.map((r) => r.carrier.id));
  return head
    .map((r) => {
      const f = figures.get(r.carrier.id) ?? { dealsOk: 0, dealsProblem: 0 };
      return toRanked({ ...r.carrier, dealsOk: f.dealsOk, dealsProblem: f.dealsProblem });
    })
    .sort(compareRanked)
    .slice(0, n);
}
