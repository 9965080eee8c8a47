// The card's buttons: exactly the actions main says this user may take on this order now.
// A warehouse user never sees Assign or Cancel, because main never lists them for that role.
import type { OrderAction, OrderDetail } from '../../../../shared/api/orders-api';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { confirmOrder, openDialog, unassignDriver, useOrderCardStore, type CardDialog } from './store';

type ButtonSpec = { action: OrderAction; label: MessageKey; run: () => void; primary?: boolean; danger?: boolean; kbd?: string };

export function cardButtons(detail: OrderDetail): ButtonSpec[] {
  const has = (a: OrderAction) => detail.actions.includes(a);
  const dialog = (d: CardDialog) => () => void openDialog(d);
  const out: ButtonSpec[] = [];
  // Confirming asks for the checklist when the service requires items of it (an admin's setting).
  if (has('confirm')) out.push({ action: 'confirm', label: 'action.confirm', run: detail.checklistRequired.length > 0 ? dialog('checklist') : () => void confirmOrder(), primary: true });
  if (has('assign')) {
    const re = detail.order.driverId !== null;
    out.push({ action: 'assign', label: re ? 'action.reassign' : 'action.assign', run: dialog('assign'), primary: !has('confirm') && !re, kbd: 'A' });
  }
  if (has('resolve_problem')) out.push({ action: 'resolve_problem', label: 'action.resolve', run: dialog('resolve'), primary: true });
  if (has('report_problem')) out.push({ action: 'report_problem', label: 'action.reportProblem', run: dialog('problem') });
  if (has('comment')) out.push({ action: 'comment', label: 'action.comment', run: dialog('comment') });
  if (has('unassign')) out.push({ action: 'unassign', label: 'action.unassign', run: () => void unassignDriver() });
  if (has('edit')) out.push({ action: 'edit', label: 'action.edit', run: dialog('edit') });
  if (has('record_payment')) out.push({ action: 'record_payment', label: 'action.recordPayment', run: dialog('payment') });
  if (has('correct_status')) out.push({ action: 'correct_status', label: 'action.correctStatus', run: dialog('correct') });
  if (has('undo_correction')) out.push({ action: 'undo_correction', label: 'action.undoCorrection', run: dialog('undo') });
  if (has('hand_to_carrier')) out.push({ action: 'hand_to_carrier', label: 'action.findCarrier', run: dialog('carrier') });
  if (has('hand_to_courier')) out.push({ action: 'hand_to_courier', label: 'action.handToCourier', run: dialog('courier') });
  if (has('take_back')) out.push({ action: 'take_back', label: 'action.takeBack', run: dialog('takeBack') });
  if (has('cancel')) out.push({ action: 'cancel', label: 'action.cancel', run: dialog('cancel'), danger: true });
  return out;
}

export function CardActions({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const busy = useOrderCardStore((s) => s.busy);
  const error = useOrderCardStore((s) => s.commandError);
  const dialog = useOrderCardStore((s) => s.dialog);
  const buttons = cardButtons(detail);
  if (buttons.length === 0) return null;
  return (
    <div className="card-actions" role="toolbar" aria-label={t('card.label')}>
      {buttons.map((b) => (
        <button
          key={b.action}
          type="button"
          className={`btn${b.primary ? ' btn-primary' : ''}${b.danger ? ' btn-danger' : ''}`}
          disabled={busy}
          onClick={b.run}
          aria-keyshortcuts={b.kbd}
        >
          {t(b.label)}
          {b.kbd && <span className="kbd" aria-hidden="true">{b.kbd}</span>}
        </button>
      ))}
      {error && !dialog && (
        <p className="card-rejected" role="alert" style={{ width: '100%' }}>
          {error}
        </p>
      )}
    </div>
  );
}
