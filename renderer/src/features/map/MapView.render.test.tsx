// @vitest-environment happy-dom
// The map's attribution is a setting, so it is shown as the text it is: hostile markup stays
// inert text in Leaflet's attribution control (Leaflet inserts attributions as HTML).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { installApi } from '../../api/client';
import { createFakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { mountHost, type DomHost } from '../../testing/dom-host';
import { useSettingsStore } from '../settings/store';
import { MapView } from './MapView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let dom: DomHost | null = null;
afterEach(() => {
  dom?.unmount();
  dom = null;
});

describe('map attribution (rendered)', () => {
  it('shows a hostile attribution as text, with no element made from it', async () => {
    const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
    installApi(createFakeApi(makeFakeWorld({ orders: 5, drivers: 2, now: NOW }), () => NOW).api);
    const hostile = '<img src=x onerror="globalThis.pwned=1">Tiles <b>bold</b>';
    useSettingsStore.setState({
      language: 'en',
      settings: { serverUrl: null, hasToken: false, language: 'en', tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png', tileAttribution: hostile, geocoderUrl: '', historyDays: 30, serverMode: 'none' },
    });
    dom = mountHost();
    const { root, host } = dom;
    await act(async () => {
      root.render(<MapView />);
      await new Promise((r) => setTimeout(r, 50));
    });
    const control = host.querySelector('.leaflet-control-attribution');
    expect(control).not.toBeNull();
    expect(control?.textContent).toContain(hostile);
    expect(control?.querySelector('img, b')).toBeNull();
  });
});
