// The card's dialogs: the shared modal (ui/Modal.tsx: labelled by its title, focus kept inside,
// Escape and the backdrop close it) closing through the card store. Every card dialog (intake,
// notes, hand-over) ends with the same footer and error line.
import type { ReactNode } from 'react';
import { Modal } from '../../ui/Modal';
import { useT } from '../../i18n/use-t';
import { closeDialog, useOrderCardStore } from './store';

export function Dialog({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const t = useT();
  return (
    <Modal title={title} onClose={closeDialog} footer={footer} closeLabel={t('action.close')}>
      {children}
    </Modal>
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
