import { beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { acknowledgeConflict, applyConnection, applyHostLink, loadConnection, shownConnection, useConnectionStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;

beforeEach(() => {
  fake = createFakeApi(makeFakeWorld({ orders: 10, drivers: 2, now: NOW }), () => NOW);
  fake.conflicts = [{ id: 'c1', mid: 3, name: 'assignDriver', orderId: 'ord-1', orderNumber: 'AL-100000', code: 'assign_conflict', field: null, message: 'taken', at: NOW }];
  installApi(fake.api);
  useConnectionStore.setState({ view: null, hostLinkUp: true, conflicts: [], error: null });
});

describe('connection store', () => {
  it('shows connecting until main reports, then main’s status', async () => {
    expect(shownConnection(useConnectionStore.getState())).toBe('connecting');
    await loadConnection();
    expect(shownConnection(useConnectionStore.getState())).toBe('online');
    applyConnection({ status: 'catching_up', pending: 3, lastSyncAt: NOW, serverUrl: null, error: null });
    expect(shownConnection(useConnectionStore.getState())).toBe('catching_up');
  });

  it('says offline when the browser host’s own socket drops, whatever main said last', async () => {
    await loadConnection();
    applyHostLink(false);
    expect(shownConnection(useConnectionStore.getState())).toBe('offline');
    applyHostLink(true);
    expect(shownConnection(useConnectionStore.getState())).toBe('online');
  });

  it('loads conflicts and hides one at once when acknowledged', async () => {
    await loadConnection();
    expect(useConnectionStore.getState().conflicts).toHaveLength(1);
    const done = acknowledgeConflict('c1');
    expect(useConnectionStore.getState().conflicts).toHaveLength(0);
    await done;
    expect(fake.conflicts).toHaveLength(0);
  });
});
