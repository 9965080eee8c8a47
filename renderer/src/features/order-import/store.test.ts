import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderImportFile, OrderImportProgress } from '../../../../shared/api/order-import-api';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { PROGRESS_POLL_MS, closeOrderImport, commitOrderImport, openOrderImport, useOrderImportStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
const FILE: OrderImportFile = { importId: 'imp-1', fileName: 'orders.csv', sheetName: 'orders', headers: ['Number'], sampleRows: [], rowCount: 3, suggestedMapping: {} };

let fake: FakeApi;
/** What the server says about the batch at each question, in order (the last one repeats). */
let answers: OrderImportProgress['state'][];
let asked: number;

beforeEach(() => {
  vi.useFakeTimers();
  fake = createFakeApi(makeFakeWorld({ orders: 5, drivers: 1, now: NOW }), () => NOW);
  answers = ['queued'];
  asked = 0;
  installApi({
    ...fake.api,
    commitOrderImport: () => Promise.resolve({ ok: true as const, mid: 7, created: 3, parts: 1, batchId: 'batch-1' }),
    orderImportProgress: ({ batchId }) => {
      const state = answers[Math.min(asked, answers.length - 1)] ?? 'queued';
      asked += 1;
      return Promise.resolve({ batchId, parts: 1, orders: 3, received: state === 'done' ? 1 : 0, state, online: true, refusal: null });
    },
  });
  closeOrderImport();
  openOrderImport();
  useOrderImportStore.setState({ file: FILE, step: 'mapping' });
});
afterEach(() => {
  closeOrderImport();
  vi.useRealTimers();
});

describe('order import store: the progress poll', () => {
  it('asks where the import stands until the server decides, then stops', async () => {
    answers = ['queued', 'sending', 'done'];
    await commitOrderImport();
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 5);
    expect(asked).toBe(3);
    expect(useOrderImportStore.getState()).toMatchObject({ step: 'done', progress: { state: 'done' }, pollTimer: null });
  });

  it('closing the dialog stops the poll', async () => {
    await commitOrderImport();
    expect(asked).toBe(1);
    expect(useOrderImportStore.getState().pollTimer).not.toBeNull();
    closeOrderImport();
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 5);
    expect(asked).toBe(1);
    expect(useOrderImportStore.getState().pollTimer).toBeNull();
  });

  it('opening the dialog again stops the old import\'s poll', async () => {
    await commitOrderImport();
    openOrderImport();
    await vi.advanceTimersByTimeAsync(PROGRESS_POLL_MS * 5);
    expect(asked).toBe(1);
    expect(useOrderImportStore.getState()).toMatchObject({ open: true, step: 'file', progress: null, pollTimer: null });
  });
});
