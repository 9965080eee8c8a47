// The carriers tab searches as the user types: only the newest search may write the results,
// and the search waiting for a pause in typing belongs to the store (a reset cancels it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CarrierFilters } from '../../../../shared/api/carriers-api';
import type { MarshrutApi } from '../../../../shared/api/contract';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { resetCarriersStore, search, setDraft, useCarriersStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
type SearchAnswer = Awaited<ReturnType<MarshrutApi['searchCarriers']>>;

let fake: FakeApi;
let asked: CarrierFilters[];
/** Answers held back, by the text searched, until a test releases them. */
let held: Map<string, (a: SearchAnswer) => void>;

beforeEach(() => {
  resetCarriersStore();
  fake = createFakeApi(makeFakeWorld({ orders: 5, drivers: 1, now: NOW }), () => NOW);
  asked = [];
  held = new Map();
  installApi({
    ...fake.api,
    searchCarriers: (f) => {
      asked.push(f);
      return new Promise<SearchAnswer>((resolve) => held.set(f.text ?? '', resolve));
    },
  });
});
afterEach(() => {
  resetCarriersStore();
  vi.useRealTimers();
});

const answer = (text: string, names: string[]): SearchAnswer => ({
  results: fake.world.carriers.slice(0, names.length).map((c, i) => ({ ...c, name: names[i] ?? c.name })),
  hasMore: false,
  offset: 0,
  fromCity: null,
  toCity: null,
  tookMs: text.length,
});

describe('carriers store: searching as the user types', () => {
  it('drops the answer of an older search that arrives after a newer one', async () => {
    useCarriersStore.setState({ draft: { ...useCarriersStore.getState().draft, text: 'Жол' } });
    const older = search();
    useCarriersStore.setState({ draft: { ...useCarriersStore.getState().draft, text: 'Жол Транс' } });
    const newer = search();
    held.get('Жол Транс')?.(answer('Жол Транс', ['ТОО Жол Транс']));
    await newer;
    held.get('Жол')?.(answer('Жол', ['ТОО Жол', 'ТОО Жол Транс']));
    await older;
    expect(useCarriersStore.getState()).toMatchObject({ searching: false, tookMs: 'Жол Транс'.length });
    expect(useCarriersStore.getState().results.map((r) => r.name)).toEqual(['ТОО Жол Транс']);
  });

  it('runs one search after a pause in typing, and a reset cancels the one still waiting', async () => {
    vi.useFakeTimers();
    setDraft({ text: 'Ж' });
    setDraft({ text: 'Жол' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked.map((f) => f.text)).toEqual(['Жол']);
    setDraft({ text: 'Жол Т' });
    resetCarriersStore();
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(1);
    expect(useCarriersStore.getState()).toMatchObject({ searchTimer: null, draft: { text: '' } });
  });
});
