// Import wizard: pick a file -> map columns (guessed from the headers) -> check every row (new,
// duplicate by tax id or phone, rejected with the reason) -> import and read the report. Main
// parses and validates; nothing here decides what a row means.
import type { ImportRowView } from '../../../../shared/api/carriers-api';
import { CARRIER_IMPORT_FIELDS, type CarrierImportField } from '../../../../shared/carriers/import-fields';
import { Modal } from '../../ui/Modal';
import { commitImport, openDialog, pickImportFile, previewImport, setDuplicateAction, setMapping, useCarriersStore, wizardBack } from './store';
import { useT } from '../../i18n/use-t';
import type { Translator } from '../../i18n/translate';
import { importProblemsText } from './import-problem-text';

function Steps({ step, t }: { step: string; t: Translator }) {
  const steps = [
    ['file', t('carriers.importStepFile')],
    ['mapping', t('carriers.importStepMapping')],
    ['preview', t('carriers.importStepPreview')],
    ['report', t('carriers.importStepReport')],
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

function why(v: ImportRowView, t: Translator): string {
  if (v.problems.length > 0) return importProblemsText(v.problems, t.lang);
  const d = v.duplicateOf;
  if (!d) return '';
  const by = t(`carriers.by_${d.by}`);
  return d.rowNumber !== null ? t('carriers.dupOfRow', { by, row: d.rowNumber }) : t('carriers.dupOfBase', { by, name: d.name });
}

function RowsTable({ rows, t }: { rows: ImportRowView[]; t: Translator }) {
  return (
    <div className="cr-import-rows">
      <table className="cr-table">
        <thead>
          <tr>
            <th>{t('carriers.row')}</th>
            <th>{t('carriers.status')}</th>
            <th>{t('carriers.field_name')}</th>
            <th>{t('carriers.field_taxId')}</th>
            <th>{t('carriers.field_phone')}</th>
            <th>{t('carriers.why')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.rowNumber} className={`cr-import-${v.status}`}>
              <td className="tabular">{v.rowNumber}</td>
              <td>{t(`carriers.status_${v.status}`)}</td>
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
  const t = useT();
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
        <label htmlFor="cr-import-file">{t('carriers.chooseFile')}</label>
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
        {w.busy && <p className="muted">{t('carriers.reading')}</p>}
      </div>
    );
    footer = (
      <button type="button" className="btn" onClick={close}>
        {t('carriers.cancel')}
      </button>
    );
  } else if (w.step === 'mapping' && w.file) {
    body = (
      <>
        <p className="muted">
          {w.file.fileName} — {t('carriers.rowsInFile', { n: w.file.rowCount, sheet: w.file.sheetName })}
        </p>
        <div className="cr-mapping">
          {CARRIER_IMPORT_FIELDS.map((f) => {
            const value = w.mapping[f];
            const sample = value === undefined || value === null ? '' : (w.file?.sampleRows[0]?.[value] ?? '');
            return (
              <div key={f} className="cr-map-row">
                <label htmlFor={`cr-map-${f}`}>{t(`carriers.field_${f}`)}</label>
                <select id={`cr-map-${f}`} className="select" value={value ?? ''} onChange={(e) => setField(f, e.target.value)}>
                  <option value="">{t('carriers.notImported')}</option>
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
          {t('carriers.back')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void previewImport()} disabled={w.busy}>
          {t('carriers.preview')}
        </button>
      </>
    );
  } else if (w.step === 'preview' && w.preview) {
    body = (
      <>
        <p>
          <strong>{t('carriers.previewCounts', w.preview.counts)}</strong>
        </p>
        <fieldset className="cr-checks">
          <legend>{t('carriers.duplicates')}</legend>
          <label>
            <input type="radio" name="cr-dups" checked={w.duplicates === 'skip'} onChange={() => setDuplicateAction('skip')} /> {t('carriers.dupSkip')}
          </label>
          <label>
            <input type="radio" name="cr-dups" checked={w.duplicates === 'update'} onChange={() => setDuplicateAction('update')} /> {t('carriers.dupUpdate')}
          </label>
        </fieldset>
        <RowsTable rows={w.preview.rows} t={t} />
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={wizardBack}>
          {t('carriers.back')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void commitImport()} disabled={w.busy || toImport === 0}>
          {t('carriers.commit', { n: toImport })}
        </button>
      </>
    );
  } else if (w.step === 'report' && w.report) {
    const r = w.report;
    body = (
      <>
        <p role="status">
          <strong>{t('carriers.reportText', { created: r.created, updated: r.updated, skipped: r.skippedDuplicates.length, rejected: r.rejected.length })}</strong>
        </p>
        {r.rejected.length + r.skippedDuplicates.length > 0 && <RowsTable rows={[...r.rejected, ...r.skippedDuplicates].sort((a, b) => a.rowNumber - b.rowNumber)} t={t} />}
      </>
    );
    footer = (
      <button type="button" className="btn btn-primary" onClick={close}>
        {t('carriers.done')}
      </button>
    );
  }

  return (
    <Modal title={t('carriers.importTitle')} onClose={close} footer={footer} className="cr-dialog-wide">
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
