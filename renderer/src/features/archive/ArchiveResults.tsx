// Under the queue while a search is typed: what the server's archive holds for that text (orders
// older than this desktop keeps). Asked by itself when the replica found nothing, by a button
// otherwise; each row says "archive" and opens the read-only card. The server out of reach is
// said in words with a retry, never shown as an empty result.
import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { StatusChip } from '../../ui/StatusChip';
import { useOrdersStore } from '../orders/store';
import { archiveQueueChanged, openArchiveRow, searchArchive, useArchiveStore } from './store';

export function ArchiveResults() {
  const t = useT();
  const search = useOrdersStore((s) => s.filters.search);
  const loaded = useOrdersStore((s) => s.loaded);
  const total = useOrdersStore((s) => s.total);
  const status = useArchiveStore((s) => s.status);
  const result = useArchiveStore((s) => s.result);
  const message = useArchiveStore((s) => s.message);
  const openNumber = useArchiveStore((s) => s.card?.number ?? null);

  useEffect(() => {
    archiveQueueChanged(search, loaded, total);
  }, [search, loaded, total]);

  if (search.trim() === '') return null;
  const kind = result ? t.dyn(`archive.kind_${result.kind}`, result.kind) : '';
  return (
    <section className="archive-results" aria-label={t('archive.title')}>
      {status === 'idle' && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => void searchArchive(search)}>
          {t('archive.search')}
        </button>
      )}
      {status === 'loading' && !result && <div className="muted" role="status">{t('archive.searching')}</div>}
      {status === 'tooShort' && <div className="muted">{t('archive.tooShort')}</div>}
      {status === 'unavailable' && (
        <div className="error-text archive-down" role="alert" title={message ?? undefined}>
          {t('archive.serverDown')}{' '}
          <button type="button" className="btn btn-small" onClick={() => void searchArchive(search)}>
            {t('archive.retry')}
          </button>
        </div>
      )}
      {status === 'error' && (
        <div className="error-text" role="alert">
          {t('archive.failed', { message: message ?? '' })}
        </div>
      )}
      {result && (
        <>
          <h3 className="archive-head" aria-live="polite">
            {result.rows.length === 0
              ? t('archive.none', { kind, day: t.fmt.isoDay(result.windowStart) })
              : t('archive.found', { kind, n: result.rows.length, more: result.hasMore ? t('archive.more') : '' })}
          </h3>
          <div className="muted archive-hint">{t('archive.hint', { day: t.fmt.isoDay(result.windowStart) })}</div>
          <ul className="archive-list">
            {result.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className={`archive-row${openNumber === row.number ? ' selected' : ''}`}
                  aria-label={`${row.number}, ${row.customerName}, ${t('archive.badge')}`}
                  onClick={() => void openArchiveRow(row)}
                >
                  <span className="l1">
                    <span className="num">{row.number}</span>
                    <span className={row.localId === null ? 'archive-badge' : 'archive-badge local'}>{row.localId === null ? t('archive.badge') : t('archive.local')}</span>
                    <span className="cust">{row.customerName}</span>
                  </span>
                  <span className="l2">
                    <StatusChip status={row.status} subMark={row.subMark} />
                    <span className="tabular">{t.fmt.date(row.deliveredAt ?? row.createdAt)}</span>
                    <span className="addr">{row.deliveryAddress}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {result.hasMore && (
            <button type="button" className="btn btn-small btn-ghost" disabled={status === 'loading'} onClick={() => void searchArchive(search, true)}>
              {status === 'loading' ? t('archive.searching') : t('archive.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
