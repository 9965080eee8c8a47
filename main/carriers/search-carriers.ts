// The logistician's carrier search: filters + free text -> candidates (SQL, search-candidates.ts)
// -> ranking (pure, shared/carriers/rank-carriers.ts) -> the page with contacts, last rate on
// the lane and matching vehicles (result-details.ts). Read-only on the replica.
import type { CarrierFilters, CarrierSearchResponse, SearchCarriersRequest } from '../../shared/api/carriers-api';
import { searchCarriersSchema } from '../../shared/api/carriers-api';
import { citiesNear } from '../../shared/carriers/city-coordinates';
import { resolveCityName } from '../../shared/carriers/city-names';
import { topCarriers } from '../../shared/carriers/rank-carriers';
import type { ReadonlyReplica } from '../db/open-replica';
import {
  directionCandidates,
  ratedCandidates,
  textCandidates,
  type CandidateSet,
  type Direction,
} from './search-candidates';
import { dealFigures, resultDetails } from './result-details';
import { textMatch } from './search-filters-sql';

export interface SearchContext {
  replica: ReadonlyReplica;
  /** The cities the base knows (see carrier-cities.ts), to resolve what was typed. */
  knownCities: () => readonly string[];
  /** Monotonic ms clock, for tookMs only. */
  clock?: () => number;
  /** Tests: up to how many FTS hits a direction search reads from the hits (above, it walks the direction). */
  hitDriveMax?: number;
}

type ParsedSearch = ReturnType<typeof searchCarriersSchema.parse>;

function resolveCity(typed: string | undefined, known: readonly string[]): string | null {
  if (typed === undefined || typed.trim() === '') return null;
  return resolveCityName(typed, known) ?? typed.trim();
}

export function resolveDirection(f: CarrierFilters, known: readonly string[]): Direction {
  const fromCity = resolveCity(f.fromCity, known);
  const toCity = resolveCity(f.toCity, known);
  return { fromCity, toCity, nearLoading: fromCity === null ? [] : citiesNear(fromCity) };
}

export function searchCarriers(ctx: SearchContext, request: SearchCarriersRequest | ParsedSearch): CarrierSearchResponse {
  const { offset, limit, ...filters } = searchCarriersSchema.parse(request);
  return runSearch(ctx, filters, offset, limit);
}

/** The search without the API's page-size limit (export reads up to 10,000 at once). */
export function runSearch(ctx: SearchContext, filters: CarrierFilters, offset: number, limit: number): CarrierSearchResponse {
  const clock = ctx.clock ?? (() => performance.now());
  const started = clock();
  const direction = resolveDirection(filters, ctx.knownCities());
  const want = offset + limit;

  let found: CandidateSet;
  if (direction.fromCity !== null || direction.toCity !== null) {
    found = directionCandidates(ctx.replica, direction, filters, want, ctx.hitDriveMax);
  } else if (textMatch(filters) !== null) {
    found = textCandidates(ctx.replica, filters, want, ctx.hitDriveMax);
  } else if (filters.text !== undefined && filters.text.trim() !== '') {
    // Only punctuation was typed: nothing can match it.
    found = [];
  } else {
    // Ties in rating at the page edge are broken by reliability among the first `want + 200`.
    found = ratedCandidates(ctx.replica, filters, want + 200);
  }

  const ranked = topCarriers(found, want, (ids) => dealFigures(ctx.replica, ids)).slice(offset);
  const results = resultDetails(ctx.replica, ranked, direction, filters);
  return {
    results,
    hasMore: found.length > want,
    offset,
    fromCity: direction.fromCity,
    toCity: direction.toCity,
    tookMs: Math.round((clock() - started) * 10) / 10,
  };
}
