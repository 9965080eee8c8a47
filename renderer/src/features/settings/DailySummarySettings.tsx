// The admin's daily summary by e-mail: on or off, the send time on the company clock, and which
// supervisors and admins get it (each with the e-mail of their own My notifications, or a note
// that they have none and will be skipped). Saved as the setDailySummary mutation; the server
// composes and sends (server/reports/daily-summary.ts). Shown to admins only.
import { useEffect, type FormEvent } from 'react';
import { minuteOfTime, timeOfMinute } from '../../../../shared/domain/time-of-day';
import { TimeInput } from '../../i18n/LocaleInputs';
import { refusalReason } from '../../i18n/refusal-words';
import { useT } from '../../i18n/use-t';
import { refusedField, SaveRow } from './SaveRow';
import { editDailySummary, refusedRecipientId, saveDailySummary, showDailySummary, toggleSummaryRecipient, useNotifySettingsStore } from './notify-store';

export function DailySummarySettings() {
  const t = useT();
  const view = useNotifySettingsStore((s) => s.summary);
  const answer = useNotifySettingsStore((s) => s.summaryAnswer);
  useEffect(() => {
    void showDailySummary(true);
    return () => void showDailySummary(false);
  }, []);
  if (view === null || !view.canEdit) return null;
  const bad = (field: string) => refusedField(answer, field);
  const badPerson = refusedRecipientId(answer, view);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveDailySummary();
  };
  return (
    <form className="settings my-notify daily-summary" onSubmit={submit} aria-label={t('dailySummary.title')}>
      <h2>{t('dailySummary.title')}</h2>
      <p className="hint">{t('dailySummary.hint')}</p>
      <label className="check">
        <input type="checkbox" checked={view.enabled} onChange={(e) => editDailySummary({ enabled: e.target.checked })} />
        {t('dailySummary.enabled')}
      </label>
      <label className="field">
        <span>{t('dailySummary.sendTime')}</span>
        <TimeInput
          aria-label={t('dailySummary.sendTime')}
          value={minuteOfTime(view.sendTime) ?? 0}
          aria-invalid={bad('sendTime')}
          onChange={(m) => editDailySummary({ sendTime: timeOfMinute(m) })}
        />
      </label>
      <fieldset className="field daily-summary-people" aria-invalid={bad('recipientIds')}>
        <legend>
          {t('dailySummary.recipients')} · {t('dailySummary.chosen', { count: view.recipientIds.length })}
        </legend>
        {view.candidates.length === 0 && <small className="hint">{t('dailySummary.noCandidates')}</small>}
        {view.candidates.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              checked={view.recipientIds.includes(p.id)}
              aria-invalid={badPerson === p.id || undefined}
              onChange={() => toggleSummaryRecipient(p.id)}
            />
            <span>
              {p.name} <span className="hint">· {t.dyn(`dailySummary.role_${p.role}`, p.role)}</span>
              {p.email !== null ? <span className="hint"> · {p.email}</span> : <small className="warn-text"> · {t('dailySummary.noEmail')}</small>}
            </span>
          </label>
        ))}
      </fieldset>
      <SaveRow label={t('dailySummary.save')} saved={t('settings.saved')} answer={answer} refusal={answer === null || answer.ok ? '' : refusalReason(t, answer, 'setDailySummary')} />
    </form>
  );
}
