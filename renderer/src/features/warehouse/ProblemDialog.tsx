// Report a shortage or damage: the two reasons a warehouse user may give (the server refuses
// any other from them). A comment says what exactly.
import { useEffect, useId, useRef, useState } from 'react';
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { openProblem, reportProblem } from './store';
import { useT } from '../../i18n/use-t';

export function ProblemDialog({ item }: { item: PickListItem }) {
  const t = useT();
  const titleId = useId();
  const [reason, setReason] = useState<'short_delivery' | 'damaged'>('short_delivery');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const close = (): void => openProblem(null);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="dialog-head">
          <h2 id={titleId}>{t('warehouse.problemTitle', { number: item.number })}</h2>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            void reportProblem(item, reason, comment.trim()).finally(() => setBusy(false));
          }}
        >
          <div className="dialog-body">
            <fieldset className="field wh-reasons">
              <legend>{t('warehouse.reason')}</legend>
              {(['short_delivery', 'damaged'] as const).map((r, i) => (
                <label key={r}>
                  <input ref={i === 0 ? first : undefined} type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {t(`warehouse.${r}`)}
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>{t('warehouse.comment')}</span>
              <textarea className="textarea" placeholder={t('warehouse.commentHint')} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
            </label>
          </div>
          <div className="dialog-foot">
            <button type="button" className="btn" onClick={close}>
              {t('warehouse.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('warehouse.report')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
