// Settings: the central server and token (saved by main, which reconnects), the language, the
// map tiles, and desktop notifications. The token is write-only: main never sends it back.
import { useEffect, useState, type FormEvent } from 'react';
import type { Language as SettingLanguage, SettingsPatch, SettingsView } from '../../../../shared/api/session-api';
import { MAX_HISTORY_DAYS } from '../../../../shared/protocol/sync-window';
import { LOCAL_REPORT_DAYS } from '../../../../shared/reports/report-period';
import { useT } from '../../i18n/use-t';
import { requestNotificationPermission, useNotificationsStore } from '../notifications/store';
import { MyNotifications } from './MyNotifications';
import { DailySummarySettings } from './DailySummarySettings';
import { saveSettings, useSettingsStore } from './store';

/** Only what the user changed, so saving the form doesn't reconnect for nothing. */
export function settingsPatch(
  before: SettingsView,
  form: { serverUrl: string; token: string; language: SettingLanguage; tileUrl: string; geocoderUrl?: string; historyDays?: string },
): SettingsPatch {
  const patch: SettingsPatch = {};
  const url = form.serverUrl.trim();
  if (url !== (before.serverUrl ?? '')) patch.serverUrl = url === '' ? null : url;
  if (form.token.trim() !== '') patch.token = form.token.trim();
  if (form.language !== before.language) patch.language = form.language;
  if (form.tileUrl.trim() !== before.tileUrl) patch.tileUrl = form.tileUrl.trim();
  if (form.geocoderUrl !== undefined && form.geocoderUrl.trim() !== before.geocoderUrl) patch.geocoderUrl = form.geocoderUrl.trim();
  // Sent as typed (a number when it reads as one): main's schema refuses what is out of range, naming the field.
  const days = form.historyDays?.trim();
  if (days !== undefined && days !== '' && days !== String(before.historyDays)) patch.historyDays = Number(days);
  return patch;
}

export function SettingsScreen() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const saving = useSettingsStore((s) => s.saving);
  const result = useSettingsStore((s) => s.saveResult);
  const permission = useNotificationsStore((s) => s.permission);
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [language, setLanguage] = useState<SettingLanguage>('auto');
  const [tileUrl, setTileUrl] = useState('');
  const [geocoderUrl, setGeocoderUrl] = useState('');
  const [historyDays, setHistoryDays] = useState('');

  useEffect(() => {
    if (!settings) return;
    setServerUrl(settings.serverUrl ?? '');
    setLanguage(settings.language);
    setTileUrl(settings.tileUrl);
    setGeocoderUrl(settings.geocoderUrl);
    setHistoryDays(String(settings.historyDays));
  }, [settings]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!settings) return;
    void saveSettings(settingsPatch(settings, { serverUrl, token, language, tileUrl, geocoderUrl, historyDays })).then((ok) => ok && setToken(''));
  };

  return (
    <div className="screen">
      <form className="settings" onSubmit={submit} aria-label={t('settings.title')}>
        <h1>{t('settings.title')}</h1>
        {settings && (
          <p className="hint">
            {t('settings.mode')}: {t(`settings.mode.${settings.serverMode}`)}
          </p>
        )}
        <label className="field">
          <span>{t('settings.serverUrl')}</span>
          <input className="input" type="url" value={serverUrl} placeholder="wss://marshrut.example.kz" onChange={(e) => setServerUrl(e.target.value)} />
          {serverUrl.trim() === '' && <small className="hint">{t('settings.embedded')}</small>}
        </label>
        <label className="field">
          <span>{t('settings.token')}</span>
          <input className="input" type="password" value={token} autoComplete="off" onChange={(e) => setToken(e.target.value)} />
          {settings && serverUrl.trim() !== '' && serverUrl.trim() !== (settings.serverUrl ?? '') ? (
            <small className={token.trim() === '' ? 'error-text' : 'hint'}>{t('settings.tokenForNewServer')}</small>
          ) : (
            settings?.hasToken && <small className="hint">{t('settings.tokenSet')}</small>
          )}
        </label>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select className="select" value={language} onChange={(e) => setLanguage(e.target.value as SettingLanguage)}>
            <option value="auto">{t('settings.langAuto')}</option>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="field">
          <span>{t('settings.tileUrl')}</span>
          <input className="input" type="text" value={tileUrl} placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png" onChange={(e) => setTileUrl(e.target.value)} />
          <small className="hint">{t('settings.tileHint')}</small>
        </label>
        <label className="field">
          <span>{t('settings.geocoderUrl')}</span>
          <input className="input" type="url" value={geocoderUrl} placeholder="https://nominatim.openstreetmap.org" onChange={(e) => setGeocoderUrl(e.target.value)} />
          <small className="hint">{t('settings.geocoderHint')}</small>
        </label>
        <label className="field">
          <span>{t('settings.historyDays')}</span>
          <input className="input" type="number" min={1} max={MAX_HISTORY_DAYS} step={1} value={historyDays} onChange={(e) => setHistoryDays(e.target.value)} />
          <small className="hint">{t('settings.historyHint', { days: LOCAL_REPORT_DAYS })}</small>
        </label>
        <div className="field">
          <span>{t('settings.notifications')}</span>
          {permission === 'granted' && <small className="ok-text">{t('settings.notificationsOn')}</small>}
          {permission === 'denied' && <small className="hint">{t('settings.notificationsOff')}</small>}
          {permission === 'default' && (
            <button type="button" className="btn" style={{ alignSelf: 'flex-start' }} onClick={() => void requestNotificationPermission()}>
              {t('settings.notificationsEnable')}
            </button>
          )}
        </div>
        <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
          <button type="submit" className="btn btn-primary" disabled={saving || !settings}>
            {t('settings.save')}
          </button>
          {result?.ok && (
            <span className="ok-text" role="status">
              {t('settings.saved')}
            </span>
          )}
          {result && !result.ok && (
            <span className="error-text" role="alert">
              {result.message}
            </span>
          )}
        </div>
      </form>
      <MyNotifications />
      <DailySummarySettings />
    </div>
  );
}
