import { beforeEach, describe, expect, it } from 'vitest';
import type { CourierProviderView } from '../../../../shared/api/handover-api';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { courierName, ensureCourierNames, resetCourierNamesStore, useCourierNamesStore } from './courier-names-store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;
let asked: number;
let answer: () => Promise<CourierProviderView[]>;

beforeEach(() => {
  resetCourierNamesStore();
  fake = createFakeApi(makeFakeWorld({ orders: 5, drivers: 1, now: NOW }), () => NOW);
  asked = 0;
  answer = () => fake.api.courierProviders();
  installApi({
    ...fake.api,
    courierProviders: () => {
      asked += 1;
      return answer();
    },
  });
});

const nameOf = (key: string) => courierName(useCourierNamesStore.getState(), key);

describe('courier names store', () => {
  it('asks the server once, however many cards want the names at the same time or later', async () => {
    await Promise.all([ensureCourierNames(), ensureCourierNames()]);
    await ensureCourierNames();
    expect(asked).toBe(1);
    expect(nameOf('cdek')).toBe('CDEK');
    expect(nameOf('dhl')).toBeNull();
  });

  it('after a failed ask the key stands in, and the next card asks again', async () => {
    answer = () => Promise.reject(new Error('offline'));
    await ensureCourierNames();
    expect(nameOf('cdek')).toBeNull();
    expect(useCourierNamesStore.getState().asking).toBe(false);
    answer = () => fake.api.courierProviders();
    await ensureCourierNames();
    expect(asked).toBe(2);
    expect(nameOf('cdek')).toBe('CDEK');
  });

  it('a reset forgets the names, so one window\'s (or test\'s) server is not another\'s', async () => {
    await ensureCourierNames();
    resetCourierNamesStore();
    answer = () => Promise.resolve([{ key: 'cdek', name: 'СДЭК', api: true }]);
    await ensureCourierNames();
    expect(asked).toBe(2);
    expect(nameOf('cdek')).toBe('СДЭК');
  });
});
