// The console's first requests, stated once. The renderer's stores send exactly these at
// start-up, and main's warm-up runs them before the window asks, so the statements it prepares
// and the pages it reads are the ones the first paint needs. Change the first page here and
// both follow; the renderer's store test checks that its default view still asks for it.
import { OPEN_STATUSES } from '../domain/order-status';
import type { ApiRequest, MethodName } from './contract';

/** Rows per page of the virtualised queue. */
export const QUEUE_PAGE_SIZE = 100;

/** The queue's first page in its default view: open orders, least time left first. */
export const FIRST_QUEUE_PAGE: Readonly<ApiRequest<'listOrders'>> = Object.freeze({
  status: [...OPEN_STATUSES],
  sort: 'time_left',
  sortDir: 'asc',
  offset: 0,
  limit: QUEUE_PAGE_SIZE,
});

/** The problem queue as the console asks for it (start-up and every refresh). */
export const PROBLEM_QUEUE_REQUEST: Readonly<ApiRequest<'problemQueue'>> = Object.freeze({ limit: 500 });

export type StartRequest = { [K in MethodName]: { readonly method: K; readonly args: ApiRequest<K> } }[MethodName];

/**
 * What the window asks for first, in its order: the queue and the problem queue (painted first),
 * then the map's drivers and order points. The cheap ones (settings, session, warehouses) are
 * left out: there is nothing in them to warm.
 */
export const CONSOLE_START_REQUESTS: readonly StartRequest[] = Object.freeze([
  { method: 'listOrders', args: FIRST_QUEUE_PAGE },
  { method: 'problemQueue', args: PROBLEM_QUEUE_REQUEST },
  { method: 'listDrivers', args: undefined },
  { method: 'orderPoints', args: undefined },
]);
