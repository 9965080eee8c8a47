// The admin's customer messages: per trigger which channels carry it, which service types it
// goes out for, its texts in Russian,
// Kazakh and English with a live preview on a real order from the replica, quiet hours and
// timings. Admin only (the tab, and the server refuses anyone else's edit too). Edits by anyone
// re-read it through the refresh plan's 'customerMessages' target while it shows.
import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { RulesTable } from './RulesTable';
import { ServicesMatrix } from './ServicesMatrix';
import { TextEditor } from './TextEditor';
import { TimingsForm } from './TimingsForm';
import { showCustomerMessages, useCustomerMessagesStore, type SaveAnswer } from './store';
import type { MessageKey } from '../../i18n/translate';
import './customer-messages.css';

export default function CustomerMessagesScreen() {
  const t = useT();
  const view = useCustomerMessagesStore((s) => s.view);
  const answer = useCustomerMessagesStore((s) => s.answer);
  useEffect(() => {
    void showCustomerMessages(true);
    return () => void showCustomerMessages(false);
  }, []);
  if (!view) return <div className="empty">…</div>;
  return (
    <div className="cmsg">
      <header className="cmsg-head">
        <h1 className="cmsg-title">{t('msgs.title')}</h1>
        <span className="muted">{view.canEdit ? t('msgs.note') : t('msgs.readOnly')}</span>
      </header>
      <div role="status" aria-live="polite" className={answer === null ? '' : answer.ok ? 'cmsg-msg ok' : 'cmsg-msg err'}>
        {answer === null ? '' : answer.ok ? t('msgs.saved') : t(refusalKey(answer))}
      </div>
      <div className="cmsg-columns">
        <div className="cmsg-left">
          <section aria-label={t('msgs.rules')}>
            <h2 className="cmsg-subtitle">{t('msgs.rules')}</h2>
            <RulesTable view={view} />
          </section>
          <section aria-label={t('msgs.services')}>
            <h2 className="cmsg-subtitle">{t('msgs.services')}</h2>
            <ServicesMatrix view={view} />
          </section>
          <section aria-label={t('msgs.timings')}>
            <h2 className="cmsg-subtitle">{t('msgs.timings')}</h2>
            <TimingsForm settings={view.settings} canEdit={view.canEdit} />
          </section>
        </div>
        <TextEditor view={view} />
      </div>
    </div>
  );
}

/** A refusal in the console's words by its code and field; the server's sentence is English, for logs. */
function refusalKey(a: SaveAnswer): MessageKey {
  if (a.code === 'bad_template') return 'msgs.refusedText';
  if (a.code === 'forbidden') return 'msgs.readOnly';
  if (a.code === 'unavailable') return 'msgs.refusedOffline';
  return a.field !== null ? 'msgs.refusedField' : 'msgs.refused';
}
