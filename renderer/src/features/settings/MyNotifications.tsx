// My notifications: which of my alerts reach me outside the app (Telegram, e-mail or both),
// with quiet hours. Saved as my own row on the server (setMyNotifyPrefs takes no user id), which
// sends them (server/messages/staff-notify.ts). Desk roles only: others get no alerts.
import { useEffect, useState, type FormEvent } from 'react';
import type { MyNotifyPrefsView } from '../../../../shared/api/messages-api';
import { ALERT_KINDS, type AlertKind } from '../../../../shared/alerts/alert-vocabulary';
import { STAFF_NOTIFY_CHANNELS, type StaffNotifyChannel } from '../../../../shared/messages/message-vocabulary';
import { ApiError } from '../../../../shared/api/client';
import { api } from '../../api/client';
import { TimeInput } from '../../i18n/LocaleInputs';
import { notifyRefusalKey, type Refusal } from '../../i18n/notify-refusal';
import { useT } from '../../i18n/use-t';

type Form = Omit<MyNotifyPrefsView, 'saved' | 'canSet'>;
/** A refusal keeps the server's code and field only: the words come from the dictionary. */
type Answer = { ok: true } | ({ ok: false } & Refusal) | null;

export function MyNotifications() {
  const t = useT();
  const [form, setForm] = useState<Form | null>(null);
  const [canSet, setCanSet] = useState(false);
  const [answer, setAnswer] = useState<Answer>(null);
  useEffect(() => {
    const load = () =>
      void api()
        .myNotifyPrefs()
        .then(({ saved: _saved, canSet: can, ...rest }) => {
          setForm(rest);
          setCanSet(can);
        })
        .catch((e: unknown) => setAnswer(refusalOf(e)));
    load();
    return api().on('changes', (e) => {
      if (e.all || e.tables.includes('staff_notify_prefs') || e.tables.includes('users')) load();
    });
  }, []);
  if (form === null || !canSet) return null;
  const email = form.channel === 'email' || form.channel === 'both';
  const telegram = form.channel === 'telegram' || form.channel === 'both';
  const bad = (field: string): true | undefined => (answer !== null && !answer.ok && answer.field === field) || undefined;
  const toggleKind = (k: AlertKind) => setForm({ ...form, kinds: form.kinds.includes(k) ? form.kinds.filter((x) => x !== k) : [...form.kinds, k] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api().setMyNotifyPrefs({
        ...form,
        // An address the chosen channel does not use is not kept.
        email: email ? form.email?.trim() || null : null,
        telegramChatId: telegram ? form.telegramChatId?.trim() || null : null,
      });
      setAnswer(r.ok ? { ok: true } : { ok: false, ...refusalFrom(r.code, r.details) });
    } catch (err) {
      setAnswer(refusalOf(err));
    }
  };
  return (
    <form className="settings my-notify" onSubmit={(e) => void submit(e)} aria-label={t('notifyPrefs.title')}>
      <h2>{t('notifyPrefs.title')}</h2>
      <p className="hint">{t('notifyPrefs.hint')}</p>
      <label className="field">
        <span>{t('notifyPrefs.channel')}</span>
        <select className="select" value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value as StaffNotifyChannel })}>
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
          <input className="input" inputMode="numeric" value={form.telegramChatId ?? ''} aria-invalid={bad('telegramChatId')} onChange={(e) => setForm({ ...form, telegramChatId: e.target.value })} />
          <small className="hint">{t('notifyPrefs.chatIdHint')}</small>
        </label>
      )}
      {email && (
        <label className="field">
          <span>{t('notifyPrefs.email')}</span>
          <input className="input" type="email" value={form.email ?? ''} aria-invalid={bad('email')} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
      )}
      <fieldset className="field my-notify-kinds" aria-invalid={bad('kinds')}>
        <legend>{t('notifyPrefs.kinds')}</legend>
        {ALERT_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={form.kinds.includes(k)} onChange={() => toggleKind(k)} />
            {t.dyn(`alerts.k_${k}`, k)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span>{t('notifyPrefs.quiet')}</span>
        <div className="my-notify-quiet">
          <TimeInput aria-label={t('notifyPrefs.quietFrom')} value={form.quietStartMinute} aria-invalid={bad('quietStartMinute')} onChange={(m) => setForm({ ...form, quietStartMinute: m })} />
          <span>–</span>
          <TimeInput aria-label={t('notifyPrefs.quietTo')} value={form.quietEndMinute} aria-invalid={bad('quietEndMinute')} onChange={(m) => setForm({ ...form, quietEndMinute: m })} />
        </div>
        <small className="hint">{form.quietStartMinute === form.quietEndMinute ? t('notifyPrefs.noQuiet') : t('notifyPrefs.quietHint')}</small>
      </div>
      <label className="field">
        <span>{t('notifyPrefs.language')}</span>
        <select className="select" value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value === 'en' ? 'en' : 'ru' })}>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </label>
      <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
        <button type="submit" className="btn btn-primary">
          {t('notifyPrefs.save')}
        </button>
        {answer?.ok && (
          <span className="ok-text" role="status">
            {t('settings.saved')}
          </span>
        )}
        {answer && !answer.ok && (
          <span className="error-text" role="alert">
            {t(notifyRefusalKey(answer))}
          </span>
        )}
      </div>
    </form>
  );
}

/** The mutator's own code travels in details.code; the API's class of it is the fallback. */
function refusalFrom(code: string, details: Record<string, unknown> | undefined): Refusal {
  return { code: typeof details?.['code'] === 'string' ? details['code'] : code, field: typeof details?.['field'] === 'string' ? details['field'] : null };
}

function refusalOf(err: unknown): { ok: false } & Refusal {
  return { ok: false, ...(err instanceof ApiError ? refusalFrom(err.code, err.details) : { code: null, field: null }) };
}
