// The scan box and its answer. Scans typed into the box submit on Enter; scans that arrive
// while focus is elsewhere in the view are caught by a window key listener (ScanBuffer), so a
// storekeeper never has to click into the box first. The answer is a colour, a sound and
// a sentence read out by screen readers (role=status).
import { useEffect, useRef, useState } from 'react';
import { cleanScan, isTypingTarget, ScanBuffer } from './scan-input';
import { scan, useWarehouseStore, type ScanFeedback } from './store';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

export const SCAN_INPUT_ID = 'warehouse-scan';

function feedbackText(f: ScanFeedback, t: Translator): string {
  return t(`warehouse.${f.outcome}`, { number: f.number, status: f.status ?? '', message: f.message });
}

export function ScanBox() {
  const t = useT();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const feedback = useWarehouseStore((s) => s.feedback);
  const dialogOpen = useWarehouseStore((s) => s.problemFor !== null);

  useEffect(() => {
    if (!dialogOpen) input.current?.focus();
  }, [dialogOpen, feedback?.seq]);

  useEffect(() => {
    const buffer = new ScanBuffer();
    const onKey = (e: KeyboardEvent): void => {
      if (useWarehouseStore.getState().problemFor !== null) return; // the dialog owns the keys
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.id === SCAN_INPUT_ID || isTypingTarget(target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const fed = buffer.feed(e.key, e.timeStamp);
      if (fed.kind === 'scan') {
        // The scanner's Enter must not also press whatever button has focus.
        e.preventDefault();
        e.stopPropagation();
        const number = cleanScan(fed.value);
        if (number) void scan(number);
      } else if (e.key.length === 1 && e.key !== ' ') {
        e.preventDefault(); // console letter shortcuts stay quiet while scanning here
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const submit = (): void => {
    const number = cleanScan(value);
    setValue('');
    if (number) void scan(number);
  };

  const tone = feedback === null ? 'idle' : feedback.outcome === 'picked' || feedback.outcome === 'reported' ? 'ok' : 'error';
  return (
    <div className={`scan-box scan-${tone}`}>
      <form
        className="scan-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={SCAN_INPUT_ID} className="scan-label">
          {t('warehouse.scanLabel')}
        </label>
        <div className="scan-row">
          <input
            id={SCAN_INPUT_ID}
            ref={input}
            data-scan-input=""
            className="input scan-input"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('warehouse.scanPlaceholder')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="btn btn-primary">
            {t('warehouse.scanButton')}
          </button>
        </div>
        <p className="scan-hint muted">{t('warehouse.scanHint')}</p>
      </form>
      <div className="scan-feedback" role="status" aria-live="assertive" data-outcome={feedback?.outcome ?? 'idle'} key={feedback?.seq ?? 0}>
        {feedback === null ? t('warehouse.ready') : feedbackText(feedback, t)}
      </div>
    </div>
  );
}
