// The ranked results: one dense row per carrier with the reason it is here, contacts to call or
// copy at once, the last rate on the lane, the vehicles that match, and marks for carriers on
// the blacklist or without a passed security check.
import type { CarrierSearchResult } from '../../../../shared/api/carriers-api';
import { reasonText } from '../../../../shared/carriers/reason-text';
import { copyText, openCarrier, search, useCarriersStore } from './store';
import { useT } from '../../i18n/use-t';
import type { Translator } from '../../i18n/translate';
import { displayPhone, telHref } from './format';

/** Two overlapping sheets: the usual "copy" sign, drawn so no icon font is needed. */
export function CopyIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function Flags({ r, t }: { r: CarrierSearchResult; t: Translator }) {
  return (
    <>
      {r.flags.map((f) => (
        <span key={f} className={`cr-flag cr-flag-${f}`}>
          {t(`carriers.${f}`)}
        </span>
      ))}
    </>
  );
}

function Row({ r, rank, selected, t }: { r: CarrierSearchResult; rank: number; selected: boolean; t: Translator }) {
  const phone = displayPhone(r.phone, r.phoneNormalized);
  const demoted = r.flags.includes('blacklisted') || r.flags.includes('security_failed');
  return (
    <li className={`cr-result${selected ? ' cr-selected' : ''}${demoted ? ' cr-demoted' : ''}`} aria-current={selected ? 'true' : undefined}>
      <div className="cr-rank tabular">{rank}</div>
      <div className="cr-main">
        <div className="cr-line1">
          <button type="button" className="cr-name link" onClick={() => void openCarrier(r.id)} aria-label={t('carriers.open', { name: r.name })}>
            {r.name}
          </button>
          <Flags r={r} t={t} />
          <span className="cr-city muted">{r.currentCity && r.currentCity !== r.baseCity ? `${r.baseCity} · ${r.currentCity}` : r.baseCity}</span>
        </div>
        <div className={`cr-reason cr-tier-${r.reason.tier}`}>{reasonText(r.reason, t.lang, r.lastRate?.currency)}</div>
        <div className="cr-vehicles">
          {r.vehicles.map((v) => (
            <span key={v.id} className="cr-chip">
              {t(`carriers.vt_${v.type}`)} {t.fmt.tonnes(v.tonnage)}{v.volumeM3 > 0 ? ` · ${t.fmt.m3(v.volumeM3)}` : ''}
              {v.adrClasses !== '' ? ` · ADR ${v.adrClasses}` : ''}
              {v.oversize ? ` · ${t('carriers.oversize').toLowerCase()}` : ''}
            </span>
          ))}
          {r.vehiclesMatching > r.vehicles.length && <span className="muted">{t('carriers.moreVehicles', { n: r.vehiclesMatching - r.vehicles.length })}</span>}
        </div>
      </div>
      <div className="cr-side">
        {phone !== '' && (
          <div className="cr-phone">
            <a className="tabular" href={telHref(r.phoneNormalized, r.phone)} aria-label={t('carriers.call', { phone })}>
              {phone}
            </a>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void copyText(phone, t('carriers.copied', { text: phone }))} aria-label={t('carriers.copyPhoneOf', { name: r.name })} title={t('carriers.copy')}>
              <CopyIcon />
            </button>
          </div>
        )}
        <div className="muted cr-person">{r.contactPerson}</div>
        <div className="cr-rate tabular" title={t('carriers.lastRate')}>
          {r.lastRate ? (
            <>
              <strong>{t.fmt.money(r.lastRate.rate, r.lastRate.currency)}</strong>{' '}
              <span className="muted">
                {t(r.lastRate.kind === 'deal' ? 'carriers.rateDeal' : 'carriers.rateOffer')} {t.fmt.date(r.lastRate.at)}
              </span>
            </>
          ) : (
            <span className="muted">{t('carriers.noRate')}</span>
          )}
        </div>
        <div className="muted tabular">
          {r.rating > 0 ? `★ ${t.fmt.fixed(r.rating, 1)}` : t('carriers.noRating')}
          {r.reliability !== null ? ` · ${t('carriers.reliability').toLowerCase()} ${t.fmt.percent(r.reliability)}` : ''}
        </div>
      </div>
    </li>
  );
}

export function ResultList() {
  const t = useT();
  const results = useCarriersStore((s) => s.results);
  const hasMore = useCarriersStore((s) => s.hasMore);
  const searching = useCarriersStore((s) => s.searching);
  const selectedId = useCarriersStore((s) => s.selectedId);
  const error = useCarriersStore((s) => s.error);
  if (error) return <div className="cr-empty error-text" role="alert">{error}</div>;
  if (results.length === 0) return <div className="cr-empty muted">{searching ? t('carriers.searching') : t('carriers.noResults')}</div>;
  return (
    <>
      <ol className="cr-results" aria-label={t('carriers.results')}>
        {results.map((r, i) => (
          <Row key={r.id} r={r} rank={i + 1} selected={r.id === selectedId} t={t} />
        ))}
      </ol>
      {hasMore && (
        <button type="button" className="btn cr-more" onClick={() => void search({ append: true })} disabled={searching}>
          {t('carriers.more')}
        </button>
      )}
    </>
  );
}
