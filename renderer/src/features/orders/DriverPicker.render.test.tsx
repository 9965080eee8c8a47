// @vitest-environment happy-dom
// The queue's driver filter rendered for real inside the filter bar: typing narrows the list,
// the keyboard and the mouse pick, the filter follows, and position updates leave it alone.
import { act, Profiler } from 'react';
import type { Root } from 'react-dom/client';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { applyFixes, loadDrivers, resetDriversStore } from '../drivers/store';
import { useSettingsStore } from '../settings/store';
import { MAX_SHOWN } from './driver-match';
import { DriverPicker } from './DriverPicker';
import { QueueTools } from './QueueTools';
import { resetOrdersStore, useOrdersStore } from './store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;
let root: Root;
let host: HTMLElement;
let dom: DomHost;

beforeEach(async () => {
  fake = createFakeApi(makeFakeWorld({ orders: 100, drivers: 300, now: NOW }), () => NOW);
  installApi(fake.api);
  resetOrdersStore();
  resetDriversStore();
  useSettingsStore.setState({ language: 'en' });
  await loadDrivers();
  dom = mountHost();
  ({ host, root } = dom);
});

afterEach(() => {
  dom.unmount();
});

const input = (): HTMLInputElement => {
  const el = host.querySelector<HTMLInputElement>('input[role="combobox"]');
  if (!el) throw new Error('no driver picker');
  return el;
};
// The name only (an option may add the plate after it).
const options = (): string[] => Array.from(host.querySelectorAll('[role="option"]')).map((o) => o.childNodes[0]?.textContent ?? '');
const note = (): string => host.querySelector('.picker-note')?.textContent ?? '';
const listbox = (): HTMLElement | null => host.querySelector('[role="listbox"]');

function type(text: string): void {
  act(() => {
    const el = input();
    el.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(key: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => {
    input().dispatchEvent(e);
  });
  return e;
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('driver picker in the filter bar', () => {
  beforeEach(() => {
    act(() => root.render(<QueueTools />));
  });

  it('is one named combobox, closed until asked, and renders no option while closed', () => {
    expect(input().getAttribute('aria-label')).toBe('Driver');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('All drivers');
    expect(options()).toEqual([]);
    expect(host.querySelectorAll('option').length).toBeLessThan(40); // no 300 <option>s anywhere
  });

  it('shows at most the cap, with the fixed choices first, and says how many more match', () => {
    act(() => input().focus());
    press('ArrowDown');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(options().slice(0, 2)).toEqual(['All drivers', 'unassigned']);
    expect(options()).toHaveLength(2 + MAX_SHOWN);
    expect(note()).toBe(`Showing ${MAX_SHOWN} of 300: type more of the name.`);
  });

  it('filters by the typed text', () => {
    const target = fake.world.drivers[17];
    if (!target) throw new Error('no driver');
    const surname = target.name.split(' ')[1] ?? target.name;
    type(surname.slice(0, 4).toUpperCase());
    const shown = options();
    expect(shown).toContain(target.name);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN);
    const key = surname.slice(0, 4).toLowerCase().replace(/ё/g, 'е');
    expect(shown.every((name) => name.toLowerCase().replace(/ё/g, 'е').includes(key))).toBe(true);
  });

  it('tells drivers of the same name apart by their plate, and finds them by it', () => {
    const twin = fake.world.drivers.find((d) => fake.world.drivers.filter((x) => x.name === d.name).length > 1);
    if (!twin) throw new Error('no two drivers share a name');
    type(twin.name);
    const plates = Array.from(host.querySelectorAll('[role="option"] .picker-detail')).map((e) => e.textContent?.trim());
    expect(plates.length).toBeGreaterThan(1);
    expect(new Set(plates).size).toBe(plates.length);
    type(twin.vehiclePlate);
    expect(options()).toContain(twin.name);
  });

  it('says so when nothing matches', () => {
    type('zzqx');
    expect(options()).toEqual([]);
    expect(note()).toBe('No driver matches “zzqx”.');
  });

  it('picks with the keyboard: the filter is set and the queue asked again', async () => {
    const target = fake.world.drivers.find((d) => fake.world.drivers.filter((x) => x.name === d.name).length === 1);
    if (!target) throw new Error('no uniquely named driver');
    type(target.name);
    expect(options()[0]).toBe(target.name);
    expect(input().getAttribute('aria-activedescendant')).toBe(listbox()?.querySelector('[role="option"]')?.id);
    fake.calls.length = 0;
    const enter = press('Enter');
    await settle();
    expect(enter.defaultPrevented).toBe(true);
    expect(useOrdersStore.getState().filters.driverId).toBe(target.id);
    expect(fake.calls.filter(([m]) => m === 'listOrders').map(([, a]) => (a as { driverId?: string }).driverId)).toEqual([target.id]);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    act(() => input().blur());
    expect(input().value).toBe(target.name);
  });

  it('picks with the mouse, and the arrows reach "unassigned"', async () => {
    act(() => input().focus());
    press('ArrowDown');
    press('ArrowDown');
    press('Enter');
    await settle();
    expect(useOrdersStore.getState().filters.driverId).toBe('none');

    act(() => input().click());
    const third = host.querySelectorAll<HTMLElement>('[role="option"]')[2];
    if (!third) throw new Error('no driver option');
    const name = third.childNodes[0]?.textContent;
    const plate = third.querySelector('.picker-detail')?.textContent?.trim() ?? '';
    act(() => third.click());
    await settle();
    expect(useOrdersStore.getState().filters.driverId).toBe(fake.world.drivers.find((d) => d.name === name && d.vehiclePlate === plate)?.id);
  });

  it('closes on Escape without changing the filter, keeping the Escape to itself', () => {
    type('а');
    const esc = press('Escape');
    expect(esc.defaultPrevented).toBe(true);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(useOrdersStore.getState().filters.driverId).toBeNull();
  });
});

describe('driver picker and live positions', () => {
  it('does not re-render when only positions change', async () => {
    let renders = 0;
    act(() =>
      root.render(
        <Profiler id="picker" onRender={() => (renders += 1)}>
          <DriverPicker value={null} onChange={() => {}} />
        </Profiler>,
      ),
    );
    await settle();
    const before = renders;
    act(() => applyFixes(fake.world.drivers.slice(0, 200).map((d, i) => ({ driverId: d.id, lat: 43.2 + i * 1e-4, lon: 76.9, headingDeg: 90, speedKmh: 30, battery: 50, fixAt: NOW + 60_000, noSignal: false }))));
    await settle();
    expect(renders).toBe(before);
  });
});
