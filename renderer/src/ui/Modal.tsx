// A modal dialog any feature may use: labelled by its title, focus kept inside (use-modal-focus),
// Escape and the backdrop close it. The Escape stays here (stopPropagation) so the console's
// global shortcuts never also close the card underneath.
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useModalFocus } from '../app/use-modal-focus';

export function Modal({
  title,
  onClose,
  children,
  footer,
  className,
  closeLabel,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** The close button's accessible name; no button without it. */
  closeLabel?: string;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const trapTab = useModalFocus(ref);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      onClose();
      return;
    }
    trapTab(e);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`dialog${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          {closeLabel && (
            <button type="button" className="btn btn-ghost btn-small" style={{ marginLeft: 'auto' }} aria-label={closeLabel} onClick={onClose}>
              ✕
            </button>
          )}
        </div>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-foot">{footer}</div>}
      </div>
    </div>
  );
}
