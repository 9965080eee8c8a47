// The card's dialogs for what comes after intake (issue 14): edit the order (address, contacts,
// window, cargo), correct a status by hand or undo the last correction (with a reason), record a
// payment, and the confirmation checklist. Each submits one command through the card store.
import { useState } from 'react';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { CHECKLIST_ITEMS, PAYMENT_METHODS, type ChecklistItem, type PaymentMethod } from '../../../../shared/domain/order-intake';
import { correctionTargets } from '../../../../shared/domain/status-correction';
import type { FieldProblem, NewOrderField } from '../../../../shared/domain/new-order-check';
import type { OrderStatus } from '../../../../shared/domain/vocabulary';
import { DEFAULT_KZ_CALENDAR } from '../../../../shared/domain/working-calendar';
import { DayInput, TimeInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';
import { fieldKey, problemKey } from '../../ui/order-field-words';
import { SpecialHandlingFields } from '../../ui/SpecialHandlingFields';
import { parseAmount } from '../../ui/form-input';
import { regionCalendar } from '../../ui/sla-view';
import { useClockStore } from '../clock/store';
import { useSessionStore } from '../session/store';
import { CommandError, Dialog, DialogFooter as Footer } from './Dialog';
import { StatusSelect } from './StatusSelect';
import { buildEdit, draftFromOrder, type EditDraft } from './edit-model';
import { closeDialog, confirmOrder, correctStatus, editOrder, recordPayment, undoCorrection } from './store';

export function ChecklistDialog({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const [checked, setChecked] = useState<ChecklistItem[]>([]);
  const missing = detail.checklistRequired.filter((i) => !checked.includes(i));
  return (
    <Dialog title={t('intake.checklistTitle', { number: detail.order.number })} footer={<Footer label={t('action.confirm')} disabled={missing.length > 0} submit={() => void confirmOrder(checked)} />}>
      <CommandError />
      <fieldset className="no-section">
        <legend>{t('intake.checklist')}</legend>
        {CHECKLIST_ITEMS.map((item, i) => (
          <label key={item} className="field no-check" style={{ paddingTop: 4 }}>
            <input
              type="checkbox"
              data-autofocus={i === 0 || undefined}
              checked={checked.includes(item)}
              onChange={(e) => setChecked(e.target.checked ? [...checked, item] : checked.filter((x) => x !== item))}
            />
            <span>
              {t(`checklist.${item}`)}
              {detail.checklistRequired.includes(item) && <span className="hint"> · {t('intake.required')}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {missing.length > 0 && <p className="hint">{t('intake.checklistMissing', { items: missing.map((i) => t(`checklist.${i}`)).join(', ') })}</p>}
    </Dialog>
  );
}

export function CorrectionDialog({ detail, undo }: { detail: OrderDetail; undo: boolean }) {
  const t = useT();
  const o = detail.order;
  const targets = correctionTargets({ status: o.status, warehouseId: o.warehouseId, paidAt: o.paidAt });
  const [to, setTo] = useState<OrderStatus | ''>('');
  const [reason, setReason] = useState('');
  const back = o.lastCorrection?.before.status ?? null;
  const submit = () => void (undo ? undoCorrection(reason.trim()) : to !== '' && correctStatus(to, reason.trim()));
  return (
    <Dialog
      title={t(undo ? 'intake.undoTitle' : 'intake.correctTitle', { number: o.number })}
      footer={<Footer label={t(undo ? 'intake.undoSubmit' : 'intake.correctSubmit')} disabled={reason.trim() === '' || (!undo && to === '')} submit={submit} />}
    >
      <CommandError />
      {undo ? (
        <p>{t('intake.undoWhat', { from: t.dyn(`status.${o.status}`, o.status), to: back ? t.dyn(`status.${back}`, back) : '?' })}</p>
      ) : (
        <StatusSelect label={t('intake.correctTo')} emptyLabel={t('intake.choose')} targets={targets} value={to} onChange={setTo} />
      )}
      <label className="field">
        <span>{t('intake.reason')}</span>
        <textarea className="textarea" data-autofocus={undo || undefined} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Dialog>
  );
}

export function PaymentDialog({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const n = parseAmount(amount);
  const bad = amount.trim() !== '' && (n === undefined || Number.isNaN(n) || n <= 0 || n > 1_000_000_000);
  const submit = () => {
    if (n === undefined || bad) return;
    void recordPayment({ amount: n, method, ...(reference.trim() ? { reference: reference.trim() } : {}) });
  };
  return (
    <Dialog title={t('intake.paymentTitle', { number: detail.order.number })} footer={<Footer label={t('intake.paymentSubmit')} disabled={n === undefined || bad} submit={submit} />}>
      <CommandError />
      <label className="field">
        <span>{t('intake.amount')}</span>
        <input className="input" data-autofocus inputMode="decimal" value={amount} aria-invalid={bad || undefined} aria-describedby={bad ? 'pay-amount-error' : undefined} onChange={(e) => setAmount(e.target.value)} />
        {bad && (
          <small id="pay-amount-error" className="error-text">
            {t('intake.amountBad')}
          </small>
        )}
      </label>
      <label className="field">
        <span>{t('intake.method')}</span>
        <select className="select" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`payment.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('intake.reference')}</span>
        <input className="input" value={reference} maxLength={128} onChange={(e) => setReference(e.target.value)} />
      </label>
    </Dialog>
  );
}

export function EditDialog({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const offset = useSessionStore((s) => regionCalendar(s.session?.calendars, o.regionId)?.utcOffsetMinutes) ?? DEFAULT_KZ_CALENDAR.utcOffsetMinutes;
  const now = useClockStore((s) => s.now);
  const [d, setD] = useState<EditDraft>(() => draftFromOrder(o, offset));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = (patch: Partial<EditDraft>) => {
    setD({ ...d, ...patch });
    setProblems(problems.filter((p) => !(p.field in patch)));
  };
  const submit = () => {
    const built = buildEdit(o, d, offset, now);
    setProblems(built.problems);
    if (built.changes) void editOrder(built.changes);
    else if (built.problems.length === 0) closeDialog();
  };
  const field = (name: NewOrderField, key: keyof EditDraft, extra: { inputMode?: 'decimal' | 'numeric' | 'tel' } = {}) => {
    const problem = problems.find((p) => p.field === name);
    const id = `edit-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{t(fieldKey(name))}</label>
        <input
          id={id}
          className="input"
          inputMode={extra.inputMode}
          value={String(d[key])}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => set({ [key]: e.target.value } as Partial<EditDraft>)}
        />
        {problem && (
          <small id={`${id}-error`} className="error-text no-error">
            {t(fieldKey(name))}: {t(problemKey(problem.problem))}
          </small>
        )}
      </div>
    );
  };
  const windowProblem = problems.find((p) => p.field === 'windowStart' || p.field === 'windowEnd');
  return (
    <Dialog title={t('intake.editTitle', { number: o.number })} footer={<Footer label={t('intake.editSubmit')} submit={submit} />}>
      <CommandError />
      <div className="no-grid" style={{ gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
        {field('customerName', 'customerName')}
        {field('customerPhone', 'customerPhone', { inputMode: 'tel' })}
        {field('customerEmail', 'customerEmail')}
        {field('deliveryCity', 'deliveryCity')}
        <div className="no-wide">{field('deliveryAddress', 'deliveryAddress')}</div>
        {field('deliveryLat', 'deliveryLat', { inputMode: 'decimal' })}
        {field('deliveryLon', 'deliveryLon', { inputMode: 'decimal' })}
      </div>
      <label className="field no-check" style={{ paddingTop: 4 }}>
        <input type="checkbox" checked={d.windowDay !== ''} onChange={(e) => set({ windowDay: e.target.checked ? new Date(now + offset * 60_000 + 86_400_000).toISOString().slice(0, 10) : '' })} />
        <span>{t('intake.window')}</span>
      </label>
      {d.windowDay !== '' && (
        <div className="no-window">
          <div className="field">
            <label htmlFor="edit-window-day">{t('intake.windowDay')}</label>
            <DayInput id="edit-window-day" value={d.windowDay} onChange={(v) => set({ windowDay: v === '' ? d.windowDay : v })} />
          </div>
          <div className="field">
            <label htmlFor="edit-window-from">{t('intake.windowFrom')}</label>
            <TimeInput id="edit-window-from" value={d.windowFrom} onChange={(m) => set({ windowFrom: m })} />
          </div>
          <div className="field">
            <label htmlFor="edit-window-to">{t('intake.windowTo')}</label>
            <TimeInput id="edit-window-to" value={d.windowTo} onChange={(m) => set({ windowTo: m })} />
          </div>
        </div>
      )}
      {windowProblem && <small className="error-text no-error">{t(fieldKey(windowProblem.field))}: {t(problemKey(windowProblem.problem))}</small>}
      <div className="no-grid" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
        <div className="no-wide">{field('cargoDescription', 'cargoDescription')}</div>
        {field('weightKg', 'weightKg', { inputMode: 'decimal' })}
        {field('volumeM3', 'volumeM3', { inputMode: 'decimal' })}
        {field('places', 'places', { inputMode: 'numeric' })}
        <SpecialHandlingFields value={d} onChange={set} id="edit-hazardClass" />
      </div>
    </Dialog>
  );
}
