// The settings screen's data and the UI language. The language is resolved here once
// ('auto' -> the system's language) so every component selects a plain 'ru' | 'en'.
import { create } from 'zustand';
import type { Language as SettingLanguage, SettingsPatch, SettingsView } from '../../../../shared/api/session-api';
import { api, errorMessage } from '../../api/client';
import { detectLanguage, type Language } from '../../i18n/translate';

export interface SettingsState {
  settings: SettingsView | null;
  /** The language the UI speaks now. */
  language: Language;
  saving: boolean;
  /** The last save's outcome, shown under the form. */
  saveResult: { ok: true } | { ok: false; message: string } | null;
}

function systemLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

export function resolveLanguage(setting: SettingLanguage | undefined, system: string | undefined): Language {
  if (setting === 'ru' || setting === 'en') return setting;
  return detectLanguage(system);
}

export const useSettingsStore = create<SettingsState>(() => ({
  settings: null,
  language: detectLanguage(systemLanguage()),
  saving: false,
  saveResult: null,
}));

export async function loadSettings(): Promise<void> {
  try {
    const settings = await api().getSettings();
    useSettingsStore.setState({ settings, language: resolveLanguage(settings.language, systemLanguage()) });
  } catch (err) {
    useSettingsStore.setState({ saveResult: { ok: false, message: errorMessage(err) } });
  }
}

export async function saveSettings(patch: SettingsPatch): Promise<boolean> {
  useSettingsStore.setState({ saving: true, saveResult: null });
  try {
    const result = await api().setSettings(patch);
    if (!result.ok) {
      useSettingsStore.setState({ saving: false, saveResult: { ok: false, message: result.message } });
      return false;
    }
    await loadSettings();
    useSettingsStore.setState({ saving: false, saveResult: { ok: true } });
    return true;
  } catch (err) {
    useSettingsStore.setState({ saving: false, saveResult: { ok: false, message: errorMessage(err) } });
    return false;
  }
}

/** The top bar's switch: the UI changes at once, the choice is saved in the background. */
export async function switchLanguage(language: Language): Promise<void> {
  useSettingsStore.setState({ language });
  await saveSettings({ language });
}
