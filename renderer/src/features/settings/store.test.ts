import { beforeEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../../shared/api/session-api';
import { installApi } from '../../api/client';
import { createFakeApi, type FakeApi } from '../../testing/fake-api';
import { makeFakeWorld } from '../../testing/fake-data';
import { settingsPatch } from './SettingsScreen';
import { loadSettings, resolveLanguage, saveSettings, switchLanguage, useSettingsStore } from './store';

const NOW = Date.UTC(2026, 1, 10, 5, 0, 0);
let fake: FakeApi;

beforeEach(() => {
  fake = createFakeApi(makeFakeWorld({ orders: 5, drivers: 1, now: NOW }), () => NOW);
  installApi(fake.api);
});

const view: SettingsView = {
  serverUrl: 'wss://a.example',
  hasToken: true,
  language: 'auto',
  tileUrl: '',
  tileAttribution: '',
  geocoderUrl: '',
  historyDays: 30,
  serverMode: 'configured',
};

describe('settings', () => {
  it('resolves the UI language: explicit choice, else the system’s', () => {
    expect(resolveLanguage('en', 'ru-RU')).toBe('en');
    expect(resolveLanguage('auto', 'ru-RU')).toBe('ru');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage(undefined, undefined)).toBe('en');
  });

  it('sends only what changed, and never an empty token', () => {
    expect(settingsPatch(view, { serverUrl: 'wss://a.example', token: '', language: 'auto', tileUrl: '' })).toEqual({});
    expect(settingsPatch(view, { serverUrl: ' ', token: ' t0k ', language: 'ru', tileUrl: 'https://t/{z}/{x}/{y}.png' })).toEqual({
      serverUrl: null,
      token: 't0k',
      language: 'ru',
      tileUrl: 'https://t/{z}/{x}/{y}.png',
    });
  });

  it('switches language at once and saves it', async () => {
    await loadSettings();
    const done = switchLanguage('en');
    expect(useSettingsStore.getState().language).toBe('en');
    await done;
    expect(fake.settings.language).toBe('en');
    expect(useSettingsStore.getState().saveResult).toEqual({ ok: true });
  });

  it('reports a refused save with main’s message', async () => {
    installApi({ ...fake.api, setSettings: async () => ({ ok: false, code: 'invalid_request', message: 'server URL must start with ws://' }) });
    expect(await saveSettings({ serverUrl: 'ftp://x' })).toBe(false);
    expect(useSettingsStore.getState().saveResult).toEqual({ ok: false, message: 'server URL must start with ws://' });
  });
});
