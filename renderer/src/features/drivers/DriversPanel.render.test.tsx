// @vitest-environment happy-dom
// The drivers panel narrowed to one warehouse (issue 18: a "nobody started the day" alert opens
// it): the warehouse named on top, counts of its drivers only, and a way back to everyone.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverListRow } from '../../../../shared/api/drivers-api';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useClockStore } from '../clock/store';
import { useSettingsStore } from '../settings/store';
import { DriversPanel, driversOfWarehouse } from './DriversPanel';
import { openWarehouseDrivers, resetDriversStore, useDriversStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-03-03T09:20:00+05:00');
let dom: DomHost;

const driver = (id: string, homeWarehouseId: string, shiftState: DriverListRow['shiftState']): DriverListRow => ({
  id, name: `Driver ${id}`, phone: '', vehicle: 'Gazelle', vehiclePlate: `${id}-KZ`, homeWarehouseId, shiftState, shiftChangedAt: null,
  lat: null, lon: null, headingDeg: null, speedKmh: null, battery: null, charging: null, fixAt: null, noSignal: false, load: 0, assignedToday: 0, version: 1,
});
const drivers = [driver('d1', 'wh-1', 'off_shift'), driver('d2', 'wh-1', 'off_shift'), driver('d3', 'wh-2', 'on_shift')];

beforeEach(() => {
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useSettingsStore.setState({ language: 'ru' });
  resetDriversStore();
  useDriversStore.setState({ drivers, index: new Map(drivers.map((d, i) => [d.id, i])), loaded: true });
  dom = mountHost();
});

afterEach(() => dom.unmount());

describe('the drivers panel for one warehouse (rendered)', () => {
  it('names the warehouse, counts only its drivers, and goes back to all', () => {
    act(() => dom.root.render(<DriversPanel />));
    expect(dom.host.querySelector('.drivers-filter')).toBeNull();
    const offAll = dom.host.querySelector('.drivers-summary')?.textContent;
    act(() => openWarehouseDrivers('wh-1', 'Склад Алатау'));
    expect(dom.host.querySelector('.drivers-filter strong')?.textContent).toBe('Водители: Склад Алатау');
    const summary = dom.host.querySelector('.drivers-summary')?.textContent ?? '';
    expect(summary).not.toBe(offAll);
    expect(summary.replace(/\s+/g, ' ')).toContain('0 Свободен');
    expect(summary.replace(/\s+/g, ' ')).toMatch(/ 2 Не на смене/);
    act(() => dom.host.querySelector<HTMLButtonElement>('.drivers-filter button')?.click());
    expect(useDriversStore.getState().warehouseFilter).toBeNull();
    expect(dom.host.querySelector('.drivers-filter')).toBeNull();
  });

  it('driversOfWarehouse keeps a warehouse’s own drivers, or everyone', () => {
    expect(driversOfWarehouse(drivers, 'wh-1').map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(driversOfWarehouse(drivers, 'wh-9')).toEqual([]);
    expect(driversOfWarehouse(drivers, null)).toBe(drivers);
  });
});
