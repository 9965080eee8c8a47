// The console's start-up wiring when the browser host's socket drops and comes back: the host
// may have restarted, so every view reads again, and one whose load failed while the link was
// down (Settings' own notifications) gets its form back instead of staying empty.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarshrutApi } from '../../../shared/api/contract';
import { installApi, setHostLink } from '../api/client';
import { resetNotifySettingsStore, useNotifySettingsStore } from '../features/settings/notify-store';
import { startConsole } from './bootstrap';
import { REFRESH_DELAY_MS } from './refresh-plan';

let calls: string[];
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  // Every call fails as a dead host would; the loaders keep what they hold and say so.
  const api = new Proxy({} as MarshrutApi, {
    get: (_t, name) => (name === 'on' ? () => () => undefined : () => (calls.push(String(name)), Promise.reject(new Error('host gone')))),
  });
  installApi(api);
  resetNotifySettingsStore();
  stop = startConsole();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTimeAsync(Math.max(...Object.values(REFRESH_DELAY_MS)) + 10);

describe('the host link comes back', () => {
  it('reads the open Settings notifications again, and the session, settings and queue', async () => {
    useNotifySettingsStore.setState({ myShowing: true });
    await settle();
    calls = [];
    setHostLink(false);
    setHostLink(true);
    await settle();
    expect(calls).toEqual(expect.arrayContaining(['myNotifyPrefs', 'session', 'getSettings', 'connectionState', 'listOrders']));
  });

  it('does not read a form nobody is showing', async () => {
    await settle();
    calls = [];
    setHostLink(false);
    setHostLink(true);
    await settle();
    expect(calls).toContain('session');
    expect(calls).not.toContain('myNotifyPrefs');
  });
});
