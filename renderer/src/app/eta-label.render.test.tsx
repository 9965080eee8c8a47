// @vitest-environment happy-dom
// One rule for a predicted arrival: the map's label on the selected order's route and the order
// card show the same time and distance, both the shared/eta prediction main sends with the card
// (issue 13: the label used to be a straight-line estimate of its own and disagreed).
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installApi } from '../api/client';
import { createFakeApi } from '../testing/fake-api';
import { makeFakeWorld } from '../testing/fake-data';
import { mountHost, type DomHost } from '../testing/dom-host';
import { formatterFor } from '../../../shared/locale';
import { useClockStore } from '../features/clock/store';
import { loadDrivers } from '../features/drivers/store';
import { OrderCard } from '../features/order-card/OrderCard';
import { openOrder, resetOrderCardStore, useOrderCardStore } from '../features/order-card/store';
import { useSettingsStore } from '../features/settings/store';
import { MapView } from '../features/map/MapView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom has no 2D canvas; Leaflet's canvas renderer draws the route through one. A context
// that accepts every call and draws nothing lets the map mount (what is checked is its text).
const inertContext = new Proxy({}, { get: (_t, key) => (key === 'canvas' ? undefined : () => inertContext) });
const realGetContext = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => inertContext) as unknown as typeof realGetContext;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = realGetContext;
});

let dom: DomHost | null = null;
afterEach(() => {
  dom?.unmount();
  dom = null;
});

describe("the map's ETA label and the order card", () => {
  it('show the same predicted arrival and distance', async () => {
    const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
    const fake = createFakeApi(makeFakeWorld({ orders: 300, drivers: 12, now: NOW }), () => NOW);
    installApi(fake.api);
    resetOrderCardStore();
    useClockStore.setState({ now: NOW, skewMs: 0 });
    useSettingsStore.setState({
      language: 'en',
      settings: { serverUrl: null, hasToken: false, language: 'en', tileUrl: '', tileAttribution: '', geocoderUrl: '', historyDays: 30, serverMode: 'none' },
    });
    // An order on the road whose driver has a position far enough away that the two rules differ.
    const order = fake.world.orders.find((o) => {
      const d = fake.world.drivers.find((x) => x.id === o.driverId);
      return o.status === 'in_transit' && d !== undefined && d.lat !== null;
    });
    if (!order) throw new Error('no order in transit with a located driver');
    dom = mountHost();
    const { root, host } = dom;
    await act(async () => {
      await loadDrivers();
      root.render(
        <>
          <MapView />
          <OrderCard />
        </>,
      );
      await openOrder(order.id);
      await new Promise((r) => setTimeout(r, 50));
    });
    const p = useOrderCardStore.getState().detail?.predicted;
    if (!p) throw new Error('the card has no prediction');
    const fmt = formatterFor('en');
    const label = host.querySelector('.map-eta-tooltip')?.textContent ?? '';
    const card = host.querySelector('[data-testid="predicted-arrival"]')?.textContent ?? '';
    const cardKm = host.querySelector('[data-testid="predicted-distance"]')?.textContent ?? '';
    expect(card).toContain(fmt.shortDateTime(p.at, NOW));
    expect(label).toContain(fmt.shortDateTime(p.at, NOW));
    expect(label).toContain(fmt.km(p.basis.distanceKm));
    expect(cardKm).toContain(fmt.km(p.basis.distanceKm));
    // Both carry the same HH:MM: read it out of each and compare directly.
    const hhmm = (s: string) => /\d{1,2}:\d{2}/.exec(s)?.[0];
    expect(hhmm(label)).toBe(hhmm(card));
  });
});
