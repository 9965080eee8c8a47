// The archive card: an order older than this desktop keeps, as the server's archive sent it.
// Marked "Archive — from the server" and read-only: no actions, no dialogs, nothing that could
// become a mutation. From the cached copy (server out of reach) it says so and when it was fetched.
import { closeArchiveCard, useArchiveStore } from '../archive/store';
import { useT } from '../../i18n/use-t';
import { StatusChip } from '../../ui/StatusChip';
import { OrderFactRows, ProblemSection, TimelineSection } from './OrderFacts';

export function ArchiveCard() {
  const t = useT();
  const card = useArchiveStore((s) => s.card);
  if (card === null) return null;
  const close = (
    <button type="button" className="btn btn-small btn-ghost" onClick={closeArchiveCard}>
      {t('archive.close')}
    </button>
  );
  if (card.status === 'loading') return <div className="empty" role="status">{t('archive.loading', { number: card.number })}</div>;
  if (card.status === 'unavailable')
    return (
      <div className="error-text" role="alert" title={card.message ?? undefined}>
        {t('archive.cardServerDown', { number: card.number })} {close}
      </div>
    );
  if (card.status === 'notFound') return <div className="empty">{t('archive.notFound', { number: card.number })}</div>;
  if (card.status === 'error' || card.view === null)
    return (
      <div className="error-text" role="alert">
        {t('error.generic', { message: card.message ?? '' })}
      </div>
    );
  const { view } = card;
  const o = view.card.order;
  return (
    <article className="archive-card" aria-label={`${t('card.label')} ${o.number}, ${t('archive.cardBadge')}`}>
      <header className="card-head">
        <h2 className="card-title">
          <span className="tabular">{o.number}</span>
          <StatusChip status={o.status} subMark={o.subMark} />
          <button type="button" className="btn btn-ghost btn-small" aria-label={t('archive.close')} onClick={closeArchiveCard}>
            ✕
          </button>
        </h2>
        <div className="archive-badge big">{t('archive.cardBadge')}</div>
      </header>
      <div className="archive-note" role="note">
        {t('archive.readOnly')}
        <br />
        {view.source === 'cache' ? (
          <span className="error-text archive-stale" title={view.serverError ?? undefined}>
            {t('archive.fromCache', { time: t.fmt.dateTime(view.fetchedAt) })}
          </span>
        ) : (
          <span className="muted">{t('archive.fetchedAt', { time: t.fmt.dateTime(view.fetchedAt) })}</span>
        )}
      </div>
      {o.status === 'problem' && <ProblemSection reason={o.problemReason} />}
      <section className="card-section">
        <OrderFactRows order={o}>
          <dt>{t('card.driver')}</dt>
          <dd>{o.driverName ?? '—'}</dd>
          <dt>{t('card.created')}</dt>
          <dd className="tabular">{t.fmt.dateTime(o.createdAt)}</dd>
          {o.deliveredAt !== null && (
            <>
              <dt>{t('archive.delivered')}</dt>
              <dd className="tabular">{t.fmt.dateTime(o.deliveredAt)}</dd>
            </>
          )}
        </OrderFactRows>
      </section>
      <TimelineSection events={view.card.events} />
    </article>
  );
}
