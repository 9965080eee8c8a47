// The carrier card beside the results: contacts, security check and blacklist, vehicles,
// directions, offers and deals (newest first), notes; every edit opens a dialog that sends one
// sync mutation.
import { useState } from 'react';
import type { CarrierCard } from '../../../../shared/api/carriers-api';
import { copyText, openCarrier, openDialog, runEdit, useCanEditCarriers, useCarriersStore } from './store';
import { useT } from '../../i18n/use-t';
import type { Translator } from '../../i18n/translate';
import { displayPhone, telHref } from './format';

type Section = 'vehicles' | 'lanes' | 'offers' | 'deals';

function Verdicts({ card, t, canEdit }: { card: CarrierCard; t: Translator; canEdit: boolean }) {
  const c = card.carrier;
  const check = (state: 'passed' | 'failed') => runEdit('setCarrierSecurityCheck', { carrierId: c.id, state }, t('carriers.saved'));
  return (
    <div className="cr-verdicts">
      <div>
        <span className="muted">{t('carriers.securityCheck')}: </span>
        <strong className={`cr-check-${c.securityCheck}`}>{t(`carriers.check_${c.securityCheck}`)}</strong>
        {c.securityCheckedAt !== null && <span className="muted"> · {t('carriers.checkedAt', { day: t.fmt.date(c.securityCheckedAt) })}</span>}
      </div>
      {canEdit && (
        <div className="cr-actions">
          {c.securityCheck !== 'passed' && (
            <button type="button" className="btn btn-small" onClick={() => void check('passed')}>
              {t('carriers.setPassed')}
            </button>
          )}
          {c.securityCheck !== 'failed' && (
            <button type="button" className="btn btn-small btn-danger" onClick={() => void check('failed')}>
              {t('carriers.setFailed')}
            </button>
          )}
          {c.blacklisted ? (
            <button type="button" className="btn btn-small" onClick={() => void runEdit('setCarrierBlacklisted', { carrierId: c.id, blacklisted: false }, t('carriers.saved'))}>
              {t('carriers.unblacklist')}
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-danger" onClick={() => openDialog({ kind: 'blacklist' })}>
              {t('carriers.blacklist')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Vehicles({ card, t, canEdit }: { card: CarrierCard; t: Translator; canEdit: boolean }) {
  if (card.vehicles.length === 0) return <p className="muted">{t('carriers.empty')}</p>;
  return (
    <table className="cr-table">
      <thead>
        <tr>
          <th>{t('carriers.type')}</th>
          <th>{t('carriers.tonnage')}</th>
          <th>{t('carriers.volume')}</th>
          <th>ADR</th>
          <th>{t('carriers.plate')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {card.vehicles.map((v) => (
          <tr key={v.id}>
            <td>
              {t(`carriers.vt_${v.type}`)}
              {v.refrigerated && v.type !== 'refrigerator' ? ` · ${t('carriers.refrigerated').toLowerCase()}` : ''}
              {v.oversize ? ` · ${t('carriers.oversize').toLowerCase()}` : ''}
            </td>
            <td className="tabular">{v.tonnage}</td>
            <td className="tabular">{v.volumeM3 || ''}</td>
            <td>{v.adrClasses}</td>
            <td>{v.plate}</td>
            <td className="cr-row-actions">
              {canEdit && (
                <>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => openDialog({ kind: 'vehicle', vehicle: v })}>
                    {t('carriers.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost btn-danger"
                    aria-label={t('carriers.removeVehicleOf', { plate: v.plate || t(`carriers.vt_${v.type}`) })}
                    onClick={() => void runEdit('removeCarrierVehicle', { vehicleId: v.id }, t('carriers.saved'))}
                  >
                    ×
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Lanes({ card, t, canEdit }: { card: CarrierCard; t: Translator; canEdit: boolean }) {
  if (card.lanes.length === 0) return <p className="muted">{t('carriers.empty')}</p>;
  return (
    <ul className="cr-lanes">
      {card.lanes.map((l) => (
        <li key={l.id}>
          {l.fromCity} → {l.toCity}
          {canEdit && (
            <button
              type="button"
              className="btn btn-small btn-ghost btn-danger"
              aria-label={t('carriers.removeLaneOf', { from: l.fromCity, to: l.toCity })}
              onClick={() => void runEdit('removeCarrierLane', { laneId: l.id }, t('carriers.saved'))}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function History({ card, kind, t }: { card: CarrierCard; kind: 'offers' | 'deals'; t: Translator }) {
  const rows =
    kind === 'offers'
      ? card.offers.map((o) => ({ id: o.id, at: o.offeredAt, from: o.fromCity, to: o.toCity, rate: o.rate, currency: o.currency, type: o.vehicleType, extra: '' }))
      : card.deals.map((d) => ({ id: d.id, at: d.dealAt, from: d.fromCity, to: d.toCity, rate: d.rate, currency: d.currency, type: d.vehicleType, extra: `${t(`carriers.outcome_${d.outcome}`)}${d.note ? `: ${d.note}` : ''}` }));
  const total = kind === 'offers' ? card.offersTotal : card.dealsTotal;
  if (rows.length === 0) return <p className="muted">{t('carriers.empty')}</p>;
  return (
    <>
      {total > rows.length && <p className="muted">{t('carriers.historyOf', { shown: rows.length, total })}</p>}
      <table className="cr-table">
        <thead>
          <tr>
            <th>{t('carriers.date')}</th>
            <th>{t('carriers.from')} → {t('carriers.to')}</th>
            <th>{t('carriers.rate')}</th>
            <th>{t('carriers.type')}</th>
            {kind === 'deals' && <th>{t('carriers.outcome')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="tabular">{t.fmt.date(r.at)}</td>
              <td>
                {r.from} → {r.to}
              </td>
              <td className="tabular">{t.fmt.money(r.rate, r.currency)}</td>
              <td>{r.type ? t(`carriers.vt_${r.type}`) : ''}</td>
              {kind === 'deals' && <td>{r.extra}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CarrierCardPanel() {
  const t = useT();
  const card = useCarriersStore((s) => s.card);
  const canEdit = useCanEditCarriers();
  const [section, setSection] = useState<Section>('vehicles');
  if (!card) return <aside className="cr-card" aria-label={t('carriers.card')} />;
  const c = card.carrier;
  const phone = displayPhone(c.phone, c.phoneNormalized);
  const add: Record<Section, () => void> = {
    vehicles: () => openDialog({ kind: 'vehicle', vehicle: null }),
    lanes: () => openDialog({ kind: 'lane' }),
    offers: () => openDialog({ kind: 'offer' }),
    deals: () => openDialog({ kind: 'deal' }),
  };
  const addLabel: Record<Section, string> = { vehicles: t('carriers.addVehicle'), lanes: t('carriers.addLane'), offers: t('carriers.addOffer'), deals: t('carriers.addDeal') };
  const counts: Record<Section, number> = { vehicles: card.vehicles.length, lanes: card.lanes.length, offers: card.offersTotal, deals: card.dealsTotal };
  return (
    <aside className="cr-card" aria-label={t('carriers.card')}>
      <div className="cr-card-head">
        <h2>{c.name}</h2>
        {canEdit && (
          <button type="button" className="btn btn-small" onClick={() => openDialog({ kind: 'edit' })}>
            {t('carriers.edit')}
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => void openCarrier(null)} aria-label={t('carriers.close')}>
          ×
        </button>
      </div>
      <div className="cr-card-flags">
        {card.flags.map((f) => (
          <span key={f} className={`cr-flag cr-flag-${f}`}>
            {t(`carriers.${f}`)}
          </span>
        ))}
      </div>
      <dl className="kv cr-kv">
        <dt>{t('carriers.phone')}</dt>
        <dd>
          {phone ? (
            <>
              <a href={telHref(c.phoneNormalized, c.phone)}>{phone}</a>{' '}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => void copyText(phone, t('carriers.copied', { text: phone }))} aria-label={t('carriers.copyPhoneOf', { name: c.name })}>
                {t('carriers.copy')}
              </button>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('carriers.contactPerson')}</dt>
        <dd>{c.contactPerson || '—'}</dd>
        <dt>{t('carriers.email')}</dt>
        <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</dd>
        <dt>{t('carriers.taxId')}</dt>
        <dd className="tabular">{c.taxId || '—'}</dd>
        <dt>{t('carriers.baseCity')}</dt>
        <dd>{c.baseCity || '—'}</dd>
        <dt>{t('carriers.currentCity')}</dt>
        <dd>
          {c.currentCity ?? '—'}
          {c.availableFrom !== null ? ` · ${t('carriers.availableFrom').toLowerCase()} ${t.fmt.date(c.availableFrom)}` : ''}
        </dd>
        <dt>{t('carriers.rating')}</dt>
        <dd className="tabular">{c.rating > 0 ? `★ ${t.fmt.fixed(c.rating, 1)}` : t('carriers.noRating')}</dd>
        <dt>{t('carriers.reliability')}</dt>
        <dd>{card.reliability === null ? t('carriers.noDeals') : t('carriers.reliabilityValue', { pct: t.fmt.percent(card.reliability), n: card.dealsOk + card.dealsProblem })}</dd>
      </dl>
      <Verdicts card={card} t={t} canEdit={canEdit} />
      <div className="cr-sections" role="tablist" aria-label={t('carriers.card')}>
        {(['vehicles', 'lanes', 'offers', 'deals'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={section === s} className="cr-section-tab" onClick={() => setSection(s)}>
            {t(`carriers.${s}`)} <span className="muted">{counts[s]}</span>
          </button>
        ))}
      </div>
      <div className="cr-section" role="tabpanel">
        {canEdit && (
          <button type="button" className="btn btn-small cr-add" onClick={add[section]}>
            + {addLabel[section]}
          </button>
        )}
        {section === 'vehicles' && <Vehicles card={card} t={t} canEdit={canEdit} />}
        {section === 'lanes' && <Lanes card={card} t={t} canEdit={canEdit} />}
        {(section === 'offers' || section === 'deals') && <History card={card} kind={section} t={t} />}
      </div>
      {c.notes !== '' && (
        <div className="cr-notes">
          <h3>{t('carriers.notes')}</h3>
          <p>{c.notes}</p>
        </div>
      )}
    </aside>
  );
}
