// Import orders from a spreadsheet: file -> columns (guessed, editable) -> every row checked, each
// refused one with its reasons -> all imported, or none while a row is refused (main decides).
import type { OrderImportProgress, OrderImportRow } from '../../../../shared/api/order-import-api';
import { ORDER_IMPORT_FIELDS, type OrderImportField } from '../../../../shared/order-import/import-fields';
import type { OrderRowProblem } from '../../../../shared/order-import/import-row';
import { useT } from '../../i18n/use-t';
import { isMessageKey, type Translator } from '../../i18n/translate';
import { Modal } from '../../ui/Modal';
import {
  closeOrderImport,
  commitOrderImport,
  orderImportBack,
  pickOrderFile,
  previewOrderImport,
  setOrderMapping,
  useOrderImportStore,
  type OrderImportStep,
} from './store';
import './order-import.css';

/** A column's name: the order form's word where there is one, the import's own otherwise. */
export function fieldText(t: Translator, field: OrderImportField): string {
  const key = `orderForm.field.${field}`;
  return isMessageKey(key) ? t(key) : t.dyn(`orderImport.field.${field}`, field);
}

/** "Phone: not a number to call", with the form's problem words and the import's own. */
export function problemText(t: Translator, p: OrderRowProblem): string {
  const key = `orderForm.problem.${p.problem}`;
  const problem = isMessageKey(key) ? t(key) : t.dyn(`orderImport.problem.${p.problem}`, p.problem, { value: p.value ?? '' });
  return t('orderImport.problemLine', { field: fieldText(t, p.field), problem });
}

function Steps({ step, t }: { step: OrderImportStep; t: Translator }) {
  const steps = [
    ['file', t('orderImport.stepFile')],
    ['mapping', t('orderImport.stepMapping')],
    ['preview', t('orderImport.stepPreview')],
    ['done', t('orderImport.stepSend')],
  ] as const;
  return (
    <ol className="oi-steps">
      {steps.map(([id, label]) => (
        <li key={id} aria-current={id === step ? 'step' : undefined}>
          {label}
        </li>
      ))}
    </ol>
  );
}

function RowsTable({ rows, t }: { rows: OrderImportRow[]; t: Translator }) {
  return (
    <div className="oi-rows">
      <table className="oi-table">
        <thead>
          <tr>
            <th>{t('orderImport.row')}</th>
            <th>{t('orderImport.status')}</th>
            <th>{fieldText(t, 'externalId')}</th>
            <th>{t('orderImport.customer')}</th>
            <th>{t('orderImport.city')}</th>
            <th>{t('orderImport.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rowNumber} className={r.status === 'rejected' ? 'oi-rejected' : undefined}>
              <td className="tabular">{r.rowNumber}</td>
              <td>{r.status === 'rejected' ? t('orderImport.statusRejected') : t('orderImport.statusNew')}</td>
              <td className="tabular">{r.externalId}</td>
              <td>{r.customerName}</td>
              <td>{r.city}</td>
              <td>{r.status === 'rejected' ? r.problems.map((p) => problemText(t, p)).join('; ') : r.approximate ? t('orderImport.approximate') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The committed file on its way: parts the server holds, then done, or refused with the row that stopped it. */
function SendProgress({ p, t }: { p: OrderImportProgress; t: Translator }) {
  if (p.state === 'done') {
    return (
      <p role="status" className="oi-send-done">
        {t('orderImport.sendDone', { orders: p.orders })}
      </p>
    );
  }
  if (p.state === 'refused') {
    const r = p.refusal;
    const field = r?.field ? (isOrderImportField(r.field) ? fieldText(t, r.field) : r.field) : null;
    const where = r?.row == null ? null : field === null ? t('orderImport.sendRefusedRow', { row: r.row }) : t('orderImport.sendRefusedRowField', { row: r.row, field });
    return (
      <div role="alert" className="oi-send-refused">
        <p className="oi-bad">{t('orderImport.sendRefused')}</p>
        {r && (
          <p>
            {where && <strong>{where} — </strong>}
            <span className="muted">{r.message}</span>
          </p>
        )}
        <p>{t('orderImport.sendRefusedFix')}</p>
      </div>
    );
  }
  const text =
    p.state === 'queued' ? (p.online ? t('orderImport.sendQueued', { parts: p.parts, orders: p.orders }) : t('orderImport.sendOffline')) : t('orderImport.sendSending', { received: p.received, parts: p.parts });
  return (
    <div role="status" className="oi-send">
      <label className="oi-send-bar">
        <span>{t('orderImport.sendProgress')}</span>
        <progress max={p.parts} value={p.received} />
        <span className="tabular">
          {p.received} / {p.parts}
        </span>
      </label>
      <p>{text}</p>
      {p.online && p.state === 'sending' && <p className="muted">{t('orderImport.sendWaiting')}</p>}
      {!p.online && p.state === 'sending' && <p className="muted">{t('orderImport.sendOffline')}</p>}
    </div>
  );
}

function isOrderImportField(f: string): f is OrderImportField {
  return (ORDER_IMPORT_FIELDS as readonly string[]).includes(f);
}

function FileInput({ busy, t, label }: { busy: boolean; t: Translator; label: string }) {
  return (
    <div className="field">
      <label htmlFor="oi-file">{label}</label>
      <input
        id="oi-file"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        disabled={busy}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void pickOrderFile(f);
          e.target.value = '';
        }}
        data-autofocus
      />
      {busy && <p className="muted">{t('orderImport.reading')}</p>}
    </div>
  );
}

export function OrderImportDialog() {
  const t = useT();
  const busy = useOrderImportStore((st) => st.busy);
  const created = useOrderImportStore((st) => st.created);
  const error = useOrderImportStore((st) => st.error);
  const file = useOrderImportStore((st) => st.file);
  const mapping = useOrderImportStore((st) => st.mapping);
  const preview = useOrderImportStore((st) => st.preview);
  const progress = useOrderImportStore((st) => st.progress);
  const step = useOrderImportStore((st) => st.step);
  const cancel = (
    <button type="button" className="btn" onClick={closeOrderImport}>
      {step === 'done' ? t('orderImport.close') : t('orderImport.cancel')}
    </button>
  );
  let body;
  let footer;
  if (step === 'file') {
    body = <FileInput busy={busy} t={t} label={t('orderImport.chooseFile')} />;
    footer = cancel;
  } else if (step === 'mapping' && file) {
    const columns = file.headers.map((h, i) => ({ i, label: h === '' ? `#${i + 1}` : h }));
    body = (
      <>
        <p className="muted">
          {file.fileName} — {t('orderImport.rowsInFile', { n: file.rowCount, sheet: file.sheetName })}
        </p>
        <div className="oi-mapping">
          {ORDER_IMPORT_FIELDS.map((f) => {
            const col = mapping[f];
            const sample = col === undefined || col === null ? '' : (file.sampleRows[0]?.[col] ?? '');
            return (
              <div key={f} className="oi-map-row">
                <label htmlFor={`oi-map-${f}`}>{fieldText(t, f)}</label>
                <select
                  id={`oi-map-${f}`}
                  className="select"
                  value={col ?? ''}
                  onChange={(e) => setOrderMapping({ ...mapping, [f]: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">{t('orderImport.notRead')}</option>
                  {columns.map((c) => (
                    <option key={c.i} value={c.i}>
                      {c.label}
                    </option>
                  ))}
                </select>
                {sample !== '' && <span className="oi-map-sample">{t('orderImport.sample', { value: sample })}</span>}
              </div>
            );
          })}
        </div>
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={orderImportBack}>
          {t('orderImport.back')}
        </button>
        {cancel}
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void previewOrderImport()}>
          {t('orderImport.check')}
        </button>
      </>
    );
  } else if (step === 'preview' && preview) {
    const p = preview;
    body = (
      <>
        <div className="oi-counts" role="status">
          <span>{t('orderImport.ready', { n: p.counts.new })}</span>
          {p.counts.rejected > 0 && <span className="oi-bad">{t('orderImport.refused', { n: p.counts.rejected })}</span>}
        </div>
        {p.counts.rejected > 0 && (
          <>
            <p>{t('orderImport.allOrNothing')}</p>
            <FileInput busy={busy} t={t} label={t('orderImport.chooseAgain')} />
          </>
        )}
        <RowsTable rows={p.rows} t={t} />
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={orderImportBack}>
          {t('orderImport.back')}
        </button>
        {cancel}
        <button type="button" className="btn btn-primary" disabled={busy || p.counts.rejected > 0 || p.counts.new === 0} onClick={() => void commitOrderImport()}>
          {busy ? t('orderImport.importing') : t('orderImport.import', { n: p.counts.new })}
        </button>
      </>
    );
  } else {
    body = progress ? <SendProgress p={progress} t={t} /> : <p role="status">{t('orderImport.done', { n: created ?? 0 })}</p>;
    footer = cancel;
  }
  return (
    <Modal title={t('orderImport.title')} onClose={closeOrderImport} className="oi-dialog" closeLabel={t('orderImport.close')} footer={footer}>
      <Steps step={step} t={t} />
      {body}
      {error && (
        <p className="oi-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
