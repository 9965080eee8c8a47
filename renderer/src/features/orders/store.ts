// The order queue: filters, a page cache for the virtualised list, and the keyboard cursor.
// The renderer never holds all 20,000 rows: it asks main for the pages the list shows, and on a
// change event refetches just those pages (the sort may have moved rows, so ids alone won't do).
import { create } from 'zustand';
import { QUEUE_PAGE_SIZE } from '../../../../shared/api/console-start';
import type { OrderListRow } from '../../../../shared/api/orders-api';
import { api, errorMessage } from '../../api/client';
import { DEFAULT_FILTERS, queryKey, toListRequest, type QueueFilters, type QueueSort } from './filters';

/** The default view's first page is shared/api/console-start's FIRST_QUEUE_PAGE, which main warms up. */
export const PAGE_SIZE = QUEUE_PAGE_SIZE;
/** Light debounce for typing: FTS in main is fast, but not every keystroke needs an answer. */
export const SEARCH_DEBOUNCE_MS = 150;

export interface OrdersState {
  filters: QueueFilters;
  sort: QueueSort;
  /** Pages of the current result set, by page index. */
  pages: Record<number, OrderListRow[]>;
  total: number;
  /** False until the first page of the current query has arrived. */
  loaded: boolean;
  /** Keyboard cursor: an index into the result set. */
  cursor: number;
  /** The rows the list shows now (start inclusive, end exclusive). */
  visible: { start: number; end: number };
  /**
   * Bumped by each new query so late answers of an older one are dropped. A reset keeps counting
   * up, so an answer to a query asked before the reset is dropped too.
   */
  generation: number;
  error: string | null;
  /** Page fetches in flight, keyed by `${generation}:${page}`, so a scroll doesn't ask twice. */
  inflight: Readonly<Record<string, true>>;
  /** The search query waiting for a pause in typing. */
  searchTimer: ReturnType<typeof setTimeout> | null;
}

const initial = (): OrdersState => ({
  filters: DEFAULT_FILTERS,
  sort: 'time_left',
  pages: {},
  total: 0,
  loaded: false,
  cursor: 0,
  visible: { start: 0, end: 50 },
  generation: 0,
  error: null,
  inflight: {},
  searchTimer: null,
});

export const useOrdersStore = create<OrdersState>(initial);

/** Back to the start: a pending search is cancelled, answers still on their way are dropped. */
export function resetOrdersStore(): void {
  const { searchTimer, generation } = useOrdersStore.getState();
  if (searchTimer !== null) clearTimeout(searchTimer);
  useOrdersStore.setState({ ...initial(), generation: generation + 1 }, true);
}

export function rowAt(s: Pick<OrdersState, 'pages'>, index: number): OrderListRow | undefined {
  return s.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function findRowById(s: Pick<OrdersState, 'pages'>, id: string): OrderListRow | undefined {
  for (const page of Object.values(s.pages)) {
    const row = page.find((r) => r.id === id);
    if (row) return row;
  }
  return undefined;
}

function pagesFor(start: number, end: number): number[] {
  const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
  const last = Math.floor(Math.max(0, end - 1) / PAGE_SIZE);
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

async function fetchPage(generation: number, page: number): Promise<void> {
  const key = `${generation}:${page}`;
  if (useOrdersStore.getState().inflight[key]) return;
  useOrdersStore.setState((s) => ({ inflight: { ...s.inflight, [key]: true } }));
  const { filters, sort } = useOrdersStore.getState();
  try {
    const res = await api().listOrders(toListRequest(filters, sort, page * PAGE_SIZE, PAGE_SIZE));
    if (useOrdersStore.getState().generation !== generation) return;
    useOrdersStore.setState((s) => ({
      pages: { ...s.pages, [page]: res.rows },
      total: res.total,
      loaded: true,
      error: null,
      cursor: Math.min(s.cursor, Math.max(0, res.total - 1)),
    }));
  } catch (err) {
    if (useOrdersStore.getState().generation === generation) {
      useOrdersStore.setState({ error: errorMessage(err), loaded: true });
    }
  } finally {
    useOrdersStore.setState((s) => {
      const { [key]: _done, ...rest } = s.inflight;
      return { inflight: rest };
    });
  }
}

/** Starts a fresh result set (filters or sort changed) and loads what the list shows. */
export async function reloadOrders(): Promise<void> {
  const generation = useOrdersStore.getState().generation + 1;
  useOrdersStore.setState({ generation, pages: {}, loaded: false, cursor: 0, error: null });
  const { visible } = useOrdersStore.getState();
  await Promise.all(pagesFor(0, Math.max(visible.end - visible.start, PAGE_SIZE)).map((p) => fetchPage(generation, p)));
}

/** The list scrolled: fetch the pages it now shows that we don't have. */
export async function setVisibleRange(start: number, end: number): Promise<void> {
  useOrdersStore.setState({ visible: { start, end } });
  const { generation, pages } = useOrdersStore.getState();
  await Promise.all(pagesFor(start, end).filter((p) => !pages[p]).map((p) => fetchPage(generation, p)));
}

/**
 * Orders changed in the replica: refetch the pages on screen, and forget the others (they are
 * stale and refetched when scrolled to). The result set stays the same, so no cursor reset.
 */
export async function refreshVisibleOrders(): Promise<void> {
  const { visible, pages, generation } = useOrdersStore.getState();
  const shown = pagesFor(visible.start, visible.end);
  const kept: Record<number, OrderListRow[]> = {};
  for (const p of shown) if (pages[p]) kept[p] = pages[p];
  useOrdersStore.setState({ pages: kept });
  await Promise.all(shown.map((p) => fetchPage(generation, p)));
}

export async function setFilters(patch: Partial<QueueFilters>): Promise<void> {
  const before = useOrdersStore.getState();
  const filters = { ...before.filters, ...patch };
  if (queryKey(filters, before.sort) === queryKey(before.filters, before.sort)) {
    useOrdersStore.setState({ filters });
    return;
  }
  useOrdersStore.setState({ filters });
  await reloadOrders();
}

export async function clearFilters(): Promise<void> {
  await setFilters({ ...DEFAULT_FILTERS, search: useOrdersStore.getState().filters.search });
}

export async function setSort(sort: QueueSort): Promise<void> {
  useOrdersStore.setState({ sort });
  await reloadOrders();
}

/** The search box: the text shows at once, the query runs after a short pause in typing. */
export function setSearch(text: string): void {
  const before = useOrdersStore.getState();
  const oldKey = queryKey(before.filters, before.sort);
  const filters = { ...before.filters, search: text };
  if (before.searchTimer !== null) clearTimeout(before.searchTimer);
  if (queryKey(filters, before.sort) === oldKey) {
    useOrdersStore.setState({ filters, searchTimer: null });
    return;
  }
  const searchTimer = setTimeout(() => {
    useOrdersStore.setState({ searchTimer: null });
    void reloadOrders();
  }, SEARCH_DEBOUNCE_MS);
  useOrdersStore.setState({ filters, searchTimer });
}

export function setCursor(index: number): void {
  const { total } = useOrdersStore.getState();
  useOrdersStore.setState({ cursor: Math.max(0, Math.min(index, Math.max(0, total - 1))) });
}
