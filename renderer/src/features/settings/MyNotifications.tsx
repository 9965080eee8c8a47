// My notifications: which of my alerts reach me outside the app (Telegram, e-mail or both),
// with quiet hours. Saved as my own row on the server (setMyNotifyPrefs takes no user id), which
// sends them (server/messages/staff-notify.ts). Whoever may receive some alert sees it, offered
// only the kinds their role may receive (shared/alerts/alert-recipient.ts): the desk every kind,
// a logistician their carriers' loading and calls.
import { useEffect, type FormEvent } from 'react';
import { mayReceiveAlertKind } from '../../../../shared/alerts/alert-recipient';
import { ALERT_KINDS } from '../../../../shared/alerts/alert-vocabulary';
import { STAFF_NOTIFY_CHANNELS, type StaffNotifyChannel } from '../../../../shared/messages/message-vocabulary';
import { TimeInput } from '../../i18n/LocaleInputs';
import { refusalReason } from '../../i18n/refusal-words';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../session/store';
import { refusedField, SaveRow } from './SaveRow';
import { editMyNotifyPrefs, saveMyNotifyPrefs, showMyNotifications, toggleMyNotifyKind, useNotifySettingsStore } from './notify-store';

export function MyNotifications() {
  const t = useT();
  const form = useNotifySettingsStore((s) => s.myForm);
  const canSet = useNotifySettingsStore((s) => s.myCanSet);
  const answer = useNotifySettingsStore((s) => s.myAnswer);
  const role = useSessionStore((s) => s.session?.user?.role ?? null);
  useEffect(() => {
    void showMyNotifications(true);
    return () => void showMyNotifications(false);
  }, []);
  if (form === null || !canSet) return null;
  const email = form.channel === 'email' || form.channel === 'both';
  const telegram = form.channel === 'telegram' || form.channel === 'both';
  const bad = (field: string) => refusedField(answer, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveMyNotifyPrefs();
  };
  return (
    <form className="settings my-notify" onSubmit={submit} aria-label={t('notifyPrefs.title')}>
      <h2>{t('notifyPrefs.title')}</h2>
      <p className="hint">{t('notifyPrefs.hint')}</p>
      <label className="field">
        <span>{t('notifyPrefs.channel')}</span>
        <select className="select" value={form.channel} onChange={(e) => editMyNotifyPrefs({ channel: e.target.value as StaffNotifyChannel })}>
          {STAFF_NOTIFY_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.dyn(`notifyPrefs.ch_${c}`, c)}
            </option>
          ))}
        </select>
      </label>
      {telegram && (
        <label className="field">
          <span>{t('notifyPrefs.chatId')}</span>
          <input className="input" inputMode="numeric" value={form.telegramChatId ?? ''} aria-invalid={bad('telegramChatId')} onChange={(e) => editMyNotifyPrefs({ telegramChatId: e.target.value })} />
          <small className="hint">{t('notifyPrefs.chatIdHint')}</small>
        </label>
      )}
      {email && (
        <label className="field">
          <span>{t('notifyPrefs.email')}</span>
          <input className="input" type="email" value={form.email ?? ''} aria-invalid={bad('email')} onChange={(e) => editMyNotifyPrefs({ email: e.target.value })} />
        </label>
      )}
      <fieldset className="field my-notify-kinds" aria-invalid={bad('kinds')}>
        <legend>{t('notifyPrefs.kinds')}</legend>
        {ALERT_KINDS.filter((k) => mayReceiveAlertKind(role, k)).map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={form.kinds.includes(k)} onChange={() => toggleMyNotifyKind(k)} />
            {t.dyn(`alerts.k_${k}`, k)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span>{t('notifyPrefs.quiet')}</span>
        <div className="my-notify-quiet">
          <TimeInput aria-label={t('notifyPrefs.quietFrom')} value={form.quietStartMinute} aria-invalid={bad('quietStartMinute')} onChange={(m) => editMyNotifyPrefs({ quietStartMinute: m })} />
          <span>–</span>
          <TimeInput aria-label={t('notifyPrefs.quietTo')} value={form.quietEndMinute} aria-invalid={bad('quietEndMinute')} onChange={(m) => editMyNotifyPrefs({ quietEndMinute: m })} />
        </div>
        <small className="hint">{form.quietStartMinute === form.quietEndMinute ? t('notifyPrefs.noQuiet') : t('notifyPrefs.quietHint')}</small>
      </div>
      <label className="field">
        <span>{t('notifyPrefs.language')}</span>
        <select className="select" value={form.language} onChange={(e) => editMyNotifyPrefs({ language: e.target.value === 'en' ? 'en' : 'ru' })}>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </label>
      <SaveRow label={t('notifyPrefs.save')} saved={t('settings.saved')} answer={answer} refusal={answer === null || answer.ok ? '' : refusalReason(t, answer, 'setMyNotifyPrefs')} />
    </form>
  );
}

