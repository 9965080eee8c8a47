// The card's edit dialogs: carrier (add / edit), vehicle, direction, offer, deal, blacklist.
// Each submits one command (a sync mutation in main); a refusal stays in the dialog with its
// reason, nothing is half-saved.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DEAL_OUTCOMES, VEHICLE_TYPES, type DealOutcome, type VehicleType } from '../../../../shared/domain/vocabulary';
import { endOfDayKz } from './filters';
import { DayInput } from '../../i18n/LocaleInputs';
import { Modal } from '../../ui/Modal';
import { openDialog, runEdit, useCarriersStore } from './store';
import { useT } from '../../i18n/use-t';
import type { MessageKey, Translator } from '../../i18n/translate';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function Form({ title, onSubmit, children, t }: { title: string; onSubmit: () => void; children: ReactNode; t: Translator }) {
  const error = useCarriersStore((s) => s.dialogError);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };
  const formId = useId();
  return (
    <Modal
      title={title}
      onClose={() => openDialog(null)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => openDialog(null)}>
            {t('carriers.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy}>
            {t('carriers.save')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="cr-form">
        {children}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}

const num = (s: string): number => Number(s.replace(',', '.').trim());
const dayInput = (ms: number | null): string => (ms === null ? '' : new Date(ms + 5 * 3_600_000).toISOString().slice(0, 10));

export function CarrierDialog({ mode }: { mode: 'create' | 'edit' }) {
  const t = useT();
  const card = useCarriersStore((s) => s.card);
  const c = mode === 'edit' ? card?.carrier : undefined;
  const [v, setV] = useState({
    name: c?.name ?? '',
    taxId: c?.taxId ?? '',
    phone: c?.phone ?? '',
    email: c?.email ?? '',
    contactPerson: c?.contactPerson ?? '',
    baseCity: c?.baseCity ?? '',
    currentCity: c?.currentCity ?? '',
    availableFrom: dayInput(c?.availableFrom ?? null),
    rating: c ? String(c.rating) : '',
    notes: c?.notes ?? '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const fields = () => ({
    name: v.name,
    taxId: v.taxId,
    phone: v.phone,
    email: v.email.trim() === '' ? null : v.email.trim(),
    contactPerson: v.contactPerson,
    baseCity: v.baseCity,
    currentCity: v.currentCity.trim() === '' ? null : v.currentCity,
    availableFrom: v.availableFrom === '' ? null : (endOfDayKz(v.availableFrom) ?? null),
    notes: v.notes,
    ...(v.rating.trim() === '' ? {} : { rating: num(v.rating) }),
  });
  const submit = async () => {
    if (mode === 'edit' && c) {
      await runEdit('editCarrier', ({ carrierId: c.id, patch: fields() }), t('carriers.saved'));
    } else {
      await runEdit('createCarrier', fields(), t('carriers.saved'));
    }
  };
  const text = (k: keyof typeof v, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <Field label={t(label)}>{(id) => <input id={id} className="input" value={v[k]} onChange={set(k)} {...extra} />}</Field>
  );
  return (
    <Form title={mode === 'edit' ? `${t('carriers.edit')}: ${c?.name ?? ''}` : t('carriers.add')} onSubmit={submit} t={t}>
      {text('name', 'carriers.name', { required: true, 'data-autofocus': true })}
      <div className="cr-grid2">
        {text('taxId', 'carriers.taxId', { inputMode: 'numeric' })}
        {text('phone', 'carriers.phone', { type: 'tel' })}
        {text('contactPerson', 'carriers.contactPerson')}
        {text('email', 'carriers.email', { type: 'email' })}
        {text('baseCity', 'carriers.baseCity')}
        {text('currentCity', 'carriers.currentCity')}
        <Field label={t('carriers.availableFrom')}>{(id) => <DayInput id={id} value={v.availableFrom} onChange={(iso) => setV({ ...v, availableFrom: iso })} />}</Field>
        {text('rating', 'carriers.rating', { inputMode: 'decimal' })}
      </div>
      <Field label={t('carriers.notes')}>{(id) => <textarea id={id} className="textarea" rows={3} value={v.notes} onChange={set('notes')} />}</Field>
    </Form>
  );
}

export function VehicleDialog() {
  const t = useT();
  const dialog = useCarriersStore((s) => s.dialog);
  const card = useCarriersStore((s) => s.card);
  const vehicle = dialog?.kind === 'vehicle' ? dialog.vehicle : null;
  const [v, setV] = useState({
    type: (vehicle?.type ?? 'tent') as VehicleType,
    tonnage: vehicle ? String(vehicle.tonnage) : '',
    volumeM3: vehicle ? String(vehicle.volumeM3) : '',
    refrigerated: vehicle?.refrigerated ?? false,
    adrClasses: vehicle?.adrClasses ?? '',
    oversize: vehicle?.oversize ?? false,
    plate: vehicle?.plate ?? '',
  });
  if (!card) return null;
  const fields = () => ({
    type: v.type,
    tonnage: num(v.tonnage),
    volumeM3: v.volumeM3.trim() === '' ? 0 : num(v.volumeM3),
    refrigerated: v.refrigerated,
    adrClasses: v.adrClasses,
    oversize: v.oversize,
    plate: v.plate,
  });
  const submit = () =>
    vehicle
      ? runEdit('editCarrierVehicle', { vehicleId: vehicle.id, patch: fields() }, t('carriers.saved'))
      : runEdit('addCarrierVehicle', { carrierId: card.carrier.id, ...fields() }, t('carriers.saved'));
  return (
    <Form title={vehicle ? t('carriers.editVehicle') : t('carriers.addVehicle')} onSubmit={submit} t={t}>
      <div className="cr-grid2">
        <Field label={t('carriers.type')}>
          {(id) => (
            <select id={id} className="select" value={v.type} onChange={(e) => setV({ ...v, type: e.target.value as VehicleType })} data-autofocus>
              {VEHICLE_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`carriers.vt_${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('carriers.tonnage')}>{(id) => <input id={id} className="input" inputMode="decimal" required value={v.tonnage} onChange={(e) => setV({ ...v, tonnage: e.target.value })} />}</Field>
        <Field label={t('carriers.volume')}>{(id) => <input id={id} className="input" inputMode="decimal" value={v.volumeM3} onChange={(e) => setV({ ...v, volumeM3: e.target.value })} />}</Field>
        <Field label={t('carriers.adrClasses')}>{(id) => <input id={id} className="input" value={v.adrClasses} onChange={(e) => setV({ ...v, adrClasses: e.target.value })} />}</Field>
        <Field label={t('carriers.plate')}>{(id) => <input id={id} className="input" value={v.plate} onChange={(e) => setV({ ...v, plate: e.target.value })} />}</Field>
      </div>
      <div className="cr-checks">
        <label>
          <input type="checkbox" checked={v.refrigerated} onChange={(e) => setV({ ...v, refrigerated: e.target.checked })} /> {t('carriers.refrigerated')}
        </label>
        <label>
          <input type="checkbox" checked={v.oversize} onChange={(e) => setV({ ...v, oversize: e.target.checked })} /> {t('carriers.oversize')}
        </label>
      </div>
    </Form>
  );
}

function CityPair({ v, setV, t }: { v: { fromCity: string; toCity: string }; setV: (p: { fromCity?: string; toCity?: string }) => void; t: Translator }) {
  const cities = useCarriersStore((s) => s.cities);
  return (
    <div className="cr-grid2">
      <datalist id="cr-card-cities">
        {cities.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={t('carriers.from')}>{(id) => <input id={id} className="input" list="cr-card-cities" required value={v.fromCity} onChange={(e) => setV({ fromCity: e.target.value })} data-autofocus />}</Field>
      <Field label={t('carriers.to')}>{(id) => <input id={id} className="input" list="cr-card-cities" required value={v.toCity} onChange={(e) => setV({ toCity: e.target.value })} />}</Field>
    </div>
  );
}

export function LaneDialog() {
  const t = useT();
  const card = useCarriersStore((s) => s.card);
  const [v, setV] = useState({ fromCity: '', toCity: '' });
  if (!card) return null;
  return (
    <Form title={t('carriers.addLane')} onSubmit={() => runEdit('addCarrierLane', { carrierId: card.carrier.id, ...v }, t('carriers.saved'))} t={t}>
      <CityPair v={v} setV={(p) => setV({ ...v, ...p })} t={t} />
    </Form>
  );
}

export function RateDialog({ kind }: { kind: 'offer' | 'deal' }) {
  const t = useT();
  const card = useCarriersStore((s) => s.card);
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  const [v, setV] = useState({ fromCity: '', toCity: '', rate: '', currency: 'KZT', vehicleType: '', date: today, outcome: 'success' as DealOutcome, note: '' });
  if (!card) return null;
  const submit = () => {
    // Noon in Kazakhstan of the chosen day: the list shows the day, not the hour.
    const at = (endOfDayKz(v.date) ?? Date.now()) - 12 * 3_600_000;
    const common = {
      carrierId: card.carrier.id,
      fromCity: v.fromCity,
      toCity: v.toCity,
      rate: num(v.rate),
      currency: v.currency,
      vehicleType: v.vehicleType === '' ? null : (v.vehicleType as VehicleType),
    };
    return kind === 'offer'
      ? runEdit('addCarrierOffer', { ...common, offeredAt: at }, t('carriers.saved'))
      : runEdit('recordCarrierDeal', { ...common, dealAt: at, outcome: v.outcome, note: v.note }, t('carriers.saved'));
  };
  return (
    <Form title={kind === 'offer' ? t('carriers.addOffer') : t('carriers.addDeal')} onSubmit={submit} t={t}>
      <CityPair v={v} setV={(p) => setV({ ...v, ...p })} t={t} />
      <div className="cr-grid2">
        <Field label={t('carriers.rate')}>{(id) => <input id={id} className="input" inputMode="decimal" required value={v.rate} onChange={(e) => setV({ ...v, rate: e.target.value })} />}</Field>
        <Field label={t('carriers.currency')}>
          {(id) => (
            <select id={id} className="select" value={v.currency} onChange={(e) => setV({ ...v, currency: e.target.value })}>
              {['KZT', 'RUB', 'USD'].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('carriers.date')}>{(id) => <DayInput id={id} required value={v.date} onChange={(iso) => setV({ ...v, date: iso })} />}</Field>
        <Field label={t('carriers.type')}>
          {(id) => (
            <select id={id} className="select" value={v.vehicleType} onChange={(e) => setV({ ...v, vehicleType: e.target.value })}>
              <option value="">—</option>
              {VEHICLE_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`carriers.vt_${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'deal' && (
          <Field label={t('carriers.outcome')}>
            {(id) => (
              <select id={id} className="select" value={v.outcome} onChange={(e) => setV({ ...v, outcome: e.target.value as DealOutcome })}>
                {DEAL_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`carriers.outcome_${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {kind === 'deal' && <Field label={t('carriers.dealNote')}>{(id) => <textarea id={id} className="textarea" rows={2} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />}</Field>}
    </Form>
  );
}

export function BlacklistDialog() {
  const t = useT();
  const card = useCarriersStore((s) => s.card);
  const [reason, setReason] = useState('');
  if (!card) return null;
  return (
    <Form title={`${t('carriers.blacklist').replace('…', '')}: ${card.carrier.name}`} onSubmit={() => runEdit('setCarrierBlacklisted', { carrierId: card.carrier.id, blacklisted: true, reason }, t('carriers.saved'))} t={t}>
      <Field label={t('carriers.reason')}>{(id) => <textarea id={id} className="textarea" rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}</Field>
    </Form>
  );
}
