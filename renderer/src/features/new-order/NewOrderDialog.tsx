// The new-order form (issue 14): a dispatcher on the phone finds the customer by any spelling of
// their number or by name, takes one of their last addresses or searches one (geocoder or the
// shipped gazetteer), puts the point on the house, and sees the SLA deadline before saving.
// Everything works from the keyboard: Tab order follows the call, Enter picks the first match,
// Ctrl+Enter saves, Escape closes; a wrong field is named next to it and focused.
import type { ReactNode } from 'react';
import type { FieldProblem, NewOrderField } from '../../../../shared/domain/new-order-check';
import { orderDeadline } from '../../../../shared/domain/order-intake';
import { DEFAULT_SLA_POLICIES } from '../../../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../../../../shared/domain/working-calendar';
import { SERVICE_TYPES, type ServiceType } from '../../../../shared/domain/vocabulary';
import { formatDuration } from '../../i18n/format-time';
import { DayInput, TimeInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';
import { Modal } from '../../ui/Modal';
import { regionCalendar } from '../../ui/sla-view';
import { SlaCountdown } from '../../ui/SlaCountdown';
import { useClockStore } from '../clock/store';
import { useSessionStore } from '../session/store';
import { buildRequest, parseAmount } from './form-model';
import { fieldKey, problemKey } from '../../ui/order-field-words';
import { SpecialHandlingFields } from '../../ui/SpecialHandlingFields';
import { CustomerLookup } from './CustomerLookup';
import { PointMap } from './PointMap';
import {
  chooseWarehouse,
  closeNewOrder,
  draftRegion,
  movePoint,
  pickPlace,
  saveNewOrder,
  searchAddress,
  setDraft,
  useNewOrderStore,
} from './store';
import './new-order.css';

/** Select values that are no warehouse id (ids are the server's, never empty or spaced). */
const AUTO = ' auto';
const DIRECT = ' direct';

export const fieldId = (f: NewOrderField): string => `no-${f}`;
const errorId = (f: NewOrderField): string => `no-${f}-error`;

type Controlled = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

function Field({ name, label, problems, children, wide }: { name: NewOrderField; label?: string; problems: FieldProblem[]; children: (c: Controlled) => ReactNode; wide?: boolean }) {
  const t = useT();
  const problem = problems.find((p) => p.field === name);
  const controlled: Controlled = problem ? { id: fieldId(name), 'aria-invalid': true, 'aria-describedby': errorId(name) } : { id: fieldId(name) };
  return (
    <div className={`field${wide ? ' no-wide' : ''}`}>
      <label htmlFor={fieldId(name)}>{label ?? t(fieldKey(name))}</label>
      {children(controlled)}
      {problem && (
        <small id={errorId(name)} className="error-text no-error">
          {t(fieldKey(name))}: {t(problemKey(problem.problem))}
        </small>
      )}
    </div>
  );
}

function AddressSearch({ problems }: { problems: FieldProblem[] }) {
  const t = useT();
  const draft = useNewOrderStore((s) => s.draft);
  const suggestions = useNewOrderStore((s) => s.suggestions);
  // The geocoder is asked on Enter or the button, not per keystroke: Nominatim's usage policy
  // forbids autocomplete against its servers, and a company's own one is no faster.
  const find = () => void searchAddress(draft.deliveryAddress);
  return (
    <>
      <Field name="deliveryAddress" problems={problems} wide>
        {(c) => (
          <div className="no-inline">
            <input
              {...c}
              className="input"
              value={draft.deliveryAddress}
              placeholder={t('newOrder.addressPlaceholder')}
              autoComplete="off"
              onChange={(e) => setDraft({ deliveryAddress: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.ctrlKey) {
                  e.preventDefault();
                  const first = suggestions?.places[0];
                  if (first && suggestions && useNewOrderStore.getState().addressQuery === draft.deliveryAddress) pickPlace(first);
                  else find();
                }
              }}
            />
            <button type="button" className="btn" onClick={find}>
              {t('newOrder.suggestions')}
            </button>
          </div>
        )}
      </Field>
      {suggestions && (
        <div className="no-wide" aria-live="polite">
          {suggestions.geocoderError && <p className="hint">{t('newOrder.geocoderFailed', { reason: suggestions.geocoderError })}</p>}
          {suggestions.places.length > 0 && (
            <ul className="no-matches" aria-label={`${t('newOrder.suggestions')} ${t(suggestions.source === 'geocoder' ? 'newOrder.fromGeocoder' : 'newOrder.fromGazetteer')}`}>
              {suggestions.places.map((p, i) => (
                <li key={`${p.label}|${i}`}>
                  <button type="button" className="no-match" onClick={() => pickPlace(p)}>
                    {p.label}
                    {p.approximate && <span className="hint"> ≈</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function SlaPreview() {
  const t = useT();
  const draft = useNewOrderStore((s) => s.draft);
  const region = useNewOrderStore(draftRegion);
  const now = useClockStore((s) => s.now);
  const policies = useSessionStore((s) => s.session?.slaPolicies) ?? DEFAULT_SLA_POLICIES;
  const calendar = useSessionStore((s) => regionCalendar(s.session?.calendars, region)) ?? DEFAULT_KZ_CALENDAR;
  const { request } = buildRequest({ ...draft, customerName: 'x', customerPhone: '+77000000000', deliveryAddress: 'x', deliveryCity: 'x', pickupAddress: 'x' }, calendar.utcOffsetMinutes, now);
  const windowEnd = request?.windowEnd ?? null;
  let deadline: number | null;
  try {
    deadline = orderDeadline({ serviceType: draft.serviceType, vipNormMinutes: draft.vipNormMinutes, customerVipNormMinutes: null, confirmedAt: now, windowEnd }, policies, calendar);
  } catch {
    deadline = null;
  }
  const vip = draft.vipNormMinutes !== null && draft.vipNormMinutes > 0;
  return (
    <div className="no-sla" role="status" aria-label={t('newOrder.sla')}>
      {deadline === null ? (
        <span className="hint">{t('newOrder.slaNoPolicy')}</span>
      ) : (
        <>
          <SlaCountdown
            row={{ status: 'confirmed', serviceType: draft.serviceType, vip, vipNormMinutes: draft.vipNormMinutes, slaDeadline: deadline, confirmedAt: now, ...(region ? { regionId: region } : {}) }}
          />
          <span className="tabular">{t(windowEnd !== null ? 'newOrder.slaWindow' : 'newOrder.slaDeadline', { time: t.fmt.dateTime(deadline) })}</span>
        </>
      )}
      {vip && <span className="vip">{t('newOrder.vip', { norm: formatDuration((draft.vipNormMinutes ?? 0) * 60_000, t) })}</span>}
    </div>
  );
}

export function NewOrderDialog() {
  const t = useT();
  const draft = useNewOrderStore((s) => s.draft);
  const warehouses = useNewOrderStore((s) => s.warehouses);
  const problems = useNewOrderStore((s) => s.problems);
  const hazardProblem = problems.find((p) => p.field === 'hazardClass');
  const busy = useNewOrderStore((s) => s.busy);
  const error = useNewOrderStore((s) => s.error);
  const region = useNewOrderStore(draftRegion);
  const offset = useSessionStore((s) => regionCalendar(s.session?.calendars, region)?.utcOffsetMinutes) ?? DEFAULT_KZ_CALENDAR.utcOffsetMinutes;
  const now = useClockStore((s) => s.now);
  const withWindow = draft.windowDay !== '';

  const save = async (): Promise<void> => {
    const ok = await saveNewOrder(offset, now);
    if (!ok) {
      // Focus the first field to fix: a keyboard user lands where the problem is.
      const first = useNewOrderStore.getState().problems[0];
      if (first) document.getElementById(fieldId(first.field))?.focus();
    }
  };

  const lat = parseAmount(draft.deliveryLat);
  const lon = parseAmount(draft.deliveryLon);
  const text = (name: NewOrderField, value: string, onChange: (v: string) => void, extra: { type?: string; inputMode?: 'decimal' | 'numeric' | 'tel' | 'email'; placeholder?: string } = {}) => (
    <Field name={name} problems={problems}>
      {(c) => <input {...c} className="input" type={extra.type ?? 'text'} inputMode={extra.inputMode} placeholder={extra.placeholder} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );

  return (
    <Modal
      title={t('newOrder.title')}
      onClose={closeNewOrder}
      closeLabel={t('newOrder.close')}
      className="no-dialog"
      footer={
        <>
          {(problems.length > 0 || error) && (
            <p className="card-rejected no-summary" role="alert">
              {error ? t('newOrder.refused', { message: error }) : t('newOrder.problemsTitle')}
            </p>
          )}
          <button type="button" className="btn" onClick={closeNewOrder}>
            {t('newOrder.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()} aria-keyshortcuts="Control+Enter">
            {busy ? t('newOrder.saving') : t('newOrder.save')}
            <span className="kbd" aria-hidden="true">
              Ctrl+Enter
            </span>
          </button>
        </>
      }
    >
      <form
        className="no-form"
        aria-label={t('newOrder.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <fieldset className="no-section">
          <legend>{t('newOrder.customer')}</legend>
          <CustomerLookup />
          <div className="no-grid">
            {text('customerName', draft.customerName, (v) => setDraft({ customerName: v, customerId: null, vipNormMinutes: null }))}
            {text('customerPhone', draft.customerPhone, (v) => setDraft({ customerPhone: v }), { type: 'tel', inputMode: 'tel', placeholder: '+7 701 123 45 67' })}
            {text('customerEmail', draft.customerEmail, (v) => setDraft({ customerEmail: v }), { type: 'email', inputMode: 'email' })}
          </div>
        </fieldset>

        <fieldset className="no-section">
          <legend>{t('newOrder.delivery')}</legend>
          <div className="no-grid">
            <AddressSearch problems={problems} />
            {text('deliveryCity', draft.deliveryCity, (v) => setDraft({ deliveryCity: v }))}
            {text('deliveryLat', draft.deliveryLat, (v) => setDraft({ deliveryLat: v, deliveryApproximate: false }), { inputMode: 'decimal' })}
            {text('deliveryLon', draft.deliveryLon, (v) => setDraft({ deliveryLon: v, deliveryApproximate: false }), { inputMode: 'decimal' })}
          </div>
          {draft.deliveryApproximate && <p className="no-approx">{t('newOrder.approximate')}</p>}
          <PointMap lat={lat ?? null} lon={lon ?? null} onMove={movePoint} label={t('newOrder.mapLabel')} />
          <p className="hint">{t('newOrder.mapHint')}</p>
        </fieldset>

        <fieldset className="no-section">
          <legend>{t('newOrder.pickup')}</legend>
          <div className="no-grid">
            <Field name="warehouseId" problems={problems} wide>
              {(c) => (
                <select
                  {...c}
                  className="select"
                  value={draft.warehouseId ?? (draft.warehouseProposed ? AUTO : DIRECT)}
                  onChange={(e) => e.target.value !== AUTO && chooseWarehouse(e.target.value === DIRECT ? null : e.target.value)}
                >
                  {draft.warehouseId === null && draft.warehouseProposed && (
                    <option value={AUTO} disabled>
                      {t('newOrder.warehouseAuto')}
                    </option>
                  )}
                  {warehouses.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}, {w.city}
                      {draft.warehouseProposed && draft.warehouseId === w.id ? ` (${t('newOrder.nearestProposed')})` : ''}
                    </option>
                  ))}
                  <option value={DIRECT}>{t('newOrder.directPickup')}</option>
                </select>
              )}
            </Field>
            {draft.warehouseId === null && !draft.warehouseProposed ? (
              <>
                {text('pickupAddress', draft.pickupAddress, (v) => setDraft({ pickupAddress: v }))}
                {text('pickupLat', draft.pickupLat, (v) => setDraft({ pickupLat: v }), { inputMode: 'decimal' })}
                {text('pickupLon', draft.pickupLon, (v) => setDraft({ pickupLon: v }), { inputMode: 'decimal' })}
              </>
            ) : (
              <p className="hint no-wide">{draft.pickupAddress}</p>
            )}
          </div>
        </fieldset>

        <fieldset className="no-section">
          <legend>{t('newOrder.service')}</legend>
          <div className="no-grid">
            <Field name="serviceType" problems={problems}>
              {(c) => (
                <select {...c} className="select" value={draft.serviceType} onChange={(e) => setDraft({ serviceType: e.target.value as ServiceType })}>
                  {SERVICE_TYPES.map((s) => (
                    <option key={s} value={s}>
                      {t.dyn(`service.${s}`, s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="field no-check">
              <input
                type="checkbox"
                checked={withWindow}
                onChange={(e) => setDraft({ windowDay: e.target.checked ? new Date(now + offset * 60_000 + 86_400_000).toISOString().slice(0, 10) : '' })}
              />
              <span>{t('newOrder.window')}</span>
            </label>
          </div>
          {withWindow ? (
            <div className="no-window">
              <Field name="windowStart" label={t('newOrder.windowDay')} problems={problems}>
                {(c) => <DayInput {...c} value={draft.windowDay} onChange={(d) => setDraft({ windowDay: d === '' ? draft.windowDay : d })} />}
              </Field>
              <div className="field">
                <label htmlFor="no-window-from">{t('newOrder.windowFrom')}</label>
                <TimeInput id="no-window-from" value={draft.windowFrom} onChange={(m) => setDraft({ windowFrom: m })} />
              </div>
              <Field name="windowEnd" label={t('newOrder.windowTo')} problems={problems}>
                {(c) => <TimeInput {...c} value={draft.windowTo} onChange={(m) => setDraft({ windowTo: m })} />}
              </Field>
            </div>
          ) : (
            <p className="hint">{t('newOrder.noWindow')}</p>
          )}
          <SlaPreview />
        </fieldset>

        <fieldset className="no-section">
          <legend>{t('newOrder.cargo')}</legend>
          <div className="no-grid">
            <Field name="cargoDescription" problems={problems} wide>
              {(c) => <input {...c} className="input" value={draft.cargoDescription} maxLength={2000} onChange={(e) => setDraft({ cargoDescription: e.target.value })} />}
            </Field>
            {text('weightKg', draft.weightKg, (v) => setDraft({ weightKg: v }), { inputMode: 'decimal' })}
            {text('volumeM3', draft.volumeM3, (v) => setDraft({ volumeM3: v }), { inputMode: 'decimal' })}
            {text('places', draft.places, (v) => setDraft({ places: v }), { inputMode: 'numeric' })}
            <SpecialHandlingFields value={draft} onChange={setDraft} id={fieldId('hazardClass')} problem={hazardProblem && `${t(fieldKey('hazardClass'))}: ${t(problemKey(hazardProblem.problem))}`} />
          </div>
        </fieldset>
      </form>
    </Modal>
  );
}
