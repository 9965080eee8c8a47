// The admin's daily summary by e-mail: on or off, the send time on the company clock, and which
// supervisors and admins get it (each with the e-mail of their own My notifications, or a note
// that they have none and will be skipped). Saved as the setDailySummary mutation; the server
// composes and sends (server/reports/daily-summary.ts). Shown to admins only.
import { useEffect, useState, type FormEvent } from 'react';
import type { DailySummaryView } from '../../../../shared/api/reports-api';
import { ApiError } from '../../../../shared/api/client';
import { minuteOfTime, timeOfMinute } from '../../../../shared/domain/time-of-day';
import { api, errorMessage } from '../../api/client';
import { TimeInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';

type Answer = { ok: boolean; text: string; field: string | null } | null;

export function DailySummarySettings() {
  const t = useT();
  const [view, setView] = useState<DailySummaryView | null>(null);
  const [answer, setAnswer] = useState<Answer>(null);
  useEffect(() => {
    const load = () =>
      void api()
        .dailySummarySettings()
        .then(setView)
        .catch((e: unknown) => setAnswer({ ok: false, text: errorMessage(e), field: null }));
    load();
    return api().on('changes', (e) => {
      if (e.all || e.tables.includes('daily_summary_settings') || e.tables.includes('users') || e.tables.includes('staff_notify_prefs')) load();
    });
  }, []);
  if (view === null || !view.canEdit) return null;
  const bad = (field: string): true | undefined => (answer !== null && !answer.ok && (answer.field === field || answer.field?.startsWith(`${field}.`) === true)) || undefined;
  const toggle = (id: string) =>
    setView({ ...view, recipientIds: view.recipientIds.includes(id) ? view.recipientIds.filter((x) => x !== id) : [...view.recipientIds, id] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await api().setDailySummary({ enabled: view.enabled, sendTime: view.sendTime, recipientIds: view.recipientIds });
      setAnswer(r.ok ? { ok: true, text: '', field: null } : { ok: false, text: r.message, field: typeof r.details?.field === 'string' ? r.details.field : null });
    } catch (err) {
      setAnswer({ ok: false, text: errorMessage(err), field: err instanceof ApiError && typeof err.details?.field === 'string' ? err.details.field : null });
    }
  };
  return (
    <form className="settings my-notify daily-summary" onSubmit={(e) => void submit(e)} aria-label={t('dailySummary.title')}>
      <h2>{t('dailySummary.title')}</h2>
      <p className="hint">{t('dailySummary.hint')}</p>
      <label className="check">
        <input type="checkbox" checked={view.enabled} onChange={(e) => setView({ ...view, enabled: e.target.checked })} />
        {t('dailySummary.enabled')}
      </label>
      <label className="field">
        <span>{t('dailySummary.sendTime')}</span>
        <TimeInput
          aria-label={t('dailySummary.sendTime')}
          value={minuteOfTime(view.sendTime) ?? 0}
          aria-invalid={bad('sendTime')}
          onChange={(m) => setView({ ...view, sendTime: timeOfMinute(m) })}
        />
      </label>
      <fieldset className="field daily-summary-people" aria-invalid={bad('recipientIds')}>
        <legend>
          {t('dailySummary.recipients')} · {t('dailySummary.chosen', { count: view.recipientIds.length })}
        </legend>
        {view.candidates.length === 0 && <small className="hint">{t('dailySummary.noCandidates')}</small>}
        {view.candidates.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" checked={view.recipientIds.includes(p.id)} onChange={() => toggle(p.id)} />
            <span>
              {p.name} <span className="hint">· {t.dyn(`dailySummary.role_${p.role}`, p.role)}</span>
              {p.email !== null ? <span className="hint"> · {p.email}</span> : <small className="warn-text"> · {t('dailySummary.noEmail')}</small>}
            </span>
          </label>
        ))}
      </fieldset>
      <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
        <button type="submit" className="btn btn-primary">
          {t('dailySummary.save')}
        </button>
        {answer?.ok && (
          <span className="ok-text" role="status">
            {t('settings.saved')}
          </span>
        )}
        {answer && !answer.ok && (
          <span className="error-text" role="alert">
            {answer.text}
          </span>
        )}
      </div>
    </form>
  );
}
