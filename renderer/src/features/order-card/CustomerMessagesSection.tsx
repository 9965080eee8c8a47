// "Customer messages" in the order card's customer part: the customer's message language, the
// opt-out, and for a VIP contract the others it tells. Saved by setCustomerMessagePrefs (desk
// roles; the mutator checks again in main and on the server); a refusal is worded from the
// dictionary and its field marked. The customer can opt out themselves too (tracking page,
// e-mail link): the card then shows the box ticked.
import { useState, type FormEvent } from 'react';
import type { CustomerMessagePrefsView } from '../../../../shared/api/messages-api';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../../../../shared/messages/message-vocabulary';
import { refusalReason } from '../../i18n/refusal-words';
import { useT } from '../../i18n/use-t';
import { saveCustomerPrefs, useCustomerPrefsStore } from './store';

interface RecipientDraft {
  name: string;
  phone: string;
  email: string;
}
interface Draft {
  language: MessageLanguage;
  optOut: boolean;
  alsoNotify: RecipientDraft[];
}

const MAX_RECIPIENTS = 10;

function draftOf(p: CustomerMessagePrefsView): Draft {
  return { language: p.language, optOut: p.optOut, alsoNotify: p.alsoNotify.map((r) => ({ name: r.name, phone: r.phone ?? '', email: r.email ?? '' })) };
}

export function CustomerMessagesSection({ customerId }: { customerId: string }) {
  const t = useT();
  const prefs = useCustomerPrefsStore((s) => s.prefs);
  const answer = useCustomerPrefsStore((s) => s.answer);
  const saving = useCustomerPrefsStore((s) => s.saving);
  // What the dispatcher is typing; null = show what is stored (a change elsewhere shows at once).
  const [draft, setDraft] = useState<Draft | null>(null);
  if (prefs === null || prefs.customerId !== customerId || !prefs.canEdit) return null;
  const form = draft ?? draftOf(prefs);
  const refused = answer !== null && !answer.ok ? answer : null;
  const words = refused === null ? null : refusalReason(t, refused, 'setCustomerMessagePrefs');
  const bad = (field: string): true | undefined => {
    const f = refused?.field;
    if (f === null || f === undefined) return undefined;
    // A recipient refused as a whole (no phone and no e-mail) marks both of its contacts.
    return f === field || field.startsWith(`${f}.`) ? true : undefined;
  };
  const setRecipient = (i: number, patch: Partial<RecipientDraft>) =>
    setDraft({ ...form, alsoNotify: form.alsoNotify.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await saveCustomerPrefs({
      customerId,
      language: form.language,
      optOut: form.optOut,
      alsoNotify: form.alsoNotify.map((r) => ({
        name: r.name.trim(),
        ...(r.phone.trim() === '' ? {} : { phone: r.phone.trim() }),
        ...(r.email.trim() === '' ? {} : { email: r.email.trim() }),
      })),
    });
    if (ok) setDraft(null);
  };
  return (
    <section className="card-section customer-prefs" aria-label={t('cprefs.title')}>
      <h3>{t('cprefs.title')}</h3>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('cprefs.language')}</span>
          <select className="select" value={form.language} aria-invalid={bad('language')} onChange={(e) => setDraft({ ...form, language: e.target.value as MessageLanguage })}>
            {MESSAGE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`msgs.lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={form.optOut} onChange={(e) => setDraft({ ...form, optOut: e.target.checked })} /> {t('cprefs.optOut')}
        </label>
        {prefs.optOut && <div className="hint" role="note">{t('cprefs.optedOut')}</div>}
        {prefs.vip && (
          <fieldset className="customer-prefs-others" aria-invalid={bad('alsoNotify')}>
            <legend>{t('cprefs.alsoNotify')}</legend>
            {form.alsoNotify.length === 0 && <div className="hint">{t('cprefs.nobodyElse')}</div>}
            {form.alsoNotify.map((r, i) => {
              const n = i + 1;
              return (
                <div key={i} className="customer-prefs-recipient" role="group" aria-label={t('cprefs.recipient', { n })}>
                  <input className="input" aria-label={`${t('cprefs.recipient', { n })}: ${t('cprefs.name')}`} placeholder={t('cprefs.name')} value={r.name} aria-invalid={bad(`alsoNotify.${i}.name`)} onChange={(e) => setRecipient(i, { name: e.target.value })} />
                  <input className="input" type="tel" aria-label={`${t('cprefs.recipient', { n })}: ${t('cprefs.phone')}`} placeholder={t('cprefs.phone')} value={r.phone} aria-invalid={bad(`alsoNotify.${i}.phone`)} onChange={(e) => setRecipient(i, { phone: e.target.value })} />
                  <input className="input" type="email" aria-label={`${t('cprefs.recipient', { n })}: ${t('cprefs.email')}`} placeholder={t('cprefs.email')} value={r.email} aria-invalid={bad(`alsoNotify.${i}.email`)} onChange={(e) => setRecipient(i, { email: e.target.value })} />
                  <button type="button" className="btn btn-small btn-ghost" aria-label={t('cprefs.remove', { n })} onClick={() => setDraft({ ...form, alsoNotify: form.alsoNotify.filter((_, j) => j !== i) })}>
                    ✕
                  </button>
                </div>
              );
            })}
            {form.alsoNotify.length < MAX_RECIPIENTS && (
              <button type="button" className="btn btn-small" onClick={() => setDraft({ ...form, alsoNotify: [...form.alsoNotify, { name: '', phone: '', email: '' }] })}>
                {t('cprefs.add')}
              </button>
            )}
          </fieldset>
        )}
        <p className="hint">{t('cprefs.selfService')}</p>
        <div className="customer-prefs-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
            {t('cprefs.save')}
          </button>
          {answer?.ok === true && draft === null && (
            <span className="ok-text" role="status">
              {t('cprefs.saved')}
            </span>
          )}
          {words !== null && (
            <span className="error-text" role="alert">
              {words}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
