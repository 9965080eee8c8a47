import { describe, expect, it } from 'vitest';
import { driverMapState } from '../api/driver-map-state';
import { rankDrivers, DEFAULT_RANKING_WEIGHTS } from './driver-ranking';
import { hasNoSignal, NO_SIGNAL_AFTER_MS } from './driver-signal';

const NOW = 1_700_000_000_000;

describe('no signal: one rule for the map, the panel and the suggestions', () => {
  it("follows the server's flag even when the fix looks fresh, and the age threshold otherwise", () => {
    expect(hasNoSignal({ fixAt: NOW - 1000, noSignal: true }, NOW)).toBe(true);
    expect(hasNoSignal({ fixAt: NOW - 1000, noSignal: false }, NOW)).toBe(false);
    expect(hasNoSignal({ fixAt: NOW - NO_SIGNAL_AFTER_MS }, NOW)).toBe(false);
    expect(hasNoSignal({ fixAt: NOW - NO_SIGNAL_AFTER_MS - 1 }, NOW)).toBe(true);
    expect(hasNoSignal({ fixAt: null }, NOW)).toBe(true);
    // No fix at all is no signal however long the threshold a caller allows.
    expect(hasNoSignal({ fixAt: null }, NOW, Number.POSITIVE_INFINITY)).toBe(true);
    expect(hasNoSignal({ fixAt: NOW - 1000 }, NOW, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('a frozen phone is grey on the map and ranked as without signal', () => {
    const d = { shiftState: 'on_shift' as const, load: 0, fixAt: NOW - 1000 };
    expect(driverMapState(d, NOW)).toBe('free');
    expect(driverMapState({ ...d, noSignal: true }, NOW)).toBe('no_signal');
    // Free means on shift with nothing in work; a break with nothing in work is its own state.
    expect(driverMapState({ ...d, load: 2 }, NOW)).toBe('busy');
    expect(driverMapState({ ...d, shiftState: 'on_break' }, NOW)).toBe('on_break');
    expect(driverMapState({ ...d, shiftState: 'on_break', load: 1 }, NOW)).toBe('busy');
    const driver = { id: 'd1', shiftState: 'on_shift' as const, lat: 43.25, lon: 76.9, fixAt: NOW - 1000, activeOrders: 0, ordersToday: 0 };
    const rank = (noSignal: boolean) => rankDrivers({ pickup: { lat: 43.25, lon: 76.9 }, customerId: null, now: NOW, drivers: [{ ...driver, noSignal }] }).suggestions[0];
    expect(rank(false)?.noSignal).toBe(false);
    expect(rank(true)?.noSignal).toBe(true);
    expect(DEFAULT_RANKING_WEIGHTS.signalMaxAgeMs).toBe(NO_SIGNAL_AFTER_MS);
  });
});
