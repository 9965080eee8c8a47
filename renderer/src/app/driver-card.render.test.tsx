// @vitest-environment happy-dom
// The driver card rendered for real, beside the map: a click on a driver in the Drivers panel
// opens it (phone as a tel: link in the one phone format, vehicle, shift, today's orders that
// open the order card), today's track is drawn on the map and the replay slider moves the
// marker with its time; a period the rule refuses is said in words, without a call.
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installApi } from '../api/client';
import { createFakeApi, type FakeApi } from '../testing/fake-api';
import { makeFakeWorld } from '../testing/fake-data';
import { mountHost, type DomHost } from '../testing/dom-host';
import { displayPhone } from '../../../shared/domain/phone-display';
import { formatterFor } from '../../../shared/locale';
import { useClockStore } from '../features/clock/store';
import { loadDrivers, resetDriversStore } from '../features/drivers/store';
import { DriversPanel } from '../features/drivers/DriversPanel';
import { DriverCard } from '../features/driver-card/DriverCard';
import { choosePeriod, loadTrack, resetDriverCardStore, setCustomPeriod, useDriverCardStore } from '../features/driver-card/store';
import { useOrderCardStore, resetOrderCardStore } from '../features/order-card/store';
import { useSettingsStore } from '../features/settings/store';
import { MapView } from '../features/map/MapView';
import { useLayoutStore } from './layout-store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom has no 2D canvas; Leaflet's canvas renderer draws the track through one. A context
// that accepts every call and draws nothing lets the map mount (what is checked is its DOM).
const inertContext = new Proxy({}, { get: (_t, key) => (key === 'canvas' ? undefined : () => inertContext) });
const realGetContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => inertContext) as unknown as typeof realGetContext;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext;
});

const NOW = Date.now();
let fake: FakeApi;
let dom: DomHost;

beforeEach(() => {
  fake = createFakeApi(makeFakeWorld({ orders: 300, drivers: 12, now: NOW }), () => Date.now());
  installApi(fake.api);
  resetDriverCardStore();
  resetDriversStore();
  resetOrderCardStore();
  useClockStore.setState({ now: NOW, skewMs: 0 });
  useSettingsStore.setState({
    language: 'en',
    settings: { serverUrl: null, hasToken: false, language: 'en', tileUrl: '', tileAttribution: '', geocoderUrl: '', serverMode: 'none', historyDays: 62 },
  });
  dom = mountHost();
});
afterEach(() => dom.unmount());

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('the driver card (rendered)', () => {
  it('opens from the Drivers panel, shows the facts and today, draws and replays the track', async () => {
    const { root, host } = dom;
    const driver = fake.world.drivers.find((d) => d.lat !== null && d.phone !== '' && fake.world.orders.some((o) => o.driverId === d.id && o.status === 'in_transit'));
    if (!driver) throw new Error('no located driver with an order on the road');
    await act(async () => {
      await loadDrivers();
      root.render(
        <>
          <MapView />
          <DriversPanel />
          <DriverCard />
        </>,
      );
      await settle();
    });
    // The panel is virtualised; happy-dom lays nothing out, so open the card through the row's
    // button when it is rendered, else the way the row's click does.
    const button = host.querySelector<HTMLButtonElement>(`button[aria-label="Open the driver card: ${driver.name}"]`);
    await act(async () => {
      if (button) button.click();
      else await (await import('../features/driver-card/store')).openDriverCard(driver.id);
      await settle();
    });
    expect(useLayoutStore.getState().rightPanel).toBe('driver');
    const card = host.querySelector(`article[aria-label="Driver card ${driver.name}"]`);
    expect(card).not.toBeNull();
    const tel = card?.querySelector<HTMLAnchorElement>('a[href^="tel:"]');
    expect(tel?.textContent).toBe(displayPhone(driver.phone));
    expect(tel?.getAttribute('href')).toMatch(/^tel:\+\d{11}$/);
    expect(card?.textContent).toContain(driver.vehiclePlate);
    expect(card?.textContent).toContain('Shift');
    expect(card?.querySelector('[data-testid="driver-fix-age"]')?.textContent).toMatch(/ago|just now/);
    // Today's orders, each with its SLA, opening the order card.
    const onRoad = fake.world.orders.find((o) => o.driverId === driver.id && o.status === 'in_transit');
    const open = card?.querySelector<HTMLButtonElement>(`button[aria-label="Open order ${onRoad?.number}"]`);
    expect(open?.querySelector('.sla')).not.toBeNull();

    // Today's track came with the card: drawn, and the replay starts at its first fix.
    const s = useDriverCardStore.getState();
    expect(s.track?.points.length).toBeGreaterThan(10);
    const fmt = formatterFor('en');
    const first = s.track?.points[0]?.fixAt as number;
    const last = s.track?.points[(s.track?.points.length ?? 1) - 1]?.fixAt as number;
    expect(host.querySelector('[data-testid="replay-time"]')?.textContent).toBe(fmt.timeSeconds(first));
    expect(host.querySelector('.map-replay-tooltip')?.textContent).toBe(fmt.timeSeconds(first));
    const slider = host.querySelector<HTMLInputElement>('input[type="range"][aria-label="Replay position"]');
    expect(slider).not.toBeNull();
    const middle = Math.round((first + last) / 2000) * 1000;
    // The marker stands where the map puts its latitude and longitude (Leaflet positions the tooltip there).
    const markerAt = () => {
      const st = host.querySelector<HTMLElement>('.map-replay-tooltip')?.style;
      return `${st?.transform ?? ''}|${st?.left ?? ''}|${st?.top ?? ''}`;
    };
    const before = markerAt();
    expect(before).toMatch(/\d/);
    await act(async () => {
      // React listens for input events; set the value the way a drag does.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(slider, String(middle));
      slider?.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
    });
    expect(useDriverCardStore.getState().replayAt).toBe(middle);
    expect(host.querySelector('[data-testid="replay-time"]')?.textContent).toBe(fmt.timeSeconds(middle));
    expect(host.querySelector('.map-replay-tooltip')?.textContent).toBe(fmt.timeSeconds(middle));
    expect(markerAt()).not.toBe(before);

    // An order of today opens the order card.
    await act(async () => {
      open?.click();
      await settle();
    });
    expect(useOrderCardStore.getState().orderId).toBe(onRoad?.id);
  });

  it('says what is wrong with a custom period, in words, without asking', async () => {
    const { root, host } = dom;
    const driver = fake.world.drivers[0];
    if (!driver) throw new Error('no driver');
    await act(async () => {
      root.render(<DriverCard />);
      await (await import('../features/driver-card/store')).openDriverCard(driver.id);
      await settle();
    });
    const calls = () => fake.calls.filter(([m]) => m === 'driverTrack').length;
    const before = calls();
    const alert = () => host.querySelector('[data-testid="track-error"]')?.textContent;
    for (const [from, to, text] of [
      [NOW, NOW - 60_000, 'The period starts after it ends'],
      [NOW - 8 * 86_400_000, NOW, 'longer than 7 days'],
      [NOW, Date.UTC(2100, 0, 1), '"To" is more than a day ahead'],
    ] as const) {
      await act(async () => {
        choosePeriod('custom');
        setCustomPeriod(from, to);
        await loadTrack();
      });
      expect(alert()).toContain(text);
    }
    expect(calls()).toBe(before);
  });
});
