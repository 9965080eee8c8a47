// Handing an order over from its card (issue 16): "Find a carrier" runs the carrier search
// filled from the order (loading and unloading city, tonnage, volume, refrigeration, ADR class),
// a carrier is chosen and the deal confirmed (rate, loading time, contact, vehicle; a supervisor's
// reason for a carrier whose security check has not passed); "Hand to a courier service" picks a
// provider the server is configured for and takes its number (or asks its API); "Take back"
// returns the order to the own fleet with a reason. Each submits one command through the card store.
import { useEffect, useState } from 'react';
import type { CarrierFilters, CarrierSearchResult } from '../../../../shared/api/carriers-api';
import type { CourierProviderView } from '../../../../shared/api/handover-api';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { carrierSearchFromOrder } from '../../../../shared/carriers/search-from-order';
import { vehicleTypeName } from '../../../../shared/carriers/vehicle-type-names';
import { DEFAULT_KZ_CALENDAR } from '../../../../shared/domain/working-calendar';
import type { Actor } from '../../../../shared/domain/vocabulary';
import { DayInput, TimeInput } from '../../i18n/LocaleInputs';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { regionCalendar } from '../../ui/sla-view';
import { useClockStore } from '../clock/store';
import { useSessionStore } from '../session/store';
import { CommandError, Dialog, DialogFooter as Footer } from './Dialog';
import { buildDeal, dealDraft, handoverNeedsReason, mayOverrideSecurity, type DealDraft, type DealField } from './handover-model';
import { handToCarrier, handToCourier, loadCourierProviders, searchCarriersFor, takeBackToOwnFleet } from './store';

/** The search's filters as words: "Алматы → Астана · from 1.6 t · refrigerated · ADR 3". */
function filterWords(f: CarrierFilters, t: ReturnType<typeof useT>): string {
  return [
    `${f.fromCity ?? '…'} → ${f.toCity ?? '…'}`,
    f.minTonnage !== undefined ? t('handover.filterTonnage', { t: t.fmt.number(f.minTonnage) }) : '',
    f.minVolumeM3 !== undefined ? t('handover.filterVolume', { m3: t.fmt.number(f.minVolumeM3) }) : '',
    f.refrigerated ? t('handover.filterRefrigerated') : '',
    f.adrClass !== undefined ? t('handover.filterAdr', { cls: f.adrClass }) : '',
  ]
    .filter((s) => s !== '')
    .join(' · ');
}

const SECURITY_KEY: Record<CarrierSearchResult['securityCheck'], MessageKey> = {
  passed: 'handover.security.passed',
  pending: 'handover.security.pending',
  failed: 'handover.security.failed',
};

export function FindCarrierDialog({ detail, actor }: { detail: OrderDetail; actor: Actor | null }) {
  const t = useT();
  const o = detail.order;
  const [filters, setFilters] = useState<CarrierFilters>(() => carrierSearchFromOrder(o, detail.warehouse?.city ?? null));
  const [results, setResults] = useState<CarrierSearchResult[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<CarrierSearchResult | null>(null);
  useEffect(() => {
    let live = true;
    setResults(null);
    searchCarriersFor(filters).then(
      (r) => live && setResults(r),
      (e: unknown) => live && setSearchError(String((e as Error).message ?? e)),
    );
    return () => {
      live = false;
    };
  }, [filters]);
  const widened = carrierSearchFromOrder(o, detail.warehouse?.city ?? null);
  const narrow = Object.keys(filters).length > 2;
  if (chosen) return <DealForm detail={detail} actor={actor} carrier={chosen} back={() => setChosen(null)} />;
  return (
    <Dialog title={t('handover.findTitle', { number: o.number })}>
      <CommandError />
      <p className="muted" data-testid="carrier-search-filters">
        {filterWords(filters, t)}
      </p>
      {narrow && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setFilters({ ...(widened.fromCity ? { fromCity: widened.fromCity } : {}), toCity: widened.toCity })}>
          {t('handover.widen')}
        </button>
      )}
      {searchError && <p className="card-rejected">{t('error.generic', { message: searchError })}</p>}
      {results === null && !searchError && <p className="muted">{t('card.loading')}</p>}
      {results !== null && results.length === 0 && <p className="muted">{t('handover.noCarriers')}</p>}
      {results !== null && results.length > 0 && (
        <ul className="suggestions" aria-label={t('handover.results')}>
          {results.map((c, i) => {
            const refused = c.blacklisted || (c.securityCheck !== 'passed' && !mayOverrideSecurity(actor));
            return (
              <li key={c.id} className="suggestion">
                <div>
                  <strong>{c.name}</strong> <span className="muted tabular">· {c.phone}</span>
                  <br />
                  <span className={`chip${c.securityCheck === 'passed' ? '' : ' chip-warning'}`}>{t(SECURITY_KEY[c.securityCheck])}</span>
                  {c.blacklisted && <span className="chip chip-danger"> {t('handover.blacklisted')}</span>}
                  <span className="muted">
                    {' '}
                    · {t('handover.rating', { r: t.fmt.number(c.rating) })}
                    {c.lastRate && ` · ${t('handover.lastRate', { rate: t.fmt.money(c.lastRate.rate, c.lastRate.currency) })}`}
                    {c.vehicles[0] && ` · ${c.vehicles[0].plate || vehicleTypeName(c.vehicles[0].type, t.lang)}`}
                  </span>
                </div>
                <button
                  type="button"
                  className={`btn btn-small${i === 0 && !refused ? ' btn-primary' : ''}`}
                  disabled={c.blacklisted}
                  title={refused ? t(c.blacklisted ? 'handover.blacklisted' : 'handover.onlySupervisor') : undefined}
                  aria-label={t('handover.choose', { carrier: c.name })}
                  onClick={() => setChosen(c)}
                >
                  {t('handover.chooseShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}

const DEAL_PROBLEM: Record<DealField, MessageKey> = {
  carrier: 'handover.onlySupervisor',
  rate: 'handover.badRate',
  loading: 'handover.badLoading',
  contact: 'handover.badContact',
  reason: 'handover.reasonRequired',
  overrideReason: 'handover.overrideRequired',
};

function DealForm({ detail, actor, carrier, back }: { detail: OrderDetail; actor: Actor | null; carrier: CarrierSearchResult; back: () => void }) {
  const t = useT();
  const o = detail.order;
  const offset = useSessionStore((s) => regionCalendar(s.session?.calendars, o.regionId)?.utcOffsetMinutes) ?? DEFAULT_KZ_CALENDAR.utcOffsetMinutes;
  const now = useClockStore((s) => s.now);
  const [d, setD] = useState<DealDraft>(() => dealDraft(carrier, now, offset));
  const [problems, setProblems] = useState<DealField[]>([]);
  const set = (patch: Partial<DealDraft>) => setD({ ...d, ...patch });
  const reasonRequired = handoverNeedsReason(o);
  const override = carrier.securityCheck !== 'passed';
  const submit = () => {
    const built = buildDeal(carrier, d, { offsetMinutes: offset, actor, reasonRequired, now });
    setProblems(built.problems);
    if (built.deal) void handToCarrier(built.deal);
  };
  const problem = (f: DealField) =>
    problems.includes(f) ? (
      <span className="error-text" role="alert" style={{ padding: 0 }}>
        {t(DEAL_PROBLEM[f])}
      </span>
    ) : null;
  return (
    <Dialog
      title={t('handover.dealTitle', { number: o.number, carrier: carrier.name })}
      footer={
        <>
          <button type="button" className="btn" onClick={back}>
            {t('action.back')}
          </button>
          <Footer label={t('handover.dealSubmit')} submit={submit} />
        </>
      }
    >
      <CommandError />
      <p data-testid="security-check">
        <span className={`chip${override ? ' chip-warning' : ''}`}>{t(SECURITY_KEY[carrier.securityCheck])}</span>{' '}
        {override && <span className="muted">{t(mayOverrideSecurity(actor) ? 'handover.overrideHint' : 'handover.onlySupervisor')}</span>}
      </p>
      {problem('carrier')}
      <label className="field">
        <span>{t('handover.vehicle')}</span>
        <select className="select" value={d.vehicleId} onChange={(e) => set({ vehicleId: e.target.value })}>
          <option value="">{t('handover.vehicleAny')}</option>
          {carrier.vehicles.map((v) => (
            <option key={v.id} value={v.id}>
              {[vehicleTypeName(v.type, t.lang), t('handover.tonnage', { t: t.fmt.number(v.tonnage) }), v.plate].filter(Boolean).join(' · ')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('handover.rate')}</span>
        <input className="input" data-autofocus inputMode="decimal" value={d.rate} onChange={(e) => set({ rate: e.target.value })} aria-invalid={problems.includes('rate') || undefined} />
        {problem('rate')}
      </label>
      <div className="field">
        <span>{t('handover.loadingAt')}</span>
        <div style={{ display: 'flex', gap: 6 }}>
          <DayInput aria-label={t('handover.loadingDay')} value={d.loadingDay} onChange={(v) => set({ loadingDay: v === '' ? d.loadingDay : v })} />
          <TimeInput aria-label={t('handover.loadingTime')} value={d.loadingMinute} onChange={(m) => set({ loadingMinute: m })} />
        </div>
        {problem('loading')}
      </div>
      <label className="field">
        <span>{t('handover.contact')}</span>
        <input className="input" value={d.contact} maxLength={200} onChange={(e) => set({ contact: e.target.value })} />
        {problem('contact')}
      </label>
      {override && mayOverrideSecurity(actor) && (
        <label className="field">
          <span>{t('handover.overrideReason')}</span>
          <textarea className="textarea" value={d.overrideReason} maxLength={2000} onChange={(e) => set({ overrideReason: e.target.value })} />
          {problem('overrideReason')}
        </label>
      )}
      {reasonRequired && (
        <label className="field">
          <span>{t('handover.reason')}</span>
          <textarea className="textarea" value={d.reason} maxLength={2000} onChange={(e) => set({ reason: e.target.value })} />
          {problem('reason')}
        </label>
      )}
    </Dialog>
  );
}

export function CourierDialog({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const [providers, setProviders] = useState<CourierProviderView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [provider, setProvider] = useState('');
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    let live = true;
    loadCourierProviders().then(
      (p) => {
        if (!live) return;
        setProviders(p);
        setProvider((cur) => cur || (p[0]?.key ?? ''));
      },
      (e: unknown) => live && setLoadError(String((e as Error).message ?? e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const chosen = providers?.find((p) => p.key === provider);
  const reasonRequired = handoverNeedsReason(o);
  const trimmed = number.trim();
  const numberOk = trimmed === '' ? chosen?.api === true : /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/.test(trimmed);
  const ok = chosen !== undefined && numberOk && (!reasonRequired || reason.trim() !== '');
  return (
    <Dialog
      title={t('handover.courierTitle', { number: o.number })}
      footer={<Footer label={t('handover.courierSubmit')} disabled={!ok} submit={() => void handToCourier(provider, trimmed === '' ? null : trimmed, reason.trim() || undefined)} />}
    >
      <CommandError />
      {loadError && <p className="card-rejected">{t('error.generic', { message: loadError })}</p>}
      {providers === null && !loadError && <p className="muted">{t('card.loading')}</p>}
      {providers !== null && providers.length === 0 && <p className="muted">{t('handover.noProviders')}</p>}
      {providers !== null && providers.length > 0 && (
        <>
          <label className="field">
            <span>{t('handover.provider')}</span>
            <select className="select" data-autofocus value={provider} onChange={(e) => setProvider(e.target.value)}>
              {providers.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('handover.trackingNumber')}</span>
            <input className="input tabular" value={number} maxLength={64} onChange={(e) => setNumber(e.target.value)} aria-invalid={!numberOk || undefined} />
            <span className="hint">{t(chosen?.api ? 'handover.trackingHintApi' : 'handover.trackingHint')}</span>
          </label>
          {reasonRequired && (
            <label className="field">
              <span>{t('handover.reason')}</span>
              <textarea className="textarea" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
        </>
      )}
    </Dialog>
  );
}

export function TakeBackDialog({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const submit = () => void takeBackToOwnFleet(reason.trim());
  return (
    <Dialog title={t('handover.takeBackTitle', { number: detail.order.number })} footer={<Footer label={t('handover.takeBackSubmit')} disabled={reason.trim() === ''} submit={submit} />}>
      <CommandError />
      <label className="field">
        <span>{t('handover.reason')}</span>
        <textarea className="textarea" data-autofocus value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Dialog>
  );
}
