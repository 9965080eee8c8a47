// The scan's sound is the warehouse store's: one audio context per store, opened by the first
// scan and closed on reset, so two tests (or two windows' stores) never play on the same one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanResult } from '../../../../shared/api/warehouse-api';
import { installApi } from '../../api/client';
import { createFakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { resetWarehouseStore, scan, useWarehouseStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);

/** A FAKE AudioContext: records each tone's frequency and wave, and whether it was closed. */
class FakeAudioContext {
  static opened: FakeAudioContext[] = [];
  state: 'running' | 'suspended' | 'closed' = 'suspended';
  currentTime = 0;
  destination = {};
  tones: string[] = [];
  resumed = 0;
  constructor() {
    FakeAudioContext.opened.push(this);
  }
  resume(): Promise<void> {
    this.resumed += 1;
    this.state = 'running';
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
  createOscillator() {
    const osc = { type: 'sine', frequency: { value: 0 }, connect: (g: object) => g, start: () => this.tones.push(`${osc.frequency.value}:${osc.type}`), stop: () => undefined };
    return osc;
  }
  createGain() {
    const ramp = () => undefined;
    return { gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp }, connect: (d: object) => d };
  }
}

let outcome: ScanResult['outcome'];

beforeEach(() => {
  FakeAudioContext.opened = [];
  vi.stubGlobal('window', { AudioContext: FakeAudioContext });
  const fake = createFakeApi(makeFakeWorld({ orders: 5, drivers: 1, now: NOW }), () => NOW, { role: 'warehouse' });
  outcome = 'picked';
  installApi({
    ...fake.api,
    pickList: () => Promise.resolve([]),
    scanPick: ({ number }) => Promise.resolve({ outcome, number, orderId: outcome === 'picked' ? 'o-1' : null, status: null, message: '', mid: null }),
  });
  resetWarehouseStore();
});
afterEach(() => {
  resetWarehouseStore();
  vi.unstubAllGlobals();
});

describe('warehouse store: the scan sound', () => {
  it('opens one audio context on the first scan and plays every later scan on it: a beep for a pick, two buzzes for the rest', async () => {
    expect(useWarehouseStore.getState().audio).toBeNull();
    await scan('AL-100001');
    outcome = 'unknown';
    await scan('AL-999999');
    expect(FakeAudioContext.opened).toHaveLength(1);
    const [ctx] = FakeAudioContext.opened;
    expect(useWarehouseStore.getState().audio).toBe(ctx);
    expect(ctx?.tones).toEqual(['1320:sine', '220:square', '220:square']);
    expect(ctx?.resumed).toBe(1);
  });

  it('a reset closes the context, and the next scan opens its own', async () => {
    await scan('AL-100001');
    const [first] = FakeAudioContext.opened;
    resetWarehouseStore();
    expect(first?.state).toBe('closed');
    expect(useWarehouseStore.getState().audio).toBeNull();
    await scan('AL-100002');
    expect(FakeAudioContext.opened).toHaveLength(2);
    expect(FakeAudioContext.opened[1]?.tones).toEqual(['1320:sine']);
    expect(first?.tones).toEqual(['1320:sine']);
  });

  it('with no audio on the machine a scan still answers, silently', async () => {
    vi.stubGlobal('window', {});
    await scan('AL-100001');
    expect(useWarehouseStore.getState()).toMatchObject({ audio: null, feedback: { outcome: 'picked', number: 'AL-100001' } });
  });
});
