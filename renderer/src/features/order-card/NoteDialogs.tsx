// The small dialogs on the card: report a problem (reason + comment), resolve it (where the
// order goes + comment), comment, cancel (why). Each submits through the card store.
import { useState } from 'react';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { allowedTransitions, problemResolutionTargets } from '../../../../shared/domain/order-status';
import { PROBLEM_REASONS, type Actor, type OrderStatus, type ProblemReason } from '../../../../shared/domain/vocabulary';
import { useT } from '../../i18n/use-t';
import { CommandError, Dialog, DialogFooter as Footer } from './Dialog';
import { StatusSelect } from './StatusSelect';
import { addComment, cancelOrder, reportProblem, resolveProblem, type CardDialog } from './store';

/** Where this user may send a problem order: the status machine's targets that their actor is allowed. */
export function resolutionTargets(order: Pick<OrderDetail['order'], 'warehouseId' | 'statusBeforeProblem'>, actor: Actor | null): OrderStatus[] {
  if (!actor) return [];
  const ctx = { warehouseId: order.warehouseId, statusBeforeProblem: order.statusBeforeProblem };
  const allowed = new Set(allowedTransitions('problem', actor, ctx));
  return problemResolutionTargets(ctx).filter((s) => allowed.has(s));
}

export function NoteDialog({ kind, detail, actor }: { kind: Extract<CardDialog, 'problem' | 'resolve' | 'comment' | 'cancel'>; detail: OrderDetail; actor: Actor | null }) {
  const t = useT();
  const number = detail.order.number;
  const [text, setText] = useState('');
  const [reason, setReason] = useState<ProblemReason>('delay');
  const [target, setTarget] = useState<OrderStatus | ''>('');

  if (kind === 'problem') {
    return (
      <Dialog title={t('problem.title', { number })} footer={<Footer label={t('problem.submit')} submit={() => void reportProblem(reason, text.trim())} />}>
        <CommandError />
        <label className="field">
          <span>{t('problem.reason')}</span>
          <select className="select" data-autofocus value={reason} onChange={(e) => setReason(e.target.value as ProblemReason)}>
            {PROBLEM_REASONS.map((r) => (
              <option key={r} value={r}>
                {t.dyn(`reason.${r}`, r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('problem.comment')}</span>
          <textarea className="textarea" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
        </label>
      </Dialog>
    );
  }

  if (kind === 'resolve') {
    const targets = resolutionTargets(detail.order, actor);
    return (
      <Dialog
        title={t('resolve.title', { number })}
        footer={<Footer label={t('resolve.submit')} submit={() => void resolveProblem(text.trim(), target || undefined)} />}
      >
        <CommandError />
        <StatusSelect label={t('resolve.to')} emptyLabel={t('resolve.toDefault')} targets={targets} value={target} onChange={setTarget} />
        <label className="field">
          <span>{t('resolve.comment')}</span>
          <textarea className="textarea" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
        </label>
      </Dialog>
    );
  }

  const isCancel = kind === 'cancel';
  const submit = () => void (isCancel ? cancelOrder(text.trim()) : addComment(text.trim()));
  return (
    <Dialog
      title={t(isCancel ? 'cancel.title' : 'comment.title', { number })}
      footer={<Footer label={t(isCancel ? 'cancel.submit' : 'comment.submit')} submit={submit} disabled={text.trim() === ''} />}
    >
      <CommandError />
      <label className="field">
        <span>{t(isCancel ? 'cancel.reason' : 'comment.text')}</span>
        <textarea
          className="textarea"
          data-autofocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={isCancel ? 2000 : 4000}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) submit();
          }}
        />
      </label>
    </Dialog>
  );
}
