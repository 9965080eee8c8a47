// The queue's filter bar as the user sees it, and its translation into the API's query.
// Kept pure so "what the dispatcher picked" -> "what main is asked" is tested without React.
import type { ListOrdersRequest, OrderFilters, OrderSort, SlaBucket } from '../../../../shared/api/orders-api';
import { OPEN_STATUSES } from '../../../../shared/domain/order-status';
import type { CarriedBy } from '../../../../shared/domain/carried-by';
import type { OrderStatus, ServiceType } from '../../../../shared/domain/vocabulary';

/** 'open' = everything still in work (the default view); 'all' includes finished orders. */
export type StatusFilter = 'open' | 'all' | OrderStatus;

export interface QueueFilters {
  status: StatusFilter;
  warehouseId: string | null;
  serviceType: ServiceType | null;
  /** A driver id, 'none' for unassigned, null for any. */
  driverId: string | null;
  risk: SlaBucket | null;
  /** Who carries it (issue 16); null for anyone. */
  carriedBy: CarriedBy | null;
  search: string;
}

export type QueueSort = 'time_left' | 'newest';

export const DEFAULT_FILTERS: QueueFilters = {
  status: 'open',
  warehouseId: null,
  serviceType: null,
  driverId: null,
  risk: null,
  carriedBy: null,
  search: '',
};

/** The API caps search at 200 characters; longer input is cut, not refused, since it's typing. */
const MAX_SEARCH = 200;

export function toApiFilters(f: QueueFilters): OrderFilters {
  const out: OrderFilters = {};
  if (f.status === 'open') out.status = [...OPEN_STATUSES];
  else if (f.status !== 'all') out.status = [f.status];
  if (f.warehouseId) out.warehouseId = f.warehouseId;
  if (f.serviceType) out.serviceType = f.serviceType;
  if (f.driverId) out.driverId = f.driverId;
  if (f.risk) out.slaBucket = f.risk;
  if (f.carriedBy) out.carriedBy = f.carriedBy;
  const search = f.search.trim().replace(/\s+/g, ' ').slice(0, MAX_SEARCH);
  if (search) out.search = search;
  return out;
}

const SORTS: Readonly<Record<QueueSort, { sort: OrderSort; sortDir: 'asc' | 'desc' }>> = {
  // Least time left first; breached orders (negative time left) come before everything.
  time_left: { sort: 'time_left', sortDir: 'asc' },
  newest: { sort: 'created', sortDir: 'desc' },
};

export function toListRequest(f: QueueFilters, sort: QueueSort, offset: number, limit: number): ListOrdersRequest {
  return { ...toApiFilters(f), ...SORTS[sort], offset, limit };
}

/** Identifies a result set: pages fetched under one key never mix with another's. */
export function queryKey(f: QueueFilters, sort: QueueSort): string {
  return JSON.stringify([toApiFilters(f), sort]);
}

export function activeFilterCount(f: QueueFilters): number {
  let n = 0;
  if (f.status !== DEFAULT_FILTERS.status) n++;
  if (f.warehouseId) n++;
  if (f.serviceType) n++;
  if (f.driverId) n++;
  if (f.risk) n++;
  if (f.carriedBy) n++;
  return n;
}
