// Import wizard: pick a file -> map columns (guessed from the headers) -> check every row (new,
// duplicate by tax id or phone, rejected with the reason) -> import and read the report. Main
// parses and validates; nothing here decides what a row means.
import type { ImportRowView } from '../../../../shared/api/carriers-api';
import { CARRIER_IMPORT_FIELDS, type CarrierImportField } from '../../../../shared/carriers/import-fields';
import { Modal } from './Modal';
import { commitImport, openDialog, pickImportFile, previewImport, setDuplicateAction, setMapping, useCarriersStore, wizardBack } from './store';
import { useCarrierText, type CarrierText } from './carriers-text';
import { importProblemsText } from './import-problem-text';

function Steps({ step, t }: { step: string; t: CarrierText }) {
  const steps = [
    ['file', t('importStepFile')],
    ['mapping', t('importStepMapping')],
    ['preview', t('importStepPreview')],
    ['report', t('importStepReport')],
  ] as const;
  return (
    <ol className="cr-steps">
      {steps.map(([id, label]) => (
        <li key={id} aria-current={id === step ? 'step' : undefined}>
          {label}
        </li>
      ))}
    </ol>
  );
}

function why(v: ImportRowView, t: CarrierText): string {
  if (v.problems.length > 0) return importProblemsText(v.problems, t.lang);
  const d = v.duplicateOf;
  if (!d) return '';
  const by = t(`by_${d.by}`);
  return d.rowNumber !== null ? t('dupOfRow', { by, row: d.rowNumber }) : t('dupOfBase', { by, name: d.name });
}

function RowsTable({ rows, t }: { rows: ImportRowView[]; t: CarrierText }) {
  return (
    <div className="cr-import-rows">
      <table className="cr-table">
        <thead>
          <tr>
            <th>{t('row')}</th>
            <th>{t('status')}</th>
            <th>{t('field_name')}</th>
            <th>{t('field_taxId')}</th>
            <th>{t('field_phone')}</th>
            <th>{t('why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.rowNumber} className={`cr-import-${v.status}`}>
              <td className="tabular">{v.rowNumber}</td>
              <td>{t(`status_${v.status}`)}</td>
              <td>{v.name}</td>
              <td className="tabular">{v.taxId}</td>
              <td className="tabular">{v.phone}</td>
              <td>{why(v, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportWizard() {
  const t = useCarrierText();
  const w = useCarriersStore((s) => s.wizard);
  const close = () => openDialog(null);
  const colOptions = (w.file?.headers ?? []).map((h, i) => ({ i, label: h || `#${i + 1}` }));
  const setField = (field: CarrierImportField, value: string) => setMapping({ ...w.mapping, [field]: value === '' ? null : Number(value) });
  const toImport = w.preview ? w.preview.counts.new + (w.duplicates === 'update' ? w.preview.rows.filter((r) => r.status === 'duplicate' && r.duplicateOf?.carrierId).length : 0) : 0;

  let body;
  let footer;
  if (w.step === 'file') {
    body = (
      <div className="field">
        <label htmlFor="cr-import-file">{t('chooseFile')}</label>
        <input
          id="cr-import-file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          disabled={w.busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void pickImportFile(f);
          }}
          data-autofocus
        />
        {w.busy && <p className="muted">{t('reading')}</p>}
      </div>
    );
    footer = (
      <button type="button" className="btn" onClick={close}>
        {t('cancel')}
      </button>
    );
  } else if (w.step === 'mapping' && w.file) {
    body = (
      <>
        <p className="muted">
          {w.file.fileName} — {t('rowsInFile', { n: w.file.rowCount, sheet: w.file.sheetName })}
        </p>
        <div className="cr-mapping">
          {CARRIER_IMPORT_FIELDS.map((f) => {
            const value = w.mapping[f];
            const sample = value === undefined || value === null ? '' : (w.file?.sampleRows[0]?.[value] ?? '');
            return (
              <div key={f} className="cr-map-row">
                <label htmlFor={`cr-map-${f}`}>{t(`field_${f}`)}</label>
                <select id={`cr-map-${f}`} className="select" value={value ?? ''} onChange={(e) => setField(f, e.target.value)}>
                  <option value="">{t('notImported')}</option>
                  {colOptions.map((c) => (
                    <option key={c.i} value={c.i}>
                      {c.label}
                    </option>
                  ))}
                </select>
                <span className="muted cr-sample">{sample}</span>
              </div>
            );
          })}
        </div>
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={wizardBack}>
          {t('back')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void previewImport()} disabled={w.busy}>
          {t('preview')}
        </button>
      </>
    );
  } else if (w.step === 'preview' && w.preview) {
    body = (
      <>
        <p>
          <strong>{t('previewCounts', w.preview.counts)}</strong>
        </p>
        <fieldset className="cr-checks">
          <legend>{t('duplicates')}</legend>
          <label>
            <input type="radio" name="cr-dups" checked={w.duplicates === 'skip'} onChange={() => setDuplicateAction('skip')} /> {t('dupSkip')}
          </label>
          <label>
            <input type="radio" name="cr-dups" checked={w.duplicates === 'update'} onChange={() => setDuplicateAction('update')} /> {t('dupUpdate')}
          </label>
        </fieldset>
        <RowsTable rows={w.preview.rows} t={t} />
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={wizardBack}>
          {t('back')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void commitImport()} disabled={w.busy || toImport === 0}>
          {t('commit', { n: toImport })}
        </button>
      </>
    );
  } else if (w.step === 'report' && w.report) {
    const r = w.report;
    body = (
      <>
        <p role="status">
          <strong>{t('reportText', { created: r.created, updated: r.updated, skipped: r.skippedDuplicates.length, rejected: r.rejected.length })}</strong>
        </p>
        {r.rejected.length + r.skippedDuplicates.length > 0 && <RowsTable rows={[...r.rejected, ...r.skippedDuplicates].sort((a, b) => a.rowNumber - b.rowNumber)} t={t} />}
      </>
    );
    footer = (
      <button type="button" className="btn btn-primary" onClick={close}>
        {t('done')}
      </button>
    );
  }

  return (
    <Modal title={t('importTitle')} onClose={close} footer={footer} wide>
      <Steps step={w.step} t={t} />
      {body}
      {w.error && (
        <p className="error-text" role="alert">
          {w.error}
        </p>
      )}
    </Modal>
  );
}
