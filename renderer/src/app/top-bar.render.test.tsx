// @vitest-environment happy-dom
// The tab bar, rendered while the session loads: a role adds tabs before Settings, so tabs shown
// before the first answer would move under the pointer and a click meant for Settings would open
// another screen (a CI run clicked Settings and landed on the Warehouse tab). The tabs appear
// once the session has answered, or has failed to, and not before.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarshrutApi } from '../../../shared/api/contract';
import type { SessionView } from '../../../shared/api/session-api';
import { installApi } from '../api/client';
import { loadSession, useSessionStore } from '../features/session/store';
import { useSettingsStore } from '../features/settings/store';
import { mountHost, type DomHost } from '../testing/dom-host';
import { useLayoutStore } from './layout-store';
import { TopBar } from './TopBar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DISPATCHER = { user: { id: 'u-d', name: 'Aigerim', role: 'dispatcher', warehouseId: null }, actor: 'dispatcher', actions: [] } as unknown as SessionView;

let dom: DomHost;
let answer: { resolve(v: SessionView): void; reject(e: Error): void };

beforeEach(() => {
  installApi({
    session: () => new Promise<SessionView>((resolve, reject) => (answer = { resolve, reject })),
    alertCounts: async () => ({ open: 0, critical: 0 }),
  } as unknown as MarshrutApi);
  useSessionStore.setState({ session: null, error: null }, true);
  useSettingsStore.setState({ language: 'en' });
  useLayoutStore.setState({ screen: 'console', landedUserId: null });
  dom = mountHost();
});
afterEach(() => dom.unmount());

const tabs = () => [...dom.host.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
const tablist = () => dom.host.querySelector('[role="tablist"]');

/** Renders the bar and starts the session load; the load is wrapped, as awaiting it would wait for the answer. */
async function started(): Promise<{ loading: Promise<void> }> {
  let loading: Promise<void> = Promise.resolve();
  await act(async () => {
    dom.root.render(<TopBar />);
    loading = loadSession();
  });
  return { loading };
}

describe('the tab bar while the session loads', () => {
  it('shows no tab until the session answers, then every tab of the role with Settings last', async () => {
    const { loading } = await started();
    expect(tabs()).toEqual([]);
    expect(tablist()?.getAttribute('aria-busy')).toBe('true');
    await act(async () => {
      answer.resolve(DISPATCHER);
      await loading;
    });
    expect(tablist()?.getAttribute('aria-busy')).toBe('false');
    expect(tabs()).toContain('Console');
    expect(tabs().at(-1)).toBe('Settings');
  });

  it('shows the tabs anyone has when the session cannot be read', async () => {
    const { loading } = await started();
    await act(async () => {
      answer.reject(new Error('host gone'));
      await loading;
    });
    expect(tabs()).toEqual(['Console', 'Carriers', 'Settings']);
  });
});
