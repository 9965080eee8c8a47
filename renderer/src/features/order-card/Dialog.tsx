// The card's dialog shell: a modal labelled by its title, focus moves in on open and returns on
// close, Tab stays inside; Escape is handled by the global shortcuts (it closes the dialog
// first). Every card dialog (intake, notes, hand-over) ends with the same footer and error line.
import { useId, useRef, type ReactNode } from 'react';
import { useModalFocus } from '../../app/use-modal-focus';
import { useT } from '../../i18n/use-t';
import { closeDialog, useOrderCardStore } from './store';

export function Dialog({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  const trapTab = useModalFocus(ref);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeDialog()}>
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={trapTab}>
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-ghost btn-small" style={{ marginLeft: 'auto' }} aria-label={t('action.close')} onClick={closeDialog}>
            ✕
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-foot">{footer}</div>}
      </div>
    </div>
  );
}

/** Close, and the dialog's one command (disabled while the card store runs one). */
export function DialogFooter({ submit, label, disabled }: { submit: () => void; label: string; disabled?: boolean }) {
  const t = useT();
  const busy = useOrderCardStore((s) => s.busy);
  return (
    <>
      <button type="button" className="btn" onClick={closeDialog}>
        {t('action.close')}
      </button>
      <button type="button" className="btn btn-primary" disabled={busy || disabled} onClick={submit}>
        {label}
      </button>
    </>
  );
}

/** The last command's refusal, in the dialog that sent it. */
export function CommandError() {
  const error = useOrderCardStore((s) => s.commandError);
  return error ? (
    <p className="card-rejected" role="alert">
      {error}
    </p>
  ) : null;
}
