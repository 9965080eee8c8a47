// Quiet hours (messages wait for their end), how early "arriving" is sent, how long tracking
// links live. A refusal names its field, which is marked.
import { useEffect, useState, type FormEvent } from 'react';
import type { EffectiveSettings } from '../../../../shared/messages/message-rules';
import { TimeInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';
import { saveTimings, useCustomerMessagesStore } from './store';

export function TimingsForm({ settings, canEdit }: { settings: EffectiveSettings; canEdit: boolean }) {
  const t = useT();
  const answer = useCustomerMessagesStore((s) => s.answer);
  const [form, setForm] = useState(settings);
  useEffect(() => setForm(settings), [settings]);
  const bad = (field: keyof EffectiveSettings): true | undefined => (answer !== null && !answer.ok && answer.field === field) || undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveTimings(form);
  };
  const number = (field: 'arrivingMinutes' | 'linkDays', max: number) => (
    <input
      id={`cmsg-${field}`}
      type="number"
      className="input num-input"
      min={1}
      max={max}
      value={form[field]}
      disabled={!canEdit}
      aria-invalid={bad(field)}
      onChange={(e) => setForm({ ...form, [field]: Number(e.target.value) })}
    />
  );
  return (
    <form className="cmsg-box" onSubmit={submit} aria-label={t('msgs.timings')}>
      <div className="cmsg-inline">
        <label htmlFor="cmsg-quiet-start">{t('msgs.quietFrom')}</label>
        <TimeInput id="cmsg-quiet-start" value={form.quietStartMinute} disabled={!canEdit} aria-invalid={bad('quietStartMinute')} onChange={(m) => setForm({ ...form, quietStartMinute: m })} />
        <label htmlFor="cmsg-quiet-end">{t('msgs.quietTo')}</label>
        <TimeInput id="cmsg-quiet-end" value={form.quietEndMinute} disabled={!canEdit} aria-invalid={bad('quietEndMinute')} onChange={(m) => setForm({ ...form, quietEndMinute: m })} />
      </div>
      <p className="hint">{form.quietStartMinute === form.quietEndMinute ? t('msgs.noQuiet') : t('msgs.quietHint')}</p>
      <div className="cmsg-inline">
        <label htmlFor="cmsg-arrivingMinutes">{t('msgs.arrivingMinutes')}</label>
        {number('arrivingMinutes', 180)}
      </div>
      <div className="cmsg-inline">
        <label htmlFor="cmsg-linkDays">{t('msgs.linkDays')}</label>
        {number('linkDays', 90)}
      </div>
      {canEdit && (
        <div>
          <button type="submit" className="btn btn-primary btn-small">
            {t('msgs.save')}
          </button>
        </div>
      )}
    </form>
  );
}
