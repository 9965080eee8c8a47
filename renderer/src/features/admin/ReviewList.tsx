// Courier events the server kept for a person: each with its service, numbers, code, why it
// was kept and its content as received (as text, never as HTML), and two ways out: attach it
// to the right order (it then moves the order as the service said) or dismiss it.
import { useState } from 'react';
import type { CourierReviewView } from '../../../../shared/api/admin-api';
import { useT } from '../../i18n/use-t';
import { Notice } from './Notice';
import { attachReview, dismissReview, loadReviews, useAdminStore } from './store';

/** The body pretty-printed when it is JSON (it always is when stored whole), else as stored. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function ReviewCard({ r }: { r: CourierReviewView }) {
  const t = useT();
  // Empty: the number the service sent is not one of ours (that is why the event is here).
  const [number, setNumber] = useState('');
  const [note, setNote] = useState('');
  const notice = useAdminStore((s) => s.notice);
  const target = `review-${r.id}`;
  const badField = notice !== null && !notice.ok && notice.target === target ? notice.field : null;
  const id = String(r.id);
  return (
    <article className="admv-card" aria-label={`${r.providerName} ${r.orderNumber ?? r.trackingNumber ?? r.eventId}`}>
      <header className="admv-card-head">
        <span className="admv-reason">{t.dyn(`admin.reason.${r.reason}`, r.reason)}</span>
        <strong>{r.providerName}</strong>
        <span className="muted">
          {t('admin.received')}: {t.fmt.dateTime(r.receivedAt)}
        </span>
      </header>
      <dl className="admv-facts">
        <dt>{t('admin.theirNumber')}</dt>
        <dd>{r.orderNumber ?? '—'}</dd>
        <dt>{t('admin.tracking')}</dt>
        <dd>{r.trackingNumber ?? '—'}</dd>
        <dt>{t('admin.code')}</dt>
        <dd>
          <code>{r.code}</code>
        </dd>
        <dt>{t('admin.why')}</dt>
        <dd>{r.detail}</dd>
      </dl>
      <details className="admv-body">
        <summary>{t('admin.content')}</summary>
        <pre>{readable(r.body)}</pre>
        {r.bodyTruncated && <p className="muted">{t('admin.truncated')}</p>}
      </details>
      <form
        className="admv-inline"
        onSubmit={(e) => {
          e.preventDefault();
          void attachReview(r.id, number);
        }}
      >
        <input
          className="input"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder={t('admin.attachTo')}
          aria-label={t('admin.attachOf', { id })}
          aria-invalid={badField === 'orderNumber'}
          maxLength={64}
        />
        <button type="submit" className="btn btn-primary btn-small" disabled={number.trim() === ''}>
          {t('admin.attach')}
        </button>
        <input
          className="input admv-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('admin.dismissNote')}
          aria-label={t('admin.dismissOf', { id })}
          aria-invalid={badField === 'note'}
          maxLength={500}
        />
        <button type="button" className="btn btn-small" onClick={() => void dismissReview(r.id, note)}>
          {t('admin.dismiss')}
        </button>
      </form>
      <Notice target={target} />
    </article>
  );
}

export function ReviewList() {
  const t = useT();
  const list = useAdminStore((s) => s.reviews);
  return (
    <section className="admv-section" aria-label={t('admin.reviewTitle')}>
      <header className="admv-head">
        <h1 className="admv-title">{t('admin.reviewTitle')}</h1>
        <button type="button" className="btn btn-small" onClick={() => void loadReviews()}>
          {t('admin.refresh')}
        </button>
      </header>
      <p className="hint">{t('admin.reviewNote')}</p>
      <Notice />
      {list !== null && list.reviews.length === 0 && <p className="empty">{t('admin.reviewEmpty')}</p>}
      {list?.reviews.map((r) => <ReviewCard key={r.id} r={r} />)}
      {list !== null && list.more > 0 && <p className="muted">{t('admin.more', { n: list.more })}</p>}
    </section>
  );
}
