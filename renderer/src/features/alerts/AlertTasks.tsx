// An alert's tasks, ready for one click: tel:, sms: and mailto: links with the template text
// filled in (no SMS gateway: the phone or mail program sends it), and copy buttons for the
// Russian and English texts.
import { useState } from 'react';
import type { AlertTask } from '../../../../shared/alerts/alert-vocabulary';
import { useT } from '../../i18n/use-t';

export function taskHref(task: AlertTask, lang: 'ru' | 'en'): string | null {
  if (task.to === null || task.to === '') return null;
  const text = task.text[lang];
  const to = task.channel === 'email' ? task.to : task.to.replace(/[^\d+]/g, '');
  if (task.channel === 'phone') return `tel:${to}`;
  if (task.channel === 'sms') return `sms:${to}?body=${encodeURIComponent(text)}`;
  if (task.channel === 'email') {
    const subject = task.subject?.[lang] ?? '';
    return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
  }
  return null;
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 1500);
        });
      }}
    >
      {done ? t('alerts.copied') : label}
    </button>
  );
}

export function AlertTasks({ tasks }: { tasks: AlertTask[] }) {
  const t = useT();
  const lang = t.lang;
  return (
    <ul className="alert-tasks" aria-label={t('alerts.tasks')}>
      {tasks.map((task, i) => {
        const href = taskHref(task, lang);
        const who = task.toName ?? task.to ?? '';
        const verb = task.channel === 'phone' ? 'call' : task.channel === 'sms' ? 'sms' : task.channel === 'email' ? 'email' : null;
        return (
          <li key={`${task.action}-${i}`} className="alert-task">
            <div className="alert-task-head">
              <strong>{t.dyn(`alerts.t_${task.action}`, task.action)}</strong>
              {who && <span className="muted">{who}</span>}
              {verb && href && (
                <a className="btn btn-small btn-primary" href={href}>
                  {t(`alerts.${verb}`, { to: task.to ?? '' })}
                </a>
              )}
              {verb && !href && <span className="muted">({t('alerts.noContact')})</span>}
              <CopyButton text={task.text.ru} label={t('alerts.copyRu')} />
              <CopyButton text={task.text.en} label={t('alerts.copyEn')} />
            </div>
            {task.subject && <div className="alert-task-subject">{task.subject[lang]}</div>}
            <p className="alert-task-text">{task.text[lang]}</p>
          </li>
        );
      })}
    </ul>
  );
}
