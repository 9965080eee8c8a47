import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { startLatestRequest, type RequestTicket } from './latest-request';

const makeStore = () => create<{ lookup: RequestTicket; other: RequestTicket }>(() => ({ lookup: null, other: null }));

describe('startLatestRequest', () => {
  it('only the request asked last is still wanted; a request on another key does not interfere', () => {
    const store = makeStore();
    const first = startLatestRequest(store, 'lookup');
    expect(first()).toBe(true);
    const second = startLatestRequest(store, 'lookup');
    startLatestRequest(store, 'other');
    expect([first(), second()]).toEqual([false, true]);
  });

  it('after a reset no earlier request is wanted, not even one asked again just after', () => {
    const store = makeStore();
    const before = startLatestRequest(store, 'lookup');
    store.setState({ lookup: null });
    const after = startLatestRequest(store, 'lookup');
    expect([before(), after()]).toEqual([false, true]);
  });

  it('two stores share nothing', () => {
    const a = makeStore();
    const b = makeStore();
    const inA = startLatestRequest(a, 'lookup');
    startLatestRequest(b, 'lookup');
    expect(inA()).toBe(true);
  });
});
