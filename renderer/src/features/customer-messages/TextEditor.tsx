// One trigger's texts: a tab per language, the text as typed with its placeholders a click
// away, what is wrong with it (live), and what the customer would read on a real order picked
// from the replica (rendered by main with the server's own functions).
import { useRef } from 'react';
import type { MessageSettingsView } from '../../../../shared/api/messages-api';
import { MESSAGE_LANGUAGES } from '../../../../shared/messages/message-vocabulary';
import type { TemplateProblem } from '../../../../shared/messages/templates';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { editDraft, saveRule, selectLanguage, selectOrder, useCustomerMessagesStore } from './store';

export function problemText(t: Translator, p: TemplateProblem): string {
  switch (p.code) {
    case 'empty':
      return t('msgs.problem.empty');
    case 'too_long':
      return t('msgs.problem.tooLong', { max: p.max });
    case 'control_characters':
      return t('msgs.problem.control');
    case 'unknown_placeholder':
      return t('msgs.problem.unknown', { name: `{{${p.name}}}` });
  }
}

export function TextEditor({ view }: { view: MessageSettingsView }) {
  const t = useT();
  const trigger = useCustomerMessagesStore((s) => s.trigger);
  const language = useCustomerMessagesStore((s) => s.language);
  const drafts = useCustomerMessagesStore((s) => s.drafts);
  const orders = useCustomerMessagesStore((s) => s.orders);
  const orderId = useCustomerMessagesStore((s) => s.orderId);
  const preview = useCustomerMessagesStore((s) => s.preview);
  const answer = useCustomerMessagesStore((s) => s.answer);
  const area = useRef<HTMLTextAreaElement>(null);
  const rule = view.rules.find((r) => r.trigger === trigger);
  if (rule === undefined || drafts === null) return null;
  const draft = drafts[language];
  const field = `texts.${language}`;
  const refused = answer !== null && !answer.ok && answer.field === field;
  const problems = preview?.problems ?? [];
  const insert = (name: string) => {
    const el = area.current;
    const at = el?.selectionStart ?? draft.length;
    const end = el?.selectionEnd ?? at;
    void editDraft(`${draft.slice(0, at)}{{${name}}}${draft.slice(end)}`);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + name.length + 4, at + name.length + 4);
    });
  };
  const triggerName = t.dyn(`msgs.trigger.${trigger}`, trigger);
  return (
    <section className="cmsg-editor cmsg-box" aria-label={t('msgs.editorOf', { trigger: triggerName })}>
      <h2 className="cmsg-subtitle">{t('msgs.editorOf', { trigger: triggerName })}</h2>
      <div className="cmsg-langs" role="tablist" aria-label={t('msgs.language')}>
        {MESSAGE_LANGUAGES.map((l) => (
          <button key={l} type="button" role="tab" className="btn btn-small" aria-selected={language === l} onClick={() => void selectLanguage(l)}>
            {t.dyn(`msgs.lang.${l}`, l)}
            {rule.texts[l] !== null && <span className="cmsg-dot" title={t('msgs.ownText')} />}
          </button>
        ))}
      </div>
      <label className="field">
        <span>
          {t('msgs.text')} · {rule.texts[language] === null && draft === rule.defaults[language] ? t('msgs.shipped') : t('msgs.ownText')}
        </span>
        <textarea
          ref={area}
          className="input cmsg-text"
          rows={5}
          value={draft}
          readOnly={!view.canEdit}
          aria-invalid={refused || problems.length > 0 || undefined}
          aria-describedby="cmsg-problems"
          onChange={(e) => void editDraft(e.target.value)}
        />
      </label>
      <div className="cmsg-meta">
        <span className={draft.length > view.maxChars ? 'cmsg-over' : 'muted'}>{t('msgs.chars', { n: draft.length, max: view.maxChars })}</span>
        {view.canEdit && (
          <span className="cmsg-chips" aria-label={t('msgs.placeholders')}>
            {view.placeholders
              .filter((p) => p !== 'kind')
              .map((p) => (
                <button key={p} type="button" className="cmsg-chip" title={t.dyn(`msgs.ph.${p}`, p)} onClick={() => insert(p)}>
                  {`{{${p}}}`}
                </button>
              ))}
          </span>
        )}
      </div>
      <ul id="cmsg-problems" className="cmsg-problems" aria-live="polite">
        {problems.map((p, i) => (
          <li key={i}>{problemText(t, p)}</li>
        ))}
        {refused && problems.length === 0 && <li>{answer.text}</li>}
      </ul>
      <div className="cmsg-inline">
        <label htmlFor="cmsg-order">{t('msgs.previewOn')}</label>
        <select id="cmsg-order" className="select" value={orderId ?? ''} onChange={(e) => void selectOrder(e.target.value)}>
          {orders.length === 0 && <option value="">{t('msgs.noOrders')}</option>}
          {orders.map((o) => (
            <option key={o.id} value={o.id}>
              {`${o.number} · ${t.dyn(`status.${o.status}`, o.status)} · ${o.customerName}`}
            </option>
          ))}
        </select>
      </div>
      <figure className="cmsg-preview" aria-label={t('msgs.preview')}>
        <figcaption className="muted">
          {t('msgs.preview')}
          {preview && ` · ${t('msgs.chars', { n: preview.chars, max: view.maxChars })}`}
        </figcaption>
        {preview === null ? (
          <p className="muted">{t('msgs.noOrders')}</p>
        ) : (
          <>
            <p className="cmsg-subject">
              {t('msgs.subject')}: {preview.subject}
            </p>
            <p className="cmsg-body">{preview.body}</p>
          </>
        )}
      </figure>
      {view.canEdit && (
        <div className="cmsg-actions">
          <button type="button" className="btn btn-primary btn-small" onClick={() => void saveRule(rule.channels)}>
            {t('msgs.saveTexts')}
          </button>
          <button type="button" className="btn btn-small" disabled={rule.texts[language] === null} onClick={() => void saveRule(rule.channels, language)}>
            {t('msgs.useShipped')}
          </button>
        </div>
      )}
    </section>
  );
}
