import { describe, expect, it } from 'vitest';
import { accountReceipts, byPressure, firstLimitLine, loopDelayMs, quantile } from './scale-accounting';

const keys = (...k: string[]): Set<string> => new Set(k);

describe('accountReceipts', () => {
  it('counts every receipt arrived when every desktop got every fix', () => {
    const a = accountReceipts({
      expected: keys('d1@1000', 'd2@1000'),
      desktops: 3,
      counts: new Map([['d1@1000', 3], ['d2@1000', 3]]),
      perDesktop: [{ received: 2, closedCode: null }, { received: 2, closedCode: null }, { received: 2, closedCode: null }],
    });
    expect(a).toEqual({ expected: 6, arrived: 6, neverFramedFixes: 0, neverFramedReceipts: 0, missingAtClosed: 0, notArrived: 0, unexpected: 0, duplicates: 0, unaccounted: 0 });
  });

  it('gives each missing receipt its reason: never framed, desktop closed, not arrived in time', () => {
    // 4 fixes x 3 desktops. d4@2000 reached nobody (the server never framed it); desktop 0 was
    // closed after two fixes; desktop 2 is open but lacks one fix at the drain's end.
    const a = accountReceipts({
      expected: keys('d1@1000', 'd2@1000', 'd3@1000', 'd4@2000'),
      desktops: 3,
      counts: new Map([['d1@1000', 3], ['d2@1000', 3], ['d3@1000', 1]]),
      perDesktop: [{ received: 2, closedCode: 4005 }, { received: 3, closedCode: null }, { received: 2, closedCode: null }],
    });
    expect(a.expected).toBe(12);
    expect(a.arrived).toBe(7);
    expect(a.neverFramedFixes).toBe(1);
    expect(a.neverFramedReceipts).toBe(3);
    expect(a.missingAtClosed).toBe(1);
    expect(a.notArrived).toBe(1);
    expect(a.unaccounted).toBe(0);
  });

  it('shows receipts no reason explains as unaccounted, duplicates and unexpected fixes apart', () => {
    const a = accountReceipts({
      expected: keys('d1@1000', 'd2@1000'),
      desktops: 2,
      // d1 came three times for two desktops; d9 was never seen accepted by its phone.
      counts: new Map([['d1@1000', 3], ['d2@1000', 1], ['d9@1000', 2]]),
      // The desktops say they have everything: the missing d2 receipt has no reason.
      perDesktop: [{ received: 3, closedCode: null }, { received: 3, closedCode: null }],
    });
    expect(a.arrived).toBe(3);
    expect(a.duplicates).toBe(1);
    expect(a.unexpected).toBe(2);
    expect(a.notArrived).toBe(0);
    expect(a.unaccounted).toBe(1);
  });
});

describe('quantile', () => {
  it('reads the value where the cumulative count reaches q', () => {
    const h = new Map([[30, 1], [10, 5], [20, 3], [1000, 1]]);
    expect(quantile(h, 0.5)).toBe(10);
    expect(quantile(h, 0.6)).toBe(20);
    expect(quantile(h, 0.9)).toBe(30);
    expect(quantile(h, 0.99)).toBe(1000);
    expect(quantile(new Map(), 0.5)).toBeNaN();
  });
});

describe('first limit', () => {
  const resources = [
    { name: 'server CPU', value: 26, limit: 100, unit: '% of a core' },
    { name: 'machine CPU', value: 9, limit: 2, unit: 'runnable' },
    { name: "server's event-loop delay p99", value: 40, limit: 100, unit: 'ms' },
  ];

  it('orders resources by their share of their limit', () => {
    expect(byPressure(resources).map((r) => r.name)).toEqual(['machine CPU', "server's event-loop delay p99", 'server CPU']);
  });

  it('names the resource past its limit, then the next one', () => {
    expect(firstLimitLine(resources)).toBe("first limit: machine CPU at 9 runnable of 2 runnable (450%); next: server's event-loop delay p99 at 40 ms of 100 ms (40%)");
  });

  it('says no limit was reached when none is', () => {
    expect(firstLimitLine(resources.slice(0, 1))).toBe('first limit: none reached; nearest: server CPU at 26 % of a core of 100 % of a core (26%)');
  });
});

describe('loopDelayMs', () => {
  it("takes the monitor's own 10 ms interval off its readings", () => {
    expect(loopDelayMs(10_070_000)).toBe(0.1);
    expect(loopDelayMs(112_000_000)).toBe(102);
    expect(loopDelayMs(9_000_000)).toBe(0);
  });
});
