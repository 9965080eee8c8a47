import { beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { countByState, sortDriversForPanel } from './DriversPanel';
import { applyFixes, driverById, loadDrivers, resetDriversStore, selectDriverNames, useDriversStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;

beforeEach(async () => {
  resetDriversStore();
  fake = createFakeApi(makeFakeWorld({ orders: 100, drivers: 12, now: NOW }), () => NOW);
  installApi(fake.api);
  await loadDrivers();
});

const fix = (driverId: string, fixAt: number, lat = 43.3) => ({ driverId, lat, lon: 76.9, headingDeg: 90, speedKmh: 30, battery: 55, fixAt, noSignal: false });

describe('drivers store', () => {
  it('loads the list with an index by id', () => {
    const s = useDriversStore.getState();
    expect(s.drivers).toHaveLength(12);
    expect(driverById(s, 'drv-3')?.id).toBe('drv-3');
    expect(driverById(s, null)).toBeUndefined();
  });

  it('merges position fixes in place and keeps untouched rows identical', () => {
    const before = useDriversStore.getState().drivers;
    applyFixes([fix('drv-1', NOW + 1000)]);
    const after = useDriversStore.getState();
    expect(driverById(after, 'drv-1')).toMatchObject({ lat: 43.3, headingDeg: 90, battery: 55, fixAt: NOW + 1000 });
    expect(after.drivers[1]).toBe(before[1]); // same object: its row doesn't re-render
    expect(after.index).toBe(useDriversStore.getState().index);
  });

  it('ignores a fix older than the one it has', () => {
    applyFixes([fix('drv-1', NOW + 5000, 43.31)]);
    applyFixes([fix('drv-1', NOW + 1000, 43.99)]);
    expect(driverById(useDriversStore.getState(), 'drv-1')?.lat).toBe(43.31);
  });

  it('reloads instead of dropping fixes of a driver it has not seen', async () => {
    fake.calls.length = 0;
    applyFixes([fix('drv-999', NOW)]);
    await Promise.resolve();
    expect(fake.calls.some(([m]) => m === 'listDrivers')).toBe(true);
  });

  it('sorts the panel: free first, then busy, then no signal, then off shift', () => {
    const drivers = useDriversStore.getState().drivers;
    const sorted = sortDriversForPanel(drivers, NOW);
    const counts = countByState(drivers, NOW);
    expect(counts.free + counts.busy + counts.on_break + counts.no_signal + counts.off_shift).toBe(12);
    const rank = { free: 0, busy: 1, on_break: 2, no_signal: 3, off_shift: 4 } as const;
    const states = sorted.map((d) =>
      d.shiftState === 'off_shift' ? 'off_shift' : d.fixAt === null || NOW - d.fixAt > 300_000 ? 'no_signal' : d.load > 0 ? 'busy' : d.shiftState === 'on_break' ? 'on_break' : 'free',
    );
    expect(states.map((s) => rank[s])).toEqual([...states.map((s) => rank[s])].sort((a, b) => a - b));
  });

  it('keeps the same id+name list across position updates and reloads, and makes a new one when a name changes', async () => {
    const names = selectDriverNames(useDriversStore.getState());
    expect(names).toHaveLength(12);
    expect(names[0]).toEqual({ id: useDriversStore.getState().drivers[0]?.id, name: useDriversStore.getState().drivers[0]?.name, plate: useDriversStore.getState().drivers[0]?.vehiclePlate });
    applyFixes([fix('drv-1', NOW + 1000), fix('drv-2', NOW + 1000)]);
    expect(selectDriverNames(useDriversStore.getState())).toBe(names);
    await loadDrivers();
    expect(selectDriverNames(useDriversStore.getState())).toBe(names);
    const renamed = fake.world.drivers.find((d) => d.id === 'drv-2');
    if (renamed) renamed.name = 'Renamed';
    await loadDrivers();
    const next = selectDriverNames(useDriversStore.getState());
    expect(next).not.toBe(names);
    expect(next.find((d) => d.id === 'drv-2')?.name).toBe('Renamed');
  });

  it('a reset store holds no names of the drivers before (nothing kept at module level)', () => {
    expect(selectDriverNames(useDriversStore.getState())).toHaveLength(12);
    resetDriversStore();
    expect(selectDriverNames(useDriversStore.getState())).toEqual([]);
  });
});
