import { describe, expect, it } from 'vitest';
import { toChangesEvent, toConnectionView } from './sync-adapter';

const state = { pendingCount: 2, lastSyncAt: 5, lastError: null, conflictCount: 0, clientId: 'c' };

describe('sync adapter', () => {
  it('shows refused tokens and incompatible servers as offline, with the reason', () => {
    expect(toConnectionView({ ...state, connection: 'online' }, 'http://s')).toEqual({ status: 'online', pending: 2, lastSyncAt: 5, serverUrl: 'http://s', error: null });
    expect(toConnectionView({ ...state, connection: 'unauthorized', lastError: 'HTTP 401' }, 'http://s')).toMatchObject({
      status: 'offline',
      error: 'The server refused the token: HTTP 401',
    });
    expect(toConnectionView({ ...state, connection: 'incompatible' }, 'http://s').error).toMatch(/incompatible version/);
  });

  it('lists changed ids, or says "all" when a catch-up changed too many to list', () => {
    expect(toChangesEvent({ tables: ['orders'], ids: { orders: ['a', 'b'] } })).toEqual({ tables: ['orders'], ids: { orders: ['a', 'b'] }, all: false });
    const many = Array.from({ length: 2500 }, (_, i) => `o${i}`);
    expect(toChangesEvent({ tables: ['orders', 'order_events'], ids: { orders: many } })).toEqual({ tables: ['orders', 'order_events'], ids: {}, all: true });
  });
});
