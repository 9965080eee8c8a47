import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_QUEUE_PAGE } from '../../../../shared/api/console-start';
import type { ListOrdersResponse } from '../../../../shared/api/orders-api';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import {
  PAGE_SIZE,
  SEARCH_DEBOUNCE_MS,
  refreshVisibleOrders,
  reloadOrders,
  resetOrdersStore,
  rowAt,
  setCursor,
  setFilters,
  setSearch,
  setVisibleRange,
  useOrdersStore,
} from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;

const listCalls = () => fake.calls.filter(([m]) => m === 'listOrders').map(([, args]) => args as { offset: number; search?: string });

beforeEach(() => {
  resetOrdersStore();
  fake = createFakeApi(makeFakeWorld({ orders: 450, drivers: 20, now: NOW }), () => NOW);
  installApi(fake.api);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Installs an API whose first listOrders answers only when the test calls the returned release (a late answer). */
function holdFirstListOrders(): (late: ListOrdersResponse) => void {
  let release: (r: ListOrdersResponse) => void = () => {};
  const slow = new Promise<ListOrdersResponse>((r) => (release = r));
  const real = fake.api.listOrders;
  let first = true;
  installApi({
    ...fake.api,
    listOrders: (args) => {
      if (!first) return real(args);
      first = false;
      return slow;
    },
  });
  return (late) => release(late);
}

describe('orders store', () => {
  it('asks first for exactly the page main warms up at start (shared/api/console-start)', async () => {
    await reloadOrders();
    expect(fake.calls.filter(([m]) => m === 'listOrders').map(([, args]) => args)).toEqual([FIRST_QUEUE_PAGE]);
  });

  it('loads the first page and the total', async () => {
    await reloadOrders();
    const s = useOrdersStore.getState();
    expect(s.loaded).toBe(true);
    expect(s.total).toBeGreaterThan(PAGE_SIZE);
    expect(rowAt(s, 0)?.number).toMatch(/^AL-/);
    expect(rowAt(s, PAGE_SIZE + 1)).toBeUndefined();
  });

  it('fetches only the pages a scroll reveals, once', async () => {
    await reloadOrders();
    fake.calls.length = 0;
    await Promise.all([setVisibleRange(90, 130), setVisibleRange(95, 135)]);
    expect(listCalls().map((c) => c.offset)).toEqual([PAGE_SIZE]);
    expect(rowAt(useOrdersStore.getState(), 120)).toBeDefined();
  });

  it('debounces search and runs one query for a burst of typing', async () => {
    vi.useFakeTimers();
    await reloadOrders();
    fake.calls.length = 0;
    setSearch('A');
    setSearch('AL');
    setSearch('AL-1000');
    expect(useOrdersStore.getState().filters.search).toBe('AL-1000');
    expect(listCalls()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 5);
    expect(listCalls().map((c) => c.search)).toEqual(['AL-1000']);
    expect(useOrdersStore.getState().total).toBeGreaterThan(0);
    expect(rowAt(useOrdersStore.getState(), 0)?.number.startsWith('AL-1000')).toBe(true);
  });

  it('does not query again when only whitespace changed', async () => {
    vi.useFakeTimers();
    await reloadOrders();
    fake.calls.length = 0;
    setSearch('   ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 5);
    expect(listCalls()).toHaveLength(0);
  });

  it('drops a late answer to an older query', async () => {
    const release = holdFirstListOrders();
    const old = reloadOrders();
    await setFilters({ status: 'problem' });
    release({ rows: [], total: 999, offset: 0 });
    await old;
    const s = useOrdersStore.getState();
    expect(s.total).not.toBe(999);
    expect(rowAt(s, 0)?.status).toBe('problem');
  });

  it('drops an answer to a query asked before a reset, even once the new store has asked again', async () => {
    const release = holdFirstListOrders();
    const old = reloadOrders();
    resetOrdersStore();
    await setFilters({ status: 'problem' });
    release({ rows: [], total: 999, offset: 0 });
    await old;
    const s = useOrdersStore.getState();
    expect(s.total).not.toBe(999);
    expect(rowAt(s, 0)?.status).toBe('problem');
    expect(s.inflight).toEqual({});
  });

  it('a reset cancels the search still waiting for a pause in typing', async () => {
    vi.useFakeTimers();
    await reloadOrders();
    fake.calls.length = 0;
    setSearch('AL-1000');
    expect(useOrdersStore.getState().searchTimer).not.toBeNull();
    resetOrdersStore();
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS + 5);
    expect(listCalls()).toHaveLength(0);
    expect(useOrdersStore.getState()).toMatchObject({ searchTimer: null, filters: { search: '' } });
  });

  it('refreshes the visible pages on a change without moving the cursor', async () => {
    await reloadOrders();
    await setVisibleRange(0, 30);
    setCursor(7);
    const before = rowAt(useOrdersStore.getState(), 3);
    if (!before) throw new Error('no row');
    fake.world.orders.find((o) => o.id === before.id)!.customerName = 'Renamed LLP';
    await refreshVisibleOrders();
    const s = useOrdersStore.getState();
    expect(s.cursor).toBe(7);
    expect(rowAt(s, 3)?.customerName).toBe('Renamed LLP');
  });

  it('resets the cursor and pages when filters change', async () => {
    await reloadOrders();
    setCursor(5);
    await setFilters({ serviceType: 'express' });
    const s = useOrdersStore.getState();
    expect(s.cursor).toBe(0);
    expect(rowAt(s, 0)?.serviceType).toBe('express');
    expect(listCalls().at(-1)).toMatchObject({ serviceType: 'express', offset: 0 });
  });

  it('keeps the cursor inside the list', async () => {
    await setFilters({ status: 'problem' });
    setCursor(10_000);
    expect(useOrdersStore.getState().cursor).toBe(useOrdersStore.getState().total - 1);
    setCursor(-3);
    expect(useOrdersStore.getState().cursor).toBe(0);
  });
});
