// Report a shortage or damage: the two reasons a warehouse user may give (the server refuses
// any other from them). A comment says what exactly. The shared modal (ui/Modal.tsx) keeps focus
// inside and closes on Escape or the backdrop.
import { useId, useState } from 'react';
import type { PickListItem } from '../../../../shared/api/warehouse-api';
import { openProblem, reportProblem } from './store';
import { useT } from '../../i18n/use-t';
import { Modal } from '../../ui/Modal';

export function ProblemDialog({ item }: { item: PickListItem }) {
  const t = useT();
  const formId = useId();
  const [reason, setReason] = useState<'short_delivery' | 'damaged'>('short_delivery');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const close = (): void => openProblem(null);
  const footer = (
    <>
      <button type="button" className="btn" onClick={close}>
        {t('warehouse.cancel')}
      </button>
      <button type="submit" form={formId} className="btn btn-primary" disabled={busy}>
        {t('warehouse.report')}
      </button>
    </>
  );
  return (
    <Modal title={t('warehouse.problemTitle', { number: item.number })} onClose={close} footer={footer}>
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void reportProblem(item, reason, comment.trim()).finally(() => setBusy(false));
        }}
      >
        <fieldset className="field wh-reasons">
          <legend>{t('warehouse.reason')}</legend>
          {(['short_delivery', 'damaged'] as const).map((r) => (
            <label key={r}>
              <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {t(`warehouse.${r}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('warehouse.comment')}</span>
          <textarea className="textarea" placeholder={t('warehouse.commentHint')} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
        </label>
      </form>
    </Modal>
  );
}
